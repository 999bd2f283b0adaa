/**
 * Draws the timeline on a canvas: axis, lanes, points (clustered) and spans, and keeps where
 * each mark went for hit testing. One pass per frame; a zoom or pan redraws from scratch.
 */
import type { ScaleTime } from 'd3-scale'
import type { TimelineItem } from '../../../../shared/contract'
import {
  itemColour,
  layoutLane,
  SPAN_ROWS,
  type PlacedItem,
  type PointMark,
} from '../../../../shared/timeline-layout'

export const GUTTER = 170
export const AXIS = 26
export const LANE_HEIGHT = 46
const POINT_Y = 16
const SPAN_Y = 28
const SPAN_STEP = 5

export interface ChartLane {
  /** null: the lane of events with no participant. */
  id: string | null
  name: string
  /** The lane's items that pass the filters, sorted by start. */
  placed: PlacedItem[]
}

/** Where one mark was drawn, for clicks. */
export interface Hit {
  x0: number
  x1: number
  y0: number
  y1: number
  items: TimelineItem[]
}

export interface DrawInput {
  lanes: readonly ChartLane[]
  x: ScaleTime<number, number>
  width: number
  height: number
  selectedKey: string | null
  /** The shared brushed range (ms), shaded on the chart. */
  range: { from: number | null; to: number | null } | null
}

function laneTop(index: number): number {
  return AXIS + index * LANE_HEIGHT
}

function drawPoint(ctx: CanvasRenderingContext2D, mark: PointMark, y: number): void {
  if (mark.items.length > 1) {
    const r = Math.min(12, 7 + Math.log10(mark.items.length) * 3)
    ctx.fillStyle = '#1d232b'
    ctx.beginPath()
    ctx.arc(mark.x, y, r, 0, Math.PI * 2)
    ctx.fill()
    ctx.fillStyle = '#ffffff'
    ctx.font = '9px sans-serif'
    ctx.textAlign = 'center'
    ctx.fillText(String(mark.items.length), mark.x, y + 3)
    return
  }
  const { item } = mark.items[0]!
  const colour = itemColour(item)
  ctx.fillStyle = item.supported ? colour : '#ffffff'
  ctx.strokeStyle = colour
  ctx.lineWidth = 1.5
  ctx.setLineDash(item.supported ? [] : [3, 2])
  ctx.beginPath()
  if (item.kind === 'first-seen') {
    ctx.moveTo(mark.x, y - 6)
    ctx.lineTo(mark.x + 6, y + 5)
    ctx.lineTo(mark.x - 6, y + 5)
    ctx.closePath()
  } else if (item.kind === 'quote') {
    ctx.rect(mark.x - 3.5, y - 3.5, 7, 7)
  } else {
    ctx.arc(mark.x, y, 5.5, 0, Math.PI * 2)
  }
  ctx.fill()
  ctx.stroke()
  ctx.setLineDash([])
}

