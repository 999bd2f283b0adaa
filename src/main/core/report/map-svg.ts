/**
 * The map drawn as SVG markup, for the report's map section and the map view's export:
 * the provinces filled by the layer, the points, labels in Latin and Dari script, and the
 * legend beneath. Geometry and colours come from src/shared/geo, as in the live view.
 * Every name is escaped; nothing in the markup runs or fetches.
 */
import type { MapData, MapLabelScript } from '../../../shared/contract'
import {
  isLabelledPoint,
  isProminent,
  isUnsupported,
  provinceFill,
  stripePatterns,
  type MapView,
} from '../../../shared/geo/map-layers'
import { MAP_HEIGHT, MAP_WIDTH, mapGeometry } from '../../../shared/geo/map-geometry'
import { provinceByIso } from '../../../shared/geo/provinces'
import { escapeHtml } from './escape'

const LEGEND_ROW = 22
const LEGEND_COLUMNS = 3
const HEADING_HEIGHT = 56
const NEUTRAL_POINT = '#3b4450'
/** How much wider each further group's ring is around a shared point. */
const POINT_RING = 3.5
/** Dark text with a white halo, legible over any fill. */
const LABEL_LOOK =
  ' fill="#16202b" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'

export interface MapSvgOptions {
  /** Accessible name of the drawing. */
  title: string
  labels: MapLabelScript
  /** Printed above the map (standalone files); a report puts it in the caption instead. */
  heading?: { title: string; subtitle: string }
  /** CSS put inside the SVG (the embedded fonts of a standalone file). */
  style?: string
  /** Prefix for ids inside the SVG, unique per document (a report may hold several maps). */
  idPrefix?: string
}

export interface MapSvg {
  svg: string
  width: number
  height: number
}

function fillAttribute(fill: ReturnType<typeof provinceFill>, prefix: string): string {
  return fill.kind === 'color' ? fill.color : `url(#${prefix}${fill.id})`
}

function stripes(id: string, colors: readonly string[]): string {
  const band = 6
  const size = band * colors.length
  const rects = colors
    .map(
      (color, i) =>
        `<rect x="${i * band}" y="0" width="${band}" height="${size}" fill="${color}"/>`,
    )
    .join('')
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${size}" height="${size}" patternTransform="rotate(45)">${rects}</pattern>`
}

/** Label lines for a place: its Latin name, its Dari name, or both. */
function labelLines(
  name: string,
  nameFa: string | undefined,
  script: MapLabelScript,
): { text: string; rtl: boolean }[] {
  const latin = { text: name, rtl: false }
  const dari = nameFa ? { text: nameFa, rtl: true } : null
  if (script === 'latin' || !dari) return [latin]
  if (script === 'dari') return [dari]
  return [latin, dari]
}

function label(
  x: number,
  y: number,
  lines: { text: string; rtl: boolean }[],
  size: number,
): string {
  const top = y - ((lines.length - 1) * size * 1.15) / 2
  return lines
    .map(
      (line, i) =>
        `<text x="${x.toFixed(1)}" y="${(top + i * size * 1.15).toFixed(1)}" font-size="${size}" text-anchor="middle" dominant-baseline="middle"${line.rtl ? ' direction="rtl" font-family="Noto Naskh Arabic, Noto Sans, sans-serif"' : ''} ${LABEL_LOOK}>${escapeHtml(line.text)}</text>`,
    )
    .join('')
}

