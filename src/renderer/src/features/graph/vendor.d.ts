/** Types for the two cytoscape extensions, which ship none. */
declare module 'cytoscape-fcose' {
  import type cytoscape from 'cytoscape'
  const extension: cytoscape.Ext
  export default extension
}

declare module 'cytoscape-svg' {
  import type cytoscape from 'cytoscape'
  const extension: cytoscape.Ext
  export default extension
}
