/**
 * The Map view: where each group operates, drawn offline from the bundled province shapes.
 * Controls on the left, the map with its legend in the middle, and beside it the table of
 * provinces or the evidence of what was clicked. State lives in useMapState (layer, groups,
 * labels, selection) and the shared date range (the timeline's brush); the layer is computed
 * from one query of map data by shared/geo/map-layers, as the report's map section is.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { MapData } from '../../../../shared/contract'
import { mapGeometry } from '../../../../shared/geo/map-geometry'
import { mapView } from '../../../../shared/geo/map-layers'
import { useMapData } from '../../api/map'
import { useDateRange } from '../../ui/date-range'
import { MapCanvas, type MapHover } from './MapCanvas'
import { MapControls } from './MapControls'
import { MapExport } from './MapExport'
import { MapLegend } from './MapLegend'
import { MapSidePanel } from './MapSidePanel'
import { markedBox } from './framing'
import { pointSummary, provinceSummary, provinceTitle } from './map-text'
import { ProvinceTable } from './ProvinceTable'
import { UnlocatedPlaces } from './UnlocatedPlaces'
import { useMapState, type MapSelection } from './use-map-state'
import { useMapZoom } from './use-map-zoom'
import { t } from '../../ui/i18n'
import './map.css'

export function MapView() {
  const data = useMapData()
  // The province shapes depend on no data: projected while the data is on its way.
  useEffect(() => void mapGeometry(), [])
  if (data.isError) {
    return (
      <div role="alert" className="error-panel">
        {t('map.couldNotLoadTheMap', { message: data.error.message })}
      </div>
    )
  }
  if (!data.data) {
    return (
      <section className="map-view" aria-labelledby="map-title">
        <div className="view-toolbar">
          <h2 id="map-title">{t('map.map')}</h2>
          <span className="muted">{t('map.loading')}</span>
        </div>
      </section>
    )
  }
  return <MapWorkbench data={data.data} />
}

function MapWorkbench({ data }: { data: MapData }) {
  const { state, dispatch } = useMapState()
  const range = useDateRange()
  const zoom = useMapZoom()
  const [hover, setHover] = useState<MapHover | null>(null)
  const geometry = mapGeometry()

  const { layer, groupIds } = state
  const view = useMemo(
    () => mapView(data, { layer, groupIds, range }),
    [data, layer, groupIds, range],
  )
  const groupNames = useMemo(() => new Map(data.groups.map((g) => [g.id, g.name])), [data.groups])
  const places = useMemo(() => new Map(data.places.map((p) => [p.id, p])), [data.places])

  // Choosing groups to compare zooms to their areas, as a map reader would do by hand.
  const { frame } = zoom
  const box = useMemo(() => markedBox(view, geometry), [view, geometry])
  // Only when the groups change: a new period or a refetch keeps the analyst's view.
  const framedGroups = useRef<readonly string[] | null>(null)
  useEffect(() => {
    if (framedGroups.current === groupIds) return
    framedGroups.current = groupIds
    if (layer === 'areas' && groupIds.length > 0 && box) frame(box)
  }, [groupIds, layer, box, frame])

  // The moments the bench measures (User Timing; nothing else reads them): the data in hand,
  // and the frame after the layer's own was produced, once data, layer or groups changed.
  useState(() => performance.mark('sightline:map-data'))
  useEffect(() => {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => performance.mark('sightline:map-painted')),
    )
  }, [view])

  const select = useCallback(
    (selection: MapSelection | null) => dispatch({ type: 'select', selection }),
    [dispatch],
  )

  const hoverText = (() => {
    if (!hover) return t('map.pointAtAProvinceOrA')
    if (hover.kind === 'province') {
      const province = view.byIso.get(hover.iso)
      return province
        ? `${provinceTitle(hover.iso)}: ${provinceSummary(view, province, groupNames)}`
        : ''
    }
    const point = view.points.find((p) => p.place.id === hover.id)
    return point ? pointSummary(point, groupNames) : ''
  })()

  const located = data.places.length - view.unlocated.length
  return (
    <section className="map-view" aria-labelledby="map-title">
      <div className="view-toolbar">
        <h2 id="map-title">{t('map.map')}</h2>
        <span className="muted">
          {t('map.placesAndRelationsShown', {
            located,
            places: data.places.length,
            count: view.relations.length,
          })}
          {range ? ` · ${range.from ?? t('map.anyDate')} – ${range.to ?? t('map.anyDate')}` : ''}
        </span>
        <MapExport state={state} range={range} />
      </div>
      <div className="map-body">
        <MapControls
          state={state}
          dispatch={dispatch}
          groups={data.groups}
          groupColors={view.groupColors}
        />
        <div className="map-stage" role="region" aria-label={t('map.map')}>
          <p className="map-hover" aria-hidden="true" dir="auto">
            {hoverText}
          </p>
          <div className="map-frame">
            <MapCanvas
              view={view}
              geometry={geometry}
              groupNames={groupNames}
              labels={state.labels}
              detailed={zoom.detailed}
              selection={state.selection}
              svgRef={zoom.svgRef}
              layerRef={zoom.layerRef}
              onSelect={select}
              onHover={setHover}
            />
            <div className="map-zoom" role="group" aria-label={t('map.zoom')}>
              <button type="button" aria-label={t('map.zoomIn')} onClick={() => zoom.zoomBy(1.6)}>
                +
              </button>
              <button
                type="button"
                aria-label={t('map.zoomOut')}
                onClick={() => zoom.zoomBy(1 / 1.6)}
              >
                −
              </button>
              <button type="button" disabled={!box} onClick={() => box && frame(box)}>
                {t('map.zoomToWhatIsShown')}
              </button>
              <button type="button" onClick={zoom.reset}>
                {t('map.wholeCountry')}
              </button>
            </div>
          </div>
          <MapLegend view={view} />
        </div>
        <div className="map-aside">
          {state.selection ? (
            <MapSidePanel
              selection={state.selection}
              view={view}
              places={places}
              groupNames={groupNames}
              onSelect={select}
            />
          ) : (
            <>
              <ProvinceTable view={view} groupNames={groupNames} onSelect={select} />
              <UnlocatedPlaces unlocated={view.unlocated} onSelect={select} />
            </>
          )}
        </div>
      </div>
    </section>
  )
}
