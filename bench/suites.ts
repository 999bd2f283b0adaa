/** Every suite `npm run bench` runs, in order. Feature issues add theirs here. */
import { apiSuite } from './suites/api'
import { graphSuite } from './suites/graph'
import { groupsGridSuite } from './suites/groups-grid'
import { memorySuite } from './suites/memory'
import { storeSuite } from './suites/store'
import type { BenchSuite } from './types'

export const suites: BenchSuite[] = [storeSuite, apiSuite, memorySuite, groupsGridSuite, graphSuite]
