import { TIMELINE_ITEM_KINDS, type TimelineItemKind } from '../../../../shared/contract'
import { EVENT_KINDS } from '../../../../shared/model'
import { EVENT_KIND_COLOURS } from '../../../../shared/timeline-layout'
import {
  EVIDENCE_RULES,
  LANE_TYPES,
  type EvidenceRule,
  type FilterAction,
  type TimelineFilter,
} from './timeline-filter'
import { t } from '../../ui/i18n'

const ITEM_KIND_LABELS: Record<TimelineItemKind, string> = {
  event: t('timeline.events'),
  relation: t('timeline.relationsSpans'),
  'first-seen': t('timeline.firstSeen'),
  quote: t('timeline.quotesAtTheirSourcesDate'),
}

const LANE_TYPE_LABELS: Record<(typeof LANE_TYPES)[number], string> = {
  group: t('timeline.groups'),
  person: t('timeline.people'),
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** The timeline's filters: kinds of item, kinds of event, and the evidence required. */
export function TimelineFilters({
  filter,
  dispatch,
}: {
  filter: TimelineFilter
  dispatch(action: FilterAction): void
}) {
  return (
    <div className="timeline-filters">
      <fieldset>
        <legend>{t('timeline.lanes')}</legend>
        {LANE_TYPES.map((laneType) => (
          <label key={laneType} className="checkbox">
            <input
              type="checkbox"
              checked={filter.laneTypes.has(laneType)}
              onChange={(e) =>
                dispatch({ type: 'show-lane-type', laneType, shown: e.target.checked })
              }
            />
            {LANE_TYPE_LABELS[laneType]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('timeline.show')}</legend>
        {TIMELINE_ITEM_KINDS.map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="checkbox"
              checked={filter.itemKinds.has(kind)}
              onChange={(e) => dispatch({ type: 'show-item-kind', kind, shown: e.target.checked })}
            />
            {ITEM_KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('timeline.kindsOfEvent')}</legend>
        {EVENT_KINDS.map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="checkbox"
              checked={filter.eventKinds.has(kind)}
              onChange={(e) => dispatch({ type: 'show-event-kind', kind, shown: e.target.checked })}
            />
            <svg className="swatch" width="12" height="12" aria-hidden="true">
              <circle cx="6" cy="6" r="5" fill={EVENT_KIND_COLOURS[kind]} />
            </svg>
            {capitalize(kind)}
          </label>
        ))}
      </fieldset>
      <label className="evidence-rule">
        {t('timeline.evidenceGrade')}
        <select
          value={String(filter.evidence)}
          onChange={(e) => {
            const value = e.target.value
            const rule = (
              value === 'any' || value === 'supported' ? value : Number(value)
            ) as EvidenceRule
            dispatch({ type: 'require-evidence', rule })
          }}
        >
          {EVIDENCE_RULES.map(({ rule, label }) => (
            <option key={String(rule)} value={String(rule)}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
