import { useId } from 'react'
import type { ReportSection } from '../../../../shared/model'
import { useTimelineLanes } from '../../api/timeline'
import { useDateRange } from '../../ui/date-range'
import { CaptionField } from './CaptionField'
import { t } from '../../ui/i18n'

type TimelineSection = Extract<ReportSection, { kind: 'timeline' }>

/** The most lanes a printed timeline holds legibly on a page. */
const MAX_PRINTED_LANES = 12
/** Lanes offered in the composer: the most quoted groups and people. */
const OFFERED_LANES = 30

/** A timeline section's lanes, range and caption; the range can come from the timeline's brush. */
export function TimelineSectionFields({
  section,
  n,
  onChange,
}: {
  section: TimelineSection
  n: number
  onChange(next: TimelineSection): void
}) {
  const id = useId()
  const lanes = useTimelineLanes()
  const brushed = useDateRange()
  const chosen = new Set(section.laneIds)
  const offered = (lanes.data ?? []).filter(
    (lane, index) => index < OFFERED_LANES || chosen.has(lane.id),
  )
  const toggle = (laneId: string, on: boolean): void => {
    const laneIds = on ? [...section.laneIds, laneId] : section.laneIds.filter((l) => l !== laneId)
    onChange({ ...section, laneIds: laneIds.slice(0, MAX_PRINTED_LANES) })
  }
  const setDate = (key: 'from' | 'to', value: string): void => {
    const { [key]: _old, ...rest } = section
    onChange(value ? { ...rest, [key]: value } : rest)
  }
  return (
    <div className="section-fields">
      <fieldset className="columns-picker">
        <legend>{t('reports.lanesOfSection', { n })}</legend>
        {section.laneIds.length === 0 && (
          <p className="muted">{t('reports.noneChosenTheGroupsWithThe')}</p>
        )}
        {offered.map((lane) => (
          <label key={lane.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.has(lane.id)}
              disabled={!chosen.has(lane.id) && section.laneIds.length >= MAX_PRINTED_LANES}
              onChange={(e) => toggle(lane.id, e.target.checked)}
            />
            <span dir="auto">{lane.name}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-from`}>{t('reports.timelineOfSectionFrom', { n })}</label>
      <input
        id={`${id}-from`}
        type="date"
        value={section.from ?? ''}
        onChange={(e) => setDate('from', e.target.value)}
      />
      <label htmlFor={`${id}-to`}>{t('reports.timelineOfSectionTo', { n })}</label>
      <input
        id={`${id}-to`}
        type="date"
        value={section.to ?? ''}
        onChange={(e) => setDate('to', e.target.value)}
      />
      <button
        type="button"
        disabled={!brushed}
        onClick={() => {
          const { from: _f, to: _t, ...rest } = section
          onChange({
            ...rest,
            ...(brushed?.from ? { from: brushed.from } : {}),
            ...(brushed?.to ? { to: brushed.to } : {}),
          })
        }}
      >
        {t('reports.useTheTimelinesRange')}
      </button>
      <CaptionField section={section} n={n} onChange={onChange} />
    </div>
  )
}
