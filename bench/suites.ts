/** Every suite `npm run bench` runs, in order. Feature issues add theirs here. */
import type { BenchSuite } from './types'

/**
 * Each suite with how to load it: only the suites a run selects are imported, so a suite's
 * process holds no other suite's modules (playwright-core, cytoscape, …) in its heap.
 */
export const suites: ReadonlyArray<{ name: string; load: () => Promise<BenchSuite> }> = [
  { name: 'store', load: async () => (await import('./suites/store')).storeSuite },
  { name: 'api', load: async () => (await import('./suites/api')).apiSuite },
  { name: 'memory', load: async () => (await import('./suites/memory')).memorySuite },
  { name: 'groups-grid', load: async () => (await import('./suites/groups-grid')).groupsGridSuite },
  { name: 'grid', load: async () => (await import('./suites/grid')).gridSuite },
  { name: 'anchoring', load: async () => (await import('./suites/anchoring')).anchoringSuite },
  { name: 'search', load: async () => (await import('./suites/search')).searchSuite },
  { name: 'import', load: async () => (await import('./suites/import')).importSuite },
  { name: 'reader', load: async () => (await import('./suites/reader')).readerSuite },
  { name: 'report', load: async () => (await import('./suites/report')).reportSuite },
  { name: 'notes', load: async () => (await import('./suites/notes')).notesSuite },
  { name: 'graph', load: async () => (await import('./suites/graph')).graphSuite },
  { name: 'exchange', load: async () => (await import('./suites/exchange')).exchangeSuite },
  { name: 'map', load: async () => (await import('./suites/map')).mapSuite },
  {
    name: 'suggestions',
    load: async () => (await import('./suites/suggestions')).suggestionsSuite,
  },
  { name: 'ach', load: async () => (await import('./suites/ach')).achSuite },
  { name: 'timeline', load: async () => (await import('./suites/timeline')).timelineSuite },
  { name: 'palette', load: async () => (await import('./suites/palette')).paletteSuite },
  { name: 'sync', load: async () => (await import('./suites/sync')).syncSuite },
]
