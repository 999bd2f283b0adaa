/**
 * The map: places with their geography, groups, "operates in" relations and quotes about
 * places, in one query (layers and periods are computed from it in the view), and the map
 * as an SVG file for export. Edits elsewhere (row-sync.ts) reload it like every derived view.
 */
import { useQuery } from '@tanstack/react-query'
import type { MapQuery } from '../../../shared/contract'
import { call } from './client'

const mapKeys = {
  all: ['map'] as const,
  data: () => [...mapKeys.all, 'data'] as const,
}

export function useMapData() {
  return useQuery({ queryKey: mapKeys.data(), queryFn: () => call('map.data', {}) })
}

/** The map drawn for a file: fonts embedded, legend included. */
export function fetchMapSvg(query: MapQuery) {
  return call('map.svg', query)
}
