/**
 * The timeline drawn as SVG markup: the report's timeline section and the view's SVG export.
 * Same marks as the chart (timeline-layout.ts); every name is escaped, nothing is fetched.
 */
import { scaleUtc } from 'd3-scale'
import type { TimelineItem } from './api/timeline'
import { dateMs } from './timeline'
import { itemColour, layoutLane, placeItems, SPAN_ROWS, type PointMark } from './timeline-layout'

const GUTTER = 170
const AXIS = 26
const LANE = 46
const POINT_Y = 16
const SPAN_Y = 28
const SPAN_STEP = 5

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

export interface TimelineSvgInput {
  title: string
  lanes: readonly { id: string | null; name: string }[]
  items: readonly TimelineItem[]
  /** The range drawn (calendar dates); items outside it are left out. */
  from: string
  to: string
  width: number
  /** Where open spans end (ms). */
  now: number
}

export interface TimelineSvg {
  svg: string
  width: number
  height: number
}

function dash(supported: boolean): string {
  return supported ? '' : ' stroke-dasharray="3 2"'
}

function pointMarkup(mark: PointMark, y: number): string {
  if (mark.items.length > 1) {
    return `<g><circle cx="${mark.x.toFixed(1)}" cy="${y}" r="8" fill="#1d232b"/><text x="${mark.x.toFixed(1)}" y="${y + 3}" font-size="8" fill="#ffffff" text-anchor="middle">${mark.items.length}</text></g>`
  }
  const { item } = mark.items[0]!
  const colour = itemColour(item)
  const fill = item.supported ? colour : '#ffffff'
  const x = mark.x.toFixed(1)
  const stroke = `stroke="${colour}" stroke-width="1.5"${dash(item.supported)}`
  const title = `<title>${escape(item.label)}</title>`
  if (item.kind === 'first-seen') {
    return `<polygon points="${mark.x},${y - 6} ${mark.x + 6},${y + 5} ${mark.x - 6},${y + 5}" fill="${fill}" ${stroke}>${title}</polygon>`
  }
  if (item.kind === 'quote') {
    return `<rect x="${(mark.x - 3.5).toFixed(1)}" y="${y - 3.5}" width="7" height="7" fill="${fill}" ${stroke}>${title}</rect>`
  }
  return `<circle cx="${x}" cy="${y}" r="5.5" fill="${fill}" ${stroke}>${title}</circle>`
}

export function drawTimelineSvg(input: TimelineSvgInput): TimelineSvg {
  const { width } = input
  const height = AXIS + Math.max(1, input.lanes.length) * LANE + 8
  const x = scaleUtc()
    .domain([new Date(dateMs(input.from)), new Date(dateMs(input.to))])
    .range([GUTTER + 8, width - 12])
  const left = GUTTER
  const right = width
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(input.title)}" font-family="Noto Sans, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  )
  const ticks = x.ticks(Math.max(2, Math.floor((width - GUTTER) / 90)))
  const format = x.tickFormat()
  for (const tick of ticks) {
    const tx = x(tick).toFixed(1)
    parts.push(
      `<line x1="${tx}" y1="${AXIS - 4}" x2="${tx}" y2="${height}" stroke="#e3e7ec"/>`,
      `<text x="${tx}" y="${AXIS - 9}" font-size="10" fill="#3d4652" text-anchor="middle">${escape(format(tick))}</text>`,
    )
  }
  const byLane = new Map<string | null, TimelineItem[]>()
  for (const item of input.items) {
    const list = byLane.get(item.laneId)
    if (list) list.push(item)
    else byLane.set(item.laneId, [item])
  }
  input.lanes.forEach((lane, index) => {
    const top = AXIS + index * LANE
    parts.push(
      `<line x1="0" y1="${top}" x2="${width}" y2="${top}" stroke="#c9d1da"/>`,
      `<text x="6" y="${top + 20}" font-size="11" fill="#1d232b">${escape(lane.name.length > 26 ? `${lane.name.slice(0, 25)}…` : lane.name)}</text>`,
    )
    const placed = placeItems(byLane.get(lane.id) ?? [], input.now)
    const marks = layoutLane(placed, (ms) => x(new Date(ms)), left, right)
    for (const span of marks.spans) {
      const { item } = span.placed
      const colour = itemColour(item)
      const y = top + SPAN_Y + Math.min(span.row, SPAN_ROWS - 1) * SPAN_STEP
      const x0 = Math.max(left, span.x0)
      const x1 = Math.min(right, span.x1)
      parts.push(
        `<rect x="${x0.toFixed(1)}" y="${y}" width="${Math.max(2, x1 - x0).toFixed(1)}" height="4" fill="${item.supported ? colour : '#ffffff'}" stroke="${colour}" stroke-width="1"${dash(item.supported)}><title>${escape(item.label)}</title></rect>`,
      )
    }
    for (const mark of marks.points) parts.push(pointMarkup(mark, top + POINT_Y))
  })
  parts.push(
    `<line x1="${GUTTER}" y1="${AXIS - 4}" x2="${GUTTER}" y2="${height}" stroke="#c9d1da"/>`,
  )
  parts.push('</svg>')
  return { svg: parts.join(''), width, height }
}
