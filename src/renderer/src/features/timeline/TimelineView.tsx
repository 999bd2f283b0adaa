import { useMemo, useReducer, useRef, useState } from 'react'
import type { TimelineItem } from '../../../../shared/contract'
import { dateMs } from '../../../../shared/timeline'
import { useTimelineItems, useTimelineLanes } from '../../api/timeline'
import { entityViewHref, readerHref } from '../../routes/links'
import { useDateRange } from '../../ui/date-range'
import { EntityPanel } from '../../ui/evidence/EntityPanel'
import { RelationPanel } from '../../ui/evidence/RelationPanel'
import { DateBrush } from './DateBrush'
import { EventList, LIST_LIMIT } from './EventList'
import { ExportButtons } from './ExportButtons'
import { LanePicker } from './LanePicker'
import { TimelineChart, type TimelineChartHandle } from './TimelineChart'
import { TimelineFilters } from './TimelineFilters'
import { TimelineLegend } from './TimelineLegend'
import { filterReducer, INITIAL_FILTER } from './timeline-filter'
import { filterTimeline, itemsInWindow, prepareTimeline } from './timeline-model'
import { useLaneChoice } from './use-lane-choice'
import { t } from '../../ui/i18n'
import './timeline.css'

const DAY_MS = 86_400_000

/** The record a timeline item stands for, as a link (double-click, or Enter in the list). */
function recordHref(item: TimelineItem, laneType: string | undefined): string {
  switch (item.kind) {
    case 'event':
      return entityViewHref(item.recordId, 'event')
    case 'quote':
      return readerHref(item.otherId ?? '', item.recordId)
    default:
      return entityViewHref(item.laneId ?? item.recordId, laneType ?? 'group')
  }
}

/**
 * The Timeline: lanes (theme lines) per group or person, with events, relation spans,
 * first-seen dates and, on request, quotes at their source's date. The chart, the list of
 * the same items and the evidence panel of the selected one sit side by side.
 */
export function TimelineView() {
  const lanes = useTimelineLanes()
  const [choice, setChoice] = useLaneChoice(lanes.data)
  const laneIds = choice?.ids ?? null
  const unassigned = choice?.unassigned ?? true
  const data = useTimelineItems(laneIds, unassigned)
  const [filter, dispatch] = useReducer(filterReducer, INITIAL_FILTER)
  const range = useDateRange()
  const [now] = useState(() => Date.now())
  const prepared = useMemo(
    () => prepareTimeline(data.data, unassigned, now),
    [data.data, unassigned, now],
  )
  const model = useMemo(() => filterTimeline(prepared, filter), [prepared, filter])
  const [shownWindow, setShownWindow] = useState<[number, number] | null>(null)
  const [selected, setSelected] = useState<TimelineItem | null>(null)
  const [picking, setPicking] = useState(false)
  const chart = useRef<TimelineChartHandle>(null)

  const inWindow = useMemo(
    () => (shownWindow ? itemsInWindow(model, shownWindow[0], shownWindow[1]) : model.shown),
    [model, shownWindow],
  )
  const laneTypes = useMemo(
    () => new Map((lanes.data ?? []).map((l) => [l.id, l.type])),
    [lanes.data],
  )
  const chartRange = useMemo(
    () =>
      range
        ? {
            from: range.from ? dateMs(range.from) : null,
            to: range.to ? dateMs(range.to) + DAY_MS : null,
          }
        : null,
    [range],
  )
  const selectedKey =
    selected && model.shown.some((i) => i.key === selected.key) ? selected.key : null

  const open = (item: TimelineItem): void => {
    window.location.hash = recordHref(item, laneTypes.get(item.laneId ?? ''))
  }
  const selectFromList = (item: TimelineItem): void => {
    setSelected(item)
    chart.current?.focus(dateMs(item.start), 365 * DAY_MS)
  }

  const status = data.isError
    ? data.error.message
    : t('timeline.itemsOnLanes', {
        items: t('timeline.itemCount', { count: model.shown.length }),
        lanes: t('timeline.laneCount', { count: model.lanes.length }),
      }) +
      (data.data && data.data.undated > 0
        ? t('timeline.undatedEvents', { count: data.data.undated })
        : '')

  return (
    <section className="timeline-view" aria-labelledby="timeline-title">
      <div className="timeline-head">
        <h2 id="timeline-title">{t('timeline.timeline')}</h2>
        <button type="button" onClick={() => setPicking(true)} disabled={!lanes.data}>
          {t('timeline.lanes2')}
        </button>
        <ExportButtons chart={chart} model={model} window={shownWindow} now={now} />
        <p role="status" aria-label={t('timeline.timelineStatus')} className="muted">
          {data.isPending && laneIds !== null ? t('timeline.loading') : status}
        </p>
      </div>
      <TimelineFilters filter={filter} dispatch={dispatch} />
      <div className="timeline-body">
        <div className="timeline-main">
          <div className="timeline-stage" aria-busy={data.isFetching}>
            <TimelineChart
              ref={chart}
              lanes={model.lanes}
              extent={model.extent}
              selectedKey={selectedKey}
              range={chartRange}
              label={t('timeline.timelineChartTheListOfItems', { status })}
              onSelect={(items, cluster) => {
                if (!cluster) setSelected(items[0] ?? null)
              }}
              onOpen={open}
              onWindow={(from, to) => setShownWindow([from, to])}
            />
          </div>
          <DateBrush
            extent={model.extent}
            range={range}
            onZoomTo={(from, to) => chart.current?.show(from, to)}
          />
          <TimelineLegend />
        </div>
        <div className="timeline-side">
          {selected && selectedKey && (
            <SelectedEvidence item={selected} onClose={() => setSelected(null)} onOpen={open} />
          )}
          <EventList
            items={inWindow.slice(0, LIST_LIMIT)}
            total={inWindow.length}
            laneNames={model.laneNames}
            selectedKey={selectedKey}
            onSelect={selectFromList}
            onOpen={open}
          />
        </div>
      </div>
      {picking && lanes.data && laneIds && (
        <LanePicker
          lanes={lanes.data}
          chosen={laneIds}
          unassigned={unassigned}
          onChange={(ids, withUnassigned) => setChoice({ ids, unassigned: withUnassigned })}
          onClose={() => setPicking(false)}
        />
      )}
    </section>
  )
}

/** The evidence panel the grid and the graph show, for the item's record. */
function SelectedEvidence({
  item,
  onClose,
  onOpen,
}: {
  item: TimelineItem
  onClose(): void
  onOpen(item: TimelineItem): void
}) {
  return (
    <div className="timeline-evidence">
      {item.kind === 'relation' ? (
        <RelationPanel relationId={item.recordId} onClose={onClose} />
      ) : (
        <EntityPanel
          entityId={item.kind === 'event' ? item.recordId : (item.laneId ?? item.recordId)}
          onClose={onClose}
        />
      )}
      <div className="button-row">
        <button type="button" onClick={() => onOpen(item)}>
          {t('timeline.openTheRecord')}
        </button>
      </div>
    </div>
  )
}
