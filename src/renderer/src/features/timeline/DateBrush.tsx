import { brushX, type BrushBehavior, type D3BrushEvent } from 'd3-brush'
import { scaleUtc } from 'd3-scale'
import { select } from 'd3-selection'
import { useEffect, useMemo, useRef, useState } from 'react'
import { dateMs, isoDateOf } from '../../../../shared/timeline'
import { setDateRange, type DateRange } from '../../ui/date-range'
import { t } from '../../ui/i18n'

const HEIGHT = 34

/**
 * The date-range brush: drag across the strip (the whole time the items cover) to choose a
 * range that other views read (the map filters by it); or type the two dates. The range is
 * the app's shared one (ui/date-range.ts), so it holds across views.
 */
export function DateBrush({
  extent,
  range,
  onZoomTo,
}: {
  extent: [number, number]
  range: DateRange | null
  onZoomTo(from: number, to: number): void
}) {
  const svgRef = useRef<SVGSVGElement>(null)
  const gRef = useRef<SVGGElement>(null)
  const hostRef = useRef<HTMLDivElement>(null)
  const brushRef = useRef<BrushBehavior<unknown> | null>(null)
  const [width, setWidth] = useState(600)
  const x = useMemo(
    () =>
      scaleUtc()
        .domain([new Date(extent[0]), new Date(extent[1])])
        .range([0, width]),
    [extent, width],
  )

  useEffect(() => {
    const host = hostRef.current
    if (!host) return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(200, Math.floor(entry.contentRect.width)))
    })
    observer.observe(host)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const g = gRef.current
    if (!g) return
    const brush = brushX<unknown>()
      .extent([
        [0, 0],
        [width, HEIGHT],
      ])
      .on('end', (event: D3BrushEvent<unknown>) => {
        // Moves made by code (showing the shared range) carry no source event.
        if (!event.sourceEvent) return
        const selection = event.selection as [number, number] | null
        if (!selection) {
          setDateRange(null)
          return
        }
        setDateRange({
          from: isoDateOf(x.invert(selection[0]).getTime()),
          to: isoDateOf(x.invert(selection[1]).getTime()),
        })
      })
    brushRef.current = brush
    select(g).call(brush)
    return () => {
      select(g).on('.brush', null)
    }
  }, [x, width])

  // Shows the shared range, whoever set it.
  useEffect(() => {
    const g = gRef.current
    const brush = brushRef.current
    if (!g || !brush) return
    if (!range) {
      brush.move(select(g), null)
      return
    }
    const from = range.from === null ? 0 : Math.max(0, x(new Date(dateMs(range.from))))
    const to = range.to === null ? width : Math.min(width, x(new Date(dateMs(range.to))))
    brush.move(select(g), to > from ? [from, to] : null)
  }, [range, x, width])

  const ticks = x.ticks(Math.max(2, Math.floor(width / 110)))
  const format = x.tickFormat()
  return (
    <div className="timeline-brush">
      <div className="brush-strip" ref={hostRef}>
        <svg
          ref={svgRef}
          width={width}
          height={HEIGHT + 14}
          role="img"
          aria-label={t('timeline.dateRangeBrushDragAcrossThe')}
        >
          {ticks.map((tick) => (
            <text key={tick.getTime()} x={x(tick)} y={HEIGHT + 12} className="brush-tick">
              {format(tick)}
            </text>
          ))}
          <rect className="brush-track" x={0} y={0} width={width} height={HEIGHT} />
          <g ref={gRef} />
        </svg>
      </div>
      <fieldset className="brush-fields">
        <legend>{t('timeline.dateRange')}</legend>
        <label>
          {t('timeline.from')}
          <input
            type="date"
            value={range?.from ?? ''}
            onChange={(e) => setDateRange({ from: e.target.value || null, to: range?.to ?? null })}
          />
        </label>
        <label>
          {t('timeline.to')}
          <input
            type="date"
            value={range?.to ?? ''}
            onChange={(e) =>
              setDateRange({ from: range?.from ?? null, to: e.target.value || null })
            }
          />
        </label>
        <button
          type="button"
          disabled={!range}
          onClick={() =>
            range &&
            onZoomTo(
              range.from ? dateMs(range.from) : extent[0],
              range.to ? dateMs(range.to) : extent[1],
            )
          }
        >
          {t('timeline.zoomToRange')}
        </button>
        <button type="button" disabled={!range} onClick={() => setDateRange(null)}>
          {t('timeline.clearRange')}
        </button>
      </fieldset>
    </div>
  )
}
