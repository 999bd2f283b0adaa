/** Every suite `npm run bench` runs, in order. Feature issues add theirs here. */
import { achSuite } from './suites/ach'
import { anchoringSuite } from './suites/anchoring'
import { apiSuite } from './suites/api'
import { exchangeSuite } from './suites/exchange'
import { graphSuite } from './suites/graph'
import { gridSuite } from './suites/grid'
import { groupsGridSuite } from './suites/groups-grid'
import { importSuite } from './suites/import'
import { mapSuite } from './suites/map'
import { memorySuite } from './suites/memory'
import { notesSuite } from './suites/notes'
import { paletteSuite } from './suites/palette'
import { readerSuite } from './suites/reader'
import { searchSuite } from './suites/search'
import { reportSuite } from './suites/report'
import { storeSuite } from './suites/store'
import { suggestionsSuite } from './suites/suggestions'
import { syncSuite } from './suites/sync'
import { timelineSuite } from './suites/timeline'
import type { BenchSuite } from './types'

export const suites: BenchSuite[] = [
  storeSuite,
  apiSuite,
  memorySuite,
  groupsGridSuite,
  gridSuite,
  anchoringSuite,
  searchSuite,
  importSuite,
  readerSuite,
  reportSuite,
  notesSuite,
  graphSuite,
  exchangeSuite,
  mapSuite,
  suggestionsSuite,
  achSuite,
  timelineSuite,
  paletteSuite,
  syncSuite,
]
