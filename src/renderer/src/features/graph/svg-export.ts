/**
 * Registers cytoscape-svg (Chart.svg). It reads `window` as it loads, so it is imported by the
 * view, never by code that also runs headless in Node (tests, the layout worker).
 */
import cytoscape from 'cytoscape'
import svg from 'cytoscape-svg'

cytoscape.use(svg)
