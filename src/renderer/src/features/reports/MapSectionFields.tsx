import { useId, useState } from 'react'
import { LAYER_TITLES } from '../../../../shared/geo/map-layers'
import {
  MAP_LAYERS,
  MAX_MAP_GROUPS,
  type MapLayer,
  type ReportSection,
} from '../../../../shared/model'
import { useEntityList } from '../../api/entities'
import { useDateRange } from '../../ui/date-range'
import { CaptionField } from './CaptionField'
import { t } from '../../ui/i18n'

type MapSection = Extract<ReportSection, { kind: 'map' }>

/** Without the key when empty: the section keeps only what the analyst set. */
function withOptional(section: MapSection, key: 'from' | 'to', value: string): MapSection {
  const next: MapSection = { ...section }
  if (value) next[key] = value
  else delete next[key]
  return next
}

/**
 * A map in the report: its layer, the groups compared, the period, a caption. The period can
 * be taken from the one the map view and the timeline share.
 */
export function MapSectionFields({
  section,
  n,
  onChange,
}: {
  section: MapSection
  n: number
  onChange(next: MapSection): void
}) {
  const id = useId()
  const [problem, setProblem] = useState<string | null>(null)
  const groups = useEntityList({ type: 'group' })
  const range = useDateRange()
  const chosen = new Set(section.groupIds)
  const full = section.groupIds.length >= MAX_MAP_GROUPS
  /** A period that would end before it starts is refused; the one in force stays. */
  const setPeriod = (next: MapSection) => {
    if (next.from && next.to && next.from > next.to) {
      setProblem(t('reports.thePeriodWouldEndBeforeIt'))
      return
    }
    setProblem(null)
    onChange(next)
  }
  const toggle = (groupId: string, on: boolean) => {
    const groupIds = on
      ? [...section.groupIds, groupId]
      : section.groupIds.filter((g) => g !== groupId)
    onChange({ ...section, groupIds, layer: on ? 'areas' : section.layer })
  }
  return (
    <div className="section-fields">
      <label htmlFor={`${id}-layer`}>{t('reports.mapLayerForSection', { n })}</label>
      <select
        id={`${id}-layer`}
        value={section.layer}
        onChange={(e) => onChange({ ...section, layer: e.target.value as MapLayer })}
      >
        {MAP_LAYERS.map((layer) => (
          <option key={layer} value={layer}>
            {LAYER_TITLES[layer]}
          </option>
        ))}
      </select>
      <fieldset className="columns-picker">
        <legend>{t('reports.groupsComparedInSection', { n })}</legend>
        {groups.data?.length === 0 && (
          <p className="muted">{t('reports.theProjectHasNoGroupsYet')}</p>
        )}
        {groups.data?.map((group) => (
          <label key={group.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.has(group.id)}
              disabled={!chosen.has(group.id) && full}
              onChange={(e) => toggle(group.id, e.target.checked)}
            />
            <span dir="auto">{group.name}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-from`}>{t('reports.periodStartForSection', { n })}</label>
      <input
        id={`${id}-from`}
        type="date"
        value={section.from ?? ''}
        max={section.to}
        onChange={(e) => setPeriod(withOptional(section, 'from', e.target.value))}
      />
      <label htmlFor={`${id}-to`}>{t('reports.periodEndForSection', { n })}</label>
      <input
        id={`${id}-to`}
        type="date"
        value={section.to ?? ''}
        min={section.from}
        onChange={(e) => setPeriod(withOptional(section, 'to', e.target.value))}
      />
      {range && (
        <button
          type="button"
          onClick={() =>
            setPeriod(
              withOptional(withOptional(section, 'from', range.from ?? ''), 'to', range.to ?? ''),
            )
          }
        >
          {t('reports.useTheMapsPeriod')}
          {range.from ?? t('reports.anyDate')} – {range.to ?? t('reports.anyDate')})
        </button>
      )}
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <CaptionField section={section} n={n} onChange={onChange} />
    </div>
  )
}
