/**
 * The map itself, as SVG: province shapes filled by the layer, borders, the points, and
 * labels in Latin and Dari script (Chromium shapes the Arabic script). Every province and
 * point is a button named by what it carries, so a screen reader and a test find it as a
 * sighted analyst does; the table beside the map is the keyboard's way in.
 */
import { memo, type Ref } from 'react'
import type { MapLabelScript } from '../../../../shared/contract'
import type { MapGeometry } from '../../../../shared/geo/map-geometry'
import {
  isLabelledPoint,
  isProminent,
  isUnsupported,
  provinceFill,
  stripePatterns,
  type MapView,
  type ProvinceView,
} from '../../../../shared/geo/map-layers'
import { MAP_HEIGHT, MAP_WIDTH } from '../../../../shared/geo/map-geometry'
import { provinceByIso } from '../../../../shared/geo/provinces'
import { pointSummary, provinceSummary, provinceTitle } from './map-text'
import type { MapSelection } from './use-map-state'
import { t } from '../../ui/i18n'

export type MapHover = { kind: 'province'; iso: string } | { kind: 'place'; id: string }

interface MapCanvasProps {
  view: MapView
  geometry: MapGeometry
  groupNames: ReadonlyMap<string, string>
  labels: MapLabelScript
  detailed: boolean
  selection: MapSelection | null
  svgRef: Ref<SVGSVGElement>
  layerRef: Ref<SVGGElement>
  onSelect(selection: MapSelection): void
  onHover(hover: MapHover | null): void
}

const NEUTRAL_POINT = '#3b4450'

function Label({
  x,
  y,
  name,
  nameFa,
  script,
  className,
}: {
  x: number
  y: number
  name: string
  nameFa: string | undefined
  script: MapLabelScript
  className: string
}) {
  const latin = script !== 'dari' || !nameFa
  const dari = script !== 'latin' && nameFa
  const both = latin && dari
  return (
    <g className={both ? `${className} two-lines` : className} aria-hidden="true">
      {latin && (
        <text x={x} y={y} dy={both ? '-0.55em' : '0.35em'} textAnchor="middle">
          {name}
        </text>
      )}
      {dari && (
        <text
          x={x}
          y={y}
          dy={both ? '0.95em' : '0.35em'}
          textAnchor="middle"
          direction="rtl"
          className="dari"
        >
          {nameFa}
        </text>
      )}
    </g>
  )
}

interface MapPointProps {
  id: string
  x: number
  y: number
  /** Its groups' colours, space-separated, innermost first. */
  colors: string
  className: string
  label: string
  pressed: boolean
  onSelect(selection: MapSelection): void
  onHover(hover: MapHover | null): void
}

/**
 * One place as a point, a ring per group. Its props are plain values so that a new layer
 * re-renders only the points it changes: with thousands of points, that is the switch's cost.
 */
const MapPoint = memo(function MapPoint({
  id,
  x,
  y,
  colors,
  className,
  label,
  pressed,
  onSelect,
  onHover,
}: MapPointProps) {
  return (
    <g
      className={className}
      role="button"
      tabIndex={-1}
      aria-label={label}
      aria-pressed={pressed}
      onClick={() => onSelect({ kind: 'entity', id })}
      onPointerEnter={() => onHover({ kind: 'place', id })}
      onPointerLeave={() => onHover(null)}
    >
      {colors
        .split(' ')
        .map((color, ring) => (
          <circle key={ring} className={`ring-${ring}`} cx={x} cy={y} fill={color} />
        ))
        .reverse()}
    </g>
  )
})

