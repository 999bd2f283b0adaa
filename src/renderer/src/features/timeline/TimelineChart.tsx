import { scaleUtc, type ScaleTime } from 'd3-scale'
import { select } from 'd3-selection'
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom'
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react'
import type { TimelineItem } from '../../../../shared/contract'
import { themeColour, useTheme } from '../../ui/theme'
import { useElementSize } from '../../ui/use-element-size'
import {
  chartColours,
  chartHeight,
  drawTimeline,
  GUTTER,
  hitAt,
  LANE_HEIGHT,
  type ChartLane,
  type Hit,
} from './chart-draw'

const DAY_MS = 86_400_000
/** Zoomed all the way in, the chart spans about three days. */
const NARROWEST_MS = 3 * DAY_MS
/** The size drawn at before the host is measured. */
const INITIAL_BOX = { width: 800, height: 400 }
/** The least the canvas shows: the axis and one lane. */
const AXIS_AND_ONE_LANE = chartHeight(1)

export interface TimelineChartHandle {
  /** Centres the chart on a time, zoomed in to about `spanMs` wide when it is wider now. */
  focus(ms: number, spanMs: number): void
  /** Shows exactly [from, to]. */
  show(from: number, to: number): void
  canvas(): HTMLCanvasElement | null
}

interface TimelineChartProps {
  lanes: readonly ChartLane[]
  /** The whole time the items cover (ms), the zoomed-out view. */
  extent: [number, number]
  selectedKey: string | null
  range: { from: number | null; to: number | null } | null
  label: string
  onSelect(items: TimelineItem[], cluster: boolean): void
  onOpen(item: TimelineItem): void
  /** The time on screen, after each zoom or pan settles. */
  onWindow(from: number, to: number): void
}

/**
 * The chart: a canvas redrawn on every frame of a zoom or pan (d3-zoom, along time only),
 * from decades down to days. Clicking a mark selects it, a cluster zooms into it;
 * double-clicking opens the record. The list beside it is the accessible way in.
 */
