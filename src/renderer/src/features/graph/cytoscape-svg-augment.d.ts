import 'cytoscape'

declare module 'cytoscape' {
  interface Core {
    /** From cytoscape-svg: the current view (or the whole graph with `full`) as SVG markup. */
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string
  }
}