export function drawMapSvg(view: MapView, data: MapData, options: MapSvgOptions): MapSvg {
  const geometry = mapGeometry()
  const prefix = options.idPrefix ?? 'map-'
  const top = options.heading ? HEADING_HEIGHT : 0
  const legendRows = Math.ceil(view.legend.length / LEGEND_COLUMNS)
  const height = top + MAP_HEIGHT + (legendRows > 0 ? 16 + legendRows * LEGEND_ROW : 0)
  const width = MAP_WIDTH
  const placeNames = new Map(data.places.map((p) => [p.id, p]))
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}" font-family="Noto Sans, Noto Naskh Arabic, sans-serif">`,
  )
  // A report's own CSP allows its one stylesheet and nothing else: no <style> inside the
  // drawing unless it is a file of its own (the fonts it embeds).
  if (options.style) parts.push(`<style>${options.style}</style>`)
  parts.push(
    `<defs>${stripePatterns(view)
      .map((p) => stripes(`${prefix}${p.id}`, p.colors))
      .join('')}</defs>`,
  )
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`)
  if (options.heading) {
    parts.push(
      `<text x="16" y="26" font-size="20" font-weight="700" fill="#16202b">${escapeHtml(options.heading.title)}</text>`,
      `<text x="16" y="46" font-size="13" fill="#5a6572">${escapeHtml(options.heading.subtitle)}</text>`,
    )
  }
  parts.push(`<g transform="translate(0 ${top})">`)

  // Shapes first, then borders drawn once, then the outlines that mark a layer's provinces.
  const shapes = new Map(geometry.provinces.map((s) => [s.iso, s]))
  parts.push('<g class="provinces">')
  for (const province of view.provinces) {
    const shape = shapes.get(province.iso)
    if (!shape) continue
    const fill = fillAttribute(provinceFill(view, province), prefix)
    parts.push(`<path d="${shape.path}" fill="${fill}" fill-opacity="0.85"/>`)
  }
  parts.push('</g>')
  parts.push(
    `<path d="${geometry.innerBorders}" fill="none" stroke="#ffffff" stroke-width="1.2"/>`,
    `<path d="${geometry.outline}" fill="none" stroke="#5a6572" stroke-width="1.2"/>`,
  )
  for (const province of view.provinces) {
    const shape = shapes.get(province.iso)
    if (!shape || !isProminent(view, province)) continue
    const presences = view.filter.layer === 'areas' ? province.areaGroups : province.groups
    const dashed = isUnsupported(presences) ? ' stroke-dasharray="6 4"' : ''
    parts.push(`<path d="${shape.path}" fill="none" stroke="#16202b" stroke-width="1.6"${dashed}/>`)
  }

  // Points; a point several groups share carries a ring per group, the first innermost.
  for (const point of view.points) {
    const xy = geometry.project(point.place.point)
    if (!xy) continue
    const shown = view.filter.layer === 'areas' ? point.groups : []
    const colors =
      shown.length > 0 ? shown.map((g) => view.groupColors.get(g.groupId)!) : [NEUTRAL_POINT]
    const faint = view.filter.layer === 'areas' && shown.length === 0
    const dashed = isUnsupported(point.groups) ? ' stroke-dasharray="2 2"' : ''
    for (let i = colors.length - 1; i >= 0; i--) {
      const r = (faint ? 3.5 : 6) + i * POINT_RING
      parts.push(
        `<circle cx="${xy[0].toFixed(1)}" cy="${xy[1].toFixed(1)}" r="${r}" fill="${colors[i]}" fill-opacity="${faint ? 0.45 : 1}" stroke="#16202b" stroke-width="1.2"${dashed}/>`,
      )
    }
  }

  // Labels last, over every shape: the layer's provinces, and the points that carry something.
  for (const province of view.provinces) {
    if (!isProminent(view, province)) continue
    const shape = shapes.get(province.iso)
    const info = provinceByIso(province.iso)
    if (!shape || !info) continue
    parts.push(
      label(shape.label[0], shape.label[1], labelLines(info.name, info.nameFa, options.labels), 17),
    )
  }
  for (const point of view.points) {
    const xy = geometry.project(point.place.point)
    if (!xy || !isLabelledPoint(view, point)) continue
    const place = placeNames.get(point.place.id)
    if (!place) continue
    const lines = labelLines(place.name, place.nameFa, options.labels)
    parts.push(label(xy[0], xy[1] - 14 - (lines.length - 1) * 8, lines, 15))
  }
  parts.push('</g>')

  if (legendRows > 0) {
    const legendTop = top + MAP_HEIGHT + 16
    const columnWidth = (width - 32) / LEGEND_COLUMNS
    view.legend.forEach((entry, i) => {
      const x = 16 + (i % LEGEND_COLUMNS) * columnWidth
      const y = legendTop + Math.floor(i / LEGEND_COLUMNS) * LEGEND_ROW
      const swatch = entry.dashed
        ? `<rect x="${x}" y="${y}" width="22" height="14" fill="none" stroke="${entry.color}" stroke-width="1.6" stroke-dasharray="5 3"/>`
        : `<rect x="${x}" y="${y}" width="22" height="14" fill="${entry.color}" stroke="#5a6572" stroke-width="0.8"/>`
      parts.push(
        swatch,
        `<text x="${x + 30}" y="${y + 11}" font-size="13" fill="#16202b">${escapeHtml(entry.label)}</text>`,
      )
    })
  }
  parts.push('</svg>')
  return { svg: parts.join(''), width, height }
}
