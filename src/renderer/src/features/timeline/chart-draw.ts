/**
 * Draws the timeline on a canvas: axis, lanes, points (clustered) and spans, and keeps where
 * each mark went for hit testing. One pass per frame; a zoom or pan redraws from scratch.
 * Only the lanes in the visible band are drawn (the canvas is the height of the view, the
 * lanes scroll under it), and marks of one look share one path, so a frame costs about the
 * same for 5 lanes or 50 (measured in the bench's timeline suite).
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
const AXIS = 26
export const LANE_HEIGHT = 46
const POINT_Y = 16
const SPAN_Y = 28
const SPAN_STEP = 5
/** Twice the largest cluster's radius. */
const CLUSTER_PX = 24

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

/**
 * The chart's colours, from the theme's tokens (ui/theme.css) so the canvas follows light
 * and dark like the rest of the view. Mark colours (kind, lane) are the shared layout's.
 */
export interface ChartColours {
  /** The plotting area and the inside of an unsupported mark. */
  background: string
  /** The lane-name gutter and the axis band beside it. */
  gutter: string
  /** Tick lines. */
  grid: string
  /** Lane separators and the gutter's edge. */
  rule: string
  /** Lane names, cluster discs. */
  ink: string
  /** The lane of events with no participant, and axis labels. */
  muted: string
  /** The brushed range shaded behind the marks. */
  range: string
  /** The count written on a cluster disc. */
  onInk: string
  /** The outline of the selected mark. */
  selected: string
}

/** The colours for the current theme, read from its tokens by `token`. */
export function chartColours(token: (name: `--${string}`) => string): ChartColours {
  return {
    background: token('--panel'),
    gutter: token('--panel-2'),
    grid: token('--hover'),
    rule: token('--line'),
    ink: token('--ink'),
    muted: token('--muted'),
    range: token('--warning-bg'),
    onInk: token('--panel'),
    selected: token('--warning-line'),
  }
}

export interface DrawInput {
  lanes: readonly ChartLane[]
  x: ScaleTime<number, number>
  width: number
  /** The canvas's height: the visible band of lanes. */
  height: number
  /** How far the lanes are scrolled up under the axis (px). */
  scrollTop: number
  selectedKey: string | null
  /** The shared brushed range (ms), shaded on the chart. */
  range: { from: number | null; to: number | null } | null
  colours: ChartColours
}

/** The full height of the lanes, the axis included: what the view scrolls through. */
export function chartHeight(laneCount: number): number {
  return AXIS + Math.max(1, laneCount) * LANE_HEIGHT + 6
}

/** Milliseconds to pixels without a Date per call: a time scale is linear in ms. */
function linear(x: ScaleTime<number, number>): (ms: number) => number {
  const [d0, d1] = x.domain().map((d) => d.getTime()) as [number, number]
  const [r0, r1] = x.range() as [number, number]
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0)
  return (ms) => r0 + (ms - d0) * k
}

/** One path per look (colour, filled or dashed), stroked and filled once a frame. */
class Batches {
  private readonly paths = new Map<string, { path: Path2D; colour: string; supported: boolean }>()

  path(colour: string, supported: boolean): Path2D {
    const key = `${colour}${supported ? '' : '-'}`
    let batch = this.paths.get(key)
    if (!batch) {
      batch = { path: new Path2D(), colour, supported }
      this.paths.set(key, batch)
    }
    return batch.path
  }

  draw(ctx: CanvasRenderingContext2D, lineWidth: number, hollow: string): void {
    ctx.lineWidth = lineWidth
    for (const { path, colour, supported } of this.paths.values()) {
      ctx.fillStyle = supported ? colour : hollow
      ctx.strokeStyle = colour
      ctx.setLineDash(supported ? [] : [3, 2])
      ctx.fill(path)
      ctx.stroke(path)
    }
    ctx.setLineDash([])
  }
}

function addPoint(path: Path2D, item: TimelineItem, x: number, y: number): void {
  if (item.kind === 'first-seen') {
    path.moveTo(x, y - 6)
    path.lineTo(x + 6, y + 5)
    path.lineTo(x - 6, y + 5)
    path.closePath()
  } else if (item.kind === 'quote') {
    path.rect(x - 3.5, y - 3.5, 7, 7)
  } else {
    path.moveTo(x + 5.5, y)
    path.arc(x, y, 5.5, 0, Math.PI * 2)
  }
}

function clusterRadius(count: number): number {
  return Math.min(12, 7 + Math.log10(count) * 2.5)
}