function MapCanvasImpl({
  view,
  geometry,
  groupNames,
  labels,
  detailed,
  selection,
  svgRef,
  layerRef,
  onSelect,
  onHover,
}: MapCanvasProps) {
  const shapes = new Map(geometry.provinces.map((s) => [s.iso, s]))
  const comparing = view.filter.layer === 'areas'
  const selectedIso = selection?.kind === 'province' ? selection.iso : null
  const selectedPlace = selection?.kind === 'entity' ? selection.id : null
  const isMarked = (province: ProvinceView) =>
    province.iso === selectedIso || isProminent(view, province)
  const quiet = view.provinces.filter((p) => !isMarked(p))
  const marked = view.provinces
    .filter(isMarked)
    .sort((a, b) => Number(a.iso === selectedIso) - Number(b.iso === selectedIso))

  const provincePath = (province: ProvinceView) => {
    const shape = shapes.get(province.iso)
    if (!shape) return null
    const fill = provinceFill(view, province)
    const prominent = isProminent(view, province)
    const presences = comparing ? province.areaGroups : province.groups
    const classes = [
      'map-province',
      prominent ? 'prominent' : '',
      prominent && isUnsupported(presences) ? 'unsupported' : '',
      province.iso === selectedIso ? 'selected' : '',
    ]
    return (
      <path
        key={province.iso}
        d={shape.path}
        fill={fill.kind === 'color' ? fill.color : `url(#live-${fill.id})`}
        className={classes.filter(Boolean).join(' ')}
        role="button"
        tabIndex={-1}
        aria-label={`${provinceTitle(province.iso)}: ${provinceSummary(view, province, groupNames)}`}
        aria-pressed={province.iso === selectedIso}
        onClick={() => onSelect({ kind: 'province', iso: province.iso })}
        onPointerEnter={() => onHover({ kind: 'province', iso: province.iso })}
        onPointerLeave={() => onHover(null)}
      />
    )
  }

  return (
    <svg
      ref={svgRef}
      className={`map-canvas${detailed ? ' detailed' : ''}`}
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      preserveAspectRatio="xMidYMid meet"
      role="group"
      aria-label={t('map.mapOfAfghanistan', { title: view.title })}
    >
      <defs>
        {stripePatterns(view).map((pattern) => (
          <pattern
            key={pattern.id}
            id={`live-${pattern.id}`}
            patternUnits="userSpaceOnUse"
            width={6 * pattern.colors.length}
            height={6 * pattern.colors.length}
            patternTransform="rotate(45)"
          >
            {pattern.colors.map((color, i) => (
              <rect
                key={color}
                x={i * 6}
                y={0}
                width={6}
                height={6 * pattern.colors.length}
                fill={color}
              />
            ))}
          </pattern>
        ))}
      </defs>
      <g ref={layerRef}>
        <g className="map-provinces">{quiet.map(provincePath)}</g>
        <path className="map-borders" d={geometry.innerBorders} aria-hidden="true" />
        <path className="map-outline" d={geometry.outline} aria-hidden="true" />
        {/* Drawn last, so no neighbour covers their outline. */}
        <g className="map-provinces">{marked.map(provincePath)}</g>
        <g className="map-points">
          {view.points.map((point) => {
            const xy = geometry.project(point.place.point)
            if (!xy) return null
            const shown = comparing ? point.groups : []
            const classes = [
              'map-point',
              comparing && shown.length === 0 ? 'faint' : '',
              isUnsupported(point.groups) ? 'unsupported' : '',
              point.place.id === selectedPlace ? 'selected' : '',
            ]
            return (
              <MapPoint
                key={point.place.id}
                id={point.place.id}
                x={xy[0]}
                y={xy[1]}
                colors={
                  shown.length > 0
                    ? shown.map((g) => view.groupColors.get(g.groupId)!).join(' ')
                    : NEUTRAL_POINT
                }
                className={classes.filter(Boolean).join(' ')}
                label={pointSummary(point, groupNames)}
                pressed={point.place.id === selectedPlace}
                onSelect={onSelect}
                onHover={onHover}
              />
            )
          })}
        </g>
        <g className="map-labels">
          {view.provinces.map((province) => {
            const shape = shapes.get(province.iso)
            const info = provinceByIso(province.iso)
            if (!shape || !info) return null
            return (
              <Label
                key={province.iso}
                x={shape.label[0]}
                y={shape.label[1]}
                name={info.name}
                nameFa={info.nameFa}
                script={labels}
                className={`map-label ${isProminent(view, province) ? 'major' : 'minor'}`}
              />
            )
          })}
          {view.points
            .filter((point) => isLabelledPoint(view, point))
            .map((point) => {
              const xy = geometry.project(point.place.point)
              if (!xy) return null
              return (
                <Label
                  key={point.place.id}
                  x={xy[0]}
                  y={xy[1]}
                  name={point.place.name}
                  nameFa={point.place.nameFa}
                  script={labels}
                  className="map-label point-label"
                />
              )
            })}
        </g>
      </g>
    </svg>
  )
}

/** Re-drawn when the layer, the data or the selection changes; never while hovering or panning. */
export const MapCanvas = memo(MapCanvasImpl)