export const TimelineChart = forwardRef<TimelineChartHandle, TimelineChartProps>(
  function TimelineChart(props, ref) {
    const { lanes, extent, selectedKey, range, label } = props
    const canvasRef = useRef<HTMLCanvasElement>(null)
    const hostRef = useRef<HTMLDivElement>(null)
    const box = useElementSize(hostRef, INITIAL_BOX)
    const width = Math.max(320, box.width)
    const fullHeight = chartHeight(lanes.length)
    // The canvas covers the visible band only; the lanes scroll under it.
    const height = Math.max(AXIS_AND_ONE_LANE, Math.min(fullHeight, box.height))
    const scrollTopRef = useRef(0)
    const transformRef = useRef<ZoomTransform>(zoomIdentity)
    const zoomRef = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null)
    const hitsRef = useRef<Hit[]>([])
    const frameRef = useRef(0)
    const paintedLanes = useRef<readonly ChartLane[] | null>(null)
    const latest = useRef(props)
    latest.current = props

    const base = useMemo(
      () =>
        scaleUtc()
          .domain([new Date(extent[0]), new Date(extent[1])])
          .range([GUTTER + 10, Math.max(GUTTER + 20, width - 10)]),
      [extent, width],
    )
    const baseRef = useRef(base)
    baseRef.current = base

    // Stable: the drawing functions read only refs, so the zoom handlers bound once per extent
    // and the effects below always reach the current props, sizes and transform.
    const scale = useCallback(
      (): ScaleTime<number, number> => transformRef.current.rescaleX(baseRef.current),
      [],
    )

    const draw = useCallback((): void => {
      frameRef.current = 0
      const canvas = canvasRef.current
      const ctx = canvas?.getContext('2d')
      if (!canvas || !ctx) return
      const ratio = window.devicePixelRatio || 1
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
      const p = latest.current
      hitsRef.current = drawTimeline(ctx, {
        lanes: p.lanes,
        x: scale(),
        width: canvas.width / ratio,
        height: canvas.height / ratio,
        scrollTop: scrollTopRef.current,
        selectedKey: p.selectedKey,
        range: p.range,
        colours: chartColours(themeColour),
      })
      if (p.lanes !== paintedLanes.current && p.lanes.some((lane) => lane.placed.length > 0)) {
        paintedLanes.current = p.lanes
        // New items drawn (first load, lanes or filters changed): the bench reads this mark.
        performance.mark('sightline:timeline-painted')
      }
    }, [scale])
    const schedule = useCallback((): void => {
      if (frameRef.current === 0) frameRef.current = requestAnimationFrame(draw)
    }, [draw])
    const reportWindow = useCallback((): void => {
      const [from, to] = scale().domain()
      latest.current.onWindow(from!.getTime(), to!.getTime())
    }, [scale])

    // The zoom behaviour: wheel and drag along time; double-click is left to "open".
    useEffect(() => {
      const canvas = canvasRef.current
      if (!canvas) return
      const span = Math.max(NARROWEST_MS, extent[1] - extent[0])
      const behaviour = zoom<HTMLCanvasElement, unknown>()
        // The wheel over the lane names scrolls the lanes; elsewhere it zooms.
        .filter(
          (event: MouseEvent) =>
            (event.type !== 'wheel' || event.offsetX > GUTTER) &&
            (!event.ctrlKey || event.type === 'wheel') &&
            !event.button,
        )
        .scaleExtent([1, span / NARROWEST_MS])
        .on('zoom', (event: { transform: ZoomTransform }) => {
          transformRef.current = event.transform
          schedule()
        })
        .on('end', reportWindow)
      zoomRef.current = behaviour
      const selection = select(canvas)
      selection.call(behaviour).on('dblclick.zoom', null)
      return () => {
        selection.on('.zoom', null)
      }
      // The behaviour is rebuilt when the extent changes (the other dependencies are stable).
    }, [extent, schedule, reportWindow])

    // The canvas's backing store follows its size and the screen's pixel ratio.
    useEffect(() => {
      const canvas = canvasRef.current
      if (!canvas) return
      const ratio = window.devicePixelRatio || 1
      canvas.width = Math.round(width * ratio)
      canvas.height = Math.round(height * ratio)
      canvas.style.width = `${width}px`
      canvas.style.height = `${height}px`
      schedule()
      reportWindow()
    }, [width, height, base, schedule, reportWindow])

    // Redraw when what is drawn changes (draw reads it through `latest`), or the theme does.
    const { theme } = useTheme()
    useEffect(schedule, [lanes, selectedKey, range, theme, schedule])

    useEffect(() => () => cancelAnimationFrame(frameRef.current), [])

    const showSpan = (from: number, to: number): void => {
      const canvas = canvasRef.current
      const behaviour = zoomRef.current
      if (!canvas || !behaviour) return
      const b = baseRef.current
      const x0 = b(new Date(from))
      const x1 = b(new Date(Math.max(to, from + NARROWEST_MS)))
      const [r0, r1] = b.range() as [number, number]
      const k = Math.max(1, (r1 - r0) / Math.max(1, x1 - x0))
      const transform = zoomIdentity.translate(r0 - k * x0, 0).scale(k)
      behaviour.transform(select(canvas), transform)
    }

    useImperativeHandle(ref, () => ({
      focus(ms, spanMs) {
        const [from, to] = scale().domain()
        const shown = to!.getTime() - from!.getTime()
        const half = Math.min(shown, spanMs) / 2
        showSpan(ms - half, ms + half)
      },
      show: showSpan,
      canvas: () => canvasRef.current,
    }))

    const pointer = (event: React.MouseEvent<HTMLCanvasElement>): Hit | null => {
      const box = event.currentTarget.getBoundingClientRect()
      return hitAt(hitsRef.current, event.clientX - box.left, event.clientY - box.top)
    }

    return (
      <div
        className="timeline-canvas-host"
        ref={hostRef}
        onScroll={(event) => {
          scrollTopRef.current = event.currentTarget.scrollTop
          schedule()
        }}
      >
        <div className="timeline-lanes-extent" style={{ height: fullHeight }}>
          <canvas
            ref={canvasRef}
            role="img"
            aria-label={label}
            tabIndex={0}
            className="timeline-canvas"
            onClick={(event) => {
              const hit = pointer(event)
              if (!hit) return
              if (hit.items.length > 1) {
                const starts = hit.items.map((i) => Date.parse(i.start))
                showSpan(Math.min(...starts) - DAY_MS, Math.max(...starts) + DAY_MS)
              }
              props.onSelect(hit.items, hit.items.length > 1)
            }}
            onDoubleClick={(event) => {
              const hit = pointer(event)
              if (hit?.items.length === 1) props.onOpen(hit.items[0]!)
            }}
            onKeyDown={(event) => {
              const canvas = canvasRef.current
              const behaviour = zoomRef.current
              if (!canvas || !behaviour) return
              const step = width / 8
              const moves: Record<string, () => void> = {
                ArrowLeft: () =>
                  behaviour.translateBy(select(canvas), step / transformRef.current.k, 0),
                ArrowRight: () =>
                  behaviour.translateBy(select(canvas), -step / transformRef.current.k, 0),
                '+': () => behaviour.scaleBy(select(canvas), 1.5),
                '=': () => behaviour.scaleBy(select(canvas), 1.5),
                '-': () => behaviour.scaleBy(select(canvas), 1 / 1.5),
                '0': () => behaviour.transform(select(canvas), zoomIdentity),
                ArrowDown: () => hostRef.current?.scrollBy({ top: LANE_HEIGHT }),
                ArrowUp: () => hostRef.current?.scrollBy({ top: -LANE_HEIGHT }),
                PageDown: () => hostRef.current?.scrollBy({ top: height - LANE_HEIGHT }),
                PageUp: () => hostRef.current?.scrollBy({ top: LANE_HEIGHT - height }),
              }
              const move = moves[event.key]
              if (move) {
                event.preventDefault()
                move()
              }
            }}
          />
        </div>
      </div>
    )
  },
)