/** Draws a frame; returns the marks' boxes for hit testing. */
export function drawTimeline(ctx: CanvasRenderingContext2D, input: DrawInput): Hit[] {
  const { lanes, x, width, height } = input
  const hits: Hit[] = []
  ctx.clearRect(0, 0, width, height)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, height)

  if (input.range) {
    const from =
      input.range.from === null ? GUTTER : Math.max(GUTTER, x(new Date(input.range.from)))
    const to = input.range.to === null ? width : Math.min(width, x(new Date(input.range.to)))
    if (to > from) {
      ctx.fillStyle = '#fff6d6'
      ctx.fillRect(from, AXIS - 4, to - from, height)
    }
  }

  // Axis: d3 picks ticks that suit the zoom, from decades down to days.
  const ticks = x.ticks(Math.max(2, Math.floor((width - GUTTER) / 100)))
  const format = x.tickFormat()
  ctx.font = '10px sans-serif'
  ctx.textAlign = 'center'
  for (const tick of ticks) {
    const tx = Math.round(x(tick)) + 0.5
    if (tx < GUTTER) continue
    ctx.strokeStyle = '#e3e7ec'
    ctx.beginPath()
    ctx.moveTo(tx, AXIS - 4)
    ctx.lineTo(tx, height)
    ctx.stroke()
    ctx.fillStyle = '#3d4652'
    ctx.fillText(format(tick), tx, AXIS - 9)
  }

  lanes.forEach((lane, index) => {
    const top = laneTop(index)
    const marks = layoutLane(lane.placed, (ms) => x(new Date(ms)), GUTTER, width)
    for (const span of marks.spans) {
      const { item } = span.placed
      const colour = itemColour(item)
      const y = top + SPAN_Y + Math.min(span.row, SPAN_ROWS - 1) * SPAN_STEP
      const x0 = Math.max(GUTTER, span.x0)
      const x1 = Math.min(width, span.x1)
      ctx.fillStyle = item.supported ? colour : '#ffffff'
      ctx.strokeStyle = colour
      ctx.lineWidth = 1
      ctx.setLineDash(item.supported ? [] : [3, 2])
      ctx.fillRect(x0, y, Math.max(2, x1 - x0), 4)
      ctx.strokeRect(x0, y, Math.max(2, x1 - x0), 4)
      if (item.key === input.selectedKey) {
        ctx.setLineDash([])
        ctx.strokeStyle = '#f0a500'
        ctx.lineWidth = 2
        ctx.strokeRect(x0 - 2, y - 2, Math.max(2, x1 - x0) + 4, 8)
      }
      hits.push({ x0, x1, y0: y - 2, y1: y + 6, items: [item] })
    }
    ctx.setLineDash([])
    // The spread of a partial date (a month, a year), faint behind its point.
    ctx.fillStyle = 'rgba(52, 73, 94, 0.12)'
    for (const mark of marks.points) {
      if (mark.items.length !== 1) continue
      const { times } = mark.items[0]!
      const x1 = x(new Date(times.end))
      if (x1 - mark.x > 4) ctx.fillRect(mark.x, top + POINT_Y - 3, Math.min(width, x1) - mark.x, 6)
    }
    for (const mark of marks.points) {
      const y = top + POINT_Y
      drawPoint(ctx, mark, y)
      const items = mark.items.map((p) => p.item)
      if (items.some((i) => i.key === input.selectedKey)) {
        ctx.strokeStyle = '#f0a500'
        ctx.lineWidth = 3
        ctx.beginPath()
        ctx.arc(mark.x, y, 9, 0, Math.PI * 2)
        ctx.stroke()
      }
      const r = items.length > 1 ? 12 : 8
      hits.push({ x0: mark.x0 - r, x1: mark.x1 + r, y0: y - r, y1: y + r, items })
    }
  })

  // Lane names over a plain gutter, drawn last so no mark runs under them.
  ctx.fillStyle = '#f7f9fb'
  ctx.fillRect(0, 0, GUTTER, height)
  ctx.font = '12px sans-serif'
  ctx.textAlign = 'left'
  lanes.forEach((lane, index) => {
    const top = laneTop(index)
    ctx.strokeStyle = '#c9d1da'
    ctx.lineWidth = 1
    ctx.beginPath()
    ctx.moveTo(0, top + 0.5)
    ctx.lineTo(width, top + 0.5)
    ctx.stroke()
    ctx.fillStyle = lane.id === null ? '#566573' : '#1d232b'
    const name = lane.name.length > 24 ? `${lane.name.slice(0, 23)}…` : lane.name
    ctx.fillText(name, 8, top + 20)
  })
  ctx.strokeStyle = '#c9d1da'
  ctx.beginPath()
  ctx.moveTo(GUTTER + 0.5, 0)
  ctx.lineTo(GUTTER + 0.5, height)
  ctx.stroke()
  return hits
}

/** The mark under a point, nearest first; points win over spans drawn beneath them. */
export function hitAt(hits: readonly Hit[], px: number, py: number): Hit | null {
  let best: Hit | null = null
  let bestDistance = Infinity
  for (const hit of hits) {
    if (px < hit.x0 || px > hit.x1 || py < hit.y0 || py > hit.y1) continue
    const distance = Math.abs((hit.x0 + hit.x1) / 2 - px) + (hit.items.length > 0 ? 0 : 1)
    if (distance < bestDistance) {
      best = hit
      bestDistance = distance
    }
  }
  return best
}

export function chartHeight(laneCount: number): number {
  return AXIS + Math.max(1, laneCount) * LANE_HEIGHT + 6
}