/** Draws a frame; returns the marks' boxes for hit testing. */
export function drawTimeline(ctx: CanvasRenderingContext2D, input: DrawInput): Hit[] {
  const { lanes, x, width, height, scrollTop, colours } = input
  const toX = linear(x)
  const hits: Hit[] = []
  ctx.fillStyle = colours.background
  ctx.fillRect(0, 0, width, height)

  if (input.range) {
    const from = input.range.from === null ? GUTTER : Math.max(GUTTER, toX(input.range.from))
    const to = input.range.to === null ? width : Math.min(width, toX(input.range.to))
    if (to > from) {
      ctx.fillStyle = colours.range
      ctx.fillRect(from, AXIS - 4, to - from, height)
    }
  }

  // Axis: d3 picks ticks that suit the zoom, from decades down to days.
  const ticks = x.ticks(Math.max(2, Math.floor((width - GUTTER) / 100)))
  ctx.strokeStyle = colours.grid
  ctx.lineWidth = 1
  ctx.beginPath()
  for (const tick of ticks) {
    const tx = Math.round(toX(tick.getTime())) + 0.5
    if (tx < GUTTER) continue
    ctx.moveTo(tx, AXIS - 4)
    ctx.lineTo(tx, height)
  }
  ctx.stroke()

  const spans = new Batches()
  const spreads = new Path2D()
  const points = new Batches()
  const clusters = new Path2D()
  const counts: { x: number; y: number; text: string }[] = []
  const selected: (() => void)[] = []
  const visible: { lane: ChartLane; top: number }[] = []

  lanes.forEach((lane, index) => {
    const top = AXIS + index * LANE_HEIGHT - scrollTop
    if (top + LANE_HEIGHT < AXIS || top > height) return
    visible.push({ lane, top })
    const marks = layoutLane(lane.placed, toX, GUTTER, width, CLUSTER_PX)
    for (const span of marks.spans) {
      const { item } = span.placed
      const y = top + SPAN_Y + Math.min(span.row, SPAN_ROWS - 1) * SPAN_STEP
      const x0 = Math.max(GUTTER, span.x0)
      const w = Math.max(2, Math.min(width, span.x1) - x0)
      spans.path(itemColour(item), item.supported).rect(x0, y, w, 4)
      if (item.key === input.selectedKey) {
        selected.push(() => ctx.strokeRect(x0 - 2, y - 2, w + 4, 8))
      }
      hits.push({ x0, x1: x0 + w, y0: y - 2, y1: y + 6, items: [item] })
    }
    const y = top + POINT_Y
    for (const mark of marks.points) {
      addMark(mark, y)
      const items = mark.items.map((p) => p.item)
      if (items.some((i) => i.key === input.selectedKey)) {
        selected.push(() => {
          ctx.beginPath()
          ctx.arc(mark.x, y, 9, 0, Math.PI * 2)
          ctx.stroke()
        })
      }
      const r = items.length > 1 ? 12 : 8
      hits.push({ x0: mark.x0 - r, x1: mark.x1 + r, y0: y - r, y1: y + r, items })
    }
  })

  function addMark(mark: PointMark, y: number): void {
    if (mark.items.length > 1) {
      const r = clusterRadius(mark.items.length)
      clusters.moveTo(mark.x + r, y)
      clusters.arc(mark.x, y, r, 0, Math.PI * 2)
      counts.push({ x: mark.x, y: y + 3, text: String(mark.items.length) })
      return
    }
    const { item, times } = mark.items[0]!
    // The spread of a partial date (a month, a year), faint behind its point.
    const x1 = toX(times.end)
    if (x1 - mark.x > 4) spreads.rect(mark.x, y - 3, Math.min(width, x1) - mark.x, 6)
    addPoint(points.path(itemColour(item), item.supported), item, mark.x, y)
  }

  spans.draw(ctx, 1, colours.background)
  ctx.fillStyle = colours.muted
  ctx.globalAlpha = 0.15
  ctx.fill(spreads)
  ctx.globalAlpha = 1
  points.draw(ctx, 1.5, colours.background)
  ctx.fillStyle = colours.ink
  ctx.fill(clusters)
  ctx.fillStyle = colours.onInk
  ctx.font = '9px sans-serif'
  ctx.textAlign = 'center'
  for (const count of counts) ctx.fillText(count.text, count.x, count.y)
  ctx.strokeStyle = colours.selected
  ctx.lineWidth = 3
  for (const outline of selected) outline()

  // Lane names over a plain gutter, drawn after the marks so none runs under them.
  ctx.fillStyle = colours.gutter
  ctx.fillRect(0, 0, GUTTER, height)
  ctx.font = '12px sans-serif'
  ctx.textAlign = 'left'
  ctx.strokeStyle = colours.rule
  ctx.lineWidth = 1
  ctx.beginPath()
  for (const { top } of visible) {
    ctx.moveTo(0, top + 0.5)
    ctx.lineTo(width, top + 0.5)
  }
  ctx.moveTo(GUTTER + 0.5, 0)
  ctx.lineTo(GUTTER + 0.5, height)
  ctx.stroke()
  for (const { lane, top } of visible) {
    ctx.fillStyle = lane.id === null ? colours.muted : colours.ink
    const name = lane.name.length > 24 ? `${lane.name.slice(0, 23)}…` : lane.name
    ctx.fillText(name, 8, top + 20)
  }

  // The axis band last: lanes scrolled up pass under it.
  ctx.fillStyle = colours.background
  ctx.fillRect(GUTTER + 1, 0, width - GUTTER - 1, AXIS - 4)
  ctx.fillStyle = colours.gutter
  ctx.fillRect(0, 0, GUTTER, AXIS - 4)
  const format = x.tickFormat()
  ctx.font = '10px sans-serif'
  ctx.textAlign = 'center'
  ctx.fillStyle = colours.muted
  for (const tick of ticks) {
    const tx = Math.round(toX(tick.getTime())) + 0.5
    if (tx >= GUTTER) ctx.fillText(format(tick), tx, AXIS - 9)
  }
  return hits.filter((hit) => hit.y1 >= AXIS - 4)
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
