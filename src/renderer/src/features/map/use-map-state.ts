/**
 * What the map shows and what is open beside it: the layer, the groups compared, the label
 * script and the selected province or place. Opened from a link (`#/map?g=…`), kept in the
 * link as it changes (replaceState: no history entry, no hashchange), so a reload keeps it.
 */
import { useEffect, useReducer } from 'react'
import { MAP_LABEL_SCRIPTS, type MapLabelScript } from '../../../../shared/contract'
import { MAP_LAYERS, MAX_MAP_GROUPS, type MapLayer } from '../../../../shared/model'
import { mapHref, parseMapHash, type MapRoute } from '../../routes/links'

const MAP_HASH = /^#\/?map(\?|$)/

export type MapSelection = { kind: 'province'; iso: string } | { kind: 'entity'; id: string }

export interface MapState {
  layer: MapLayer
  groupIds: string[]
  labels: MapLabelScript
  selection: MapSelection | null
}

export type MapAction =
  | { type: 'set-layer'; layer: MapLayer }
  | { type: 'toggle-group'; id: string; on: boolean }
  | { type: 'set-labels'; labels: MapLabelScript }
  | { type: 'select'; selection: MapSelection | null }
  | { type: 'open-route'; route: MapRoute }

function isLayer(value: string | null): value is MapLayer {
  return (MAP_LAYERS as readonly (string | null)[]).includes(value)
}

export function isLabelScript(value: string): value is MapLabelScript {
  return (MAP_LABEL_SCRIPTS as readonly string[]).includes(value)
}

/** The state a link opens: its groups compared (areas) unless it names another layer. */
export function stateFromRoute(route: MapRoute, current?: MapState): MapState {
  const groupIds = [...new Set(route.groupIds)].slice(0, MAX_MAP_GROUPS)
  const layer = isLayer(route.layer) ? route.layer : groupIds.length > 0 ? 'areas' : 'groups'
  return {
    layer,
    groupIds,
    labels: current?.labels ?? 'latin',
    selection: route.placeId ? { kind: 'entity', id: route.placeId } : null,
  }
}

export function mapReducer(state: MapState, action: MapAction): MapState {
  switch (action.type) {
    case 'set-layer':
      return { ...state, layer: action.layer }
    case 'toggle-group': {
      const present = state.groupIds.includes(action.id)
      if (action.on === present) return state
      if (action.on && state.groupIds.length >= MAX_MAP_GROUPS) return state
      const groupIds = action.on
        ? [...state.groupIds, action.id]
        : state.groupIds.filter((id) => id !== action.id)
      // Choosing a group means comparing groups: the areas layer.
      return { ...state, groupIds, layer: action.on ? 'areas' : state.layer }
    }
    case 'set-labels':
      return { ...state, labels: action.labels }
    case 'select':
      return { ...state, selection: action.selection }
    case 'open-route':
      return stateFromRoute(action.route, state)
  }
}

export function useMapState() {
  const [state, dispatch] = useReducer(mapReducer, undefined, () =>
    stateFromRoute(parseMapHash(window.location.hash)),
  )

  // A "Show on map" link followed while the map is open (from its own evidence panel).
  useEffect(() => {
    const onHashChange = (): void => {
      if (MAP_HASH.test(window.location.hash)) {
        dispatch({ type: 'open-route', route: parseMapHash(window.location.hash) })
      }
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])

  const { layer, groupIds } = state
  useEffect(() => {
    const href = mapHref({ layer: layer === 'groups' ? null : layer, groupIds })
    // Once the new layer is on screen (Chromium's replaceState is slow enough to delay it),
    // and only while the map is still the view shown.
    const idle = requestIdleCallback(
      () => {
        const hash = window.location.hash
        if (MAP_HASH.test(hash) && hash !== href) window.history.replaceState(null, '', href)
      },
      { timeout: 500 },
    )
    return () => cancelIdleCallback(idle)
  }, [layer, groupIds])

  return { state, dispatch }
}
