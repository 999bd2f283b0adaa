/**
 * What the map shows: the layer, the groups to compare (each with its colour), the period
 * (shared with the timeline's brush) and the script of the labels.
 */
import { memo, useCallback, useState } from 'react'
import { MAP_LABEL_SCRIPTS, type MapLabelScript } from '../../../../shared/contract'
import { LAYER_TITLES } from '../../../../shared/geo/map-layers'
import { MAP_LAYERS, MAX_MAP_GROUPS, type MapLayer } from '../../../../shared/model'
import { setDateRange, useDateRange } from '../../ui/date-range'
import { isLabelScript, type MapAction, type MapState } from './use-map-state'
import { t } from '../../ui/i18n'

const SCRIPT_LABELS: Record<MapLabelScript, string> = {
  latin: t('map.latinScript'),
  dari: t('map.dariArabicScript'),
  both: t('map.latinAndDari'),
}

/** Past this many groups, a filter box narrows the list. */
const FILTER_FROM = 12
/** Groups listed at once besides the chosen ones; the filter box finds the others. */
const LIST_LIMIT = 60

export function MapControls({
  state,
  dispatch,
  groups,
  groupColors,
}: {
  state: MapState
  dispatch(action: MapAction): void
  groups: readonly { id: string; name: string }[]
  groupColors: ReadonlyMap<string, string>
}) {
  const toggle = useCallback(
    (id: string, on: boolean) => dispatch({ type: 'toggle-group', id, on }),
    [dispatch],
  )
  return (
    <div className="map-controls control-column" role="group" aria-label={t('map.mapControls')}>
      <label>
        {t('map.layer')}
        <select
          value={state.layer}
          onChange={(e) => dispatch({ type: 'set-layer', layer: e.target.value as MapLayer })}
        >
          {MAP_LAYERS.map((layer) => (
            <option key={layer} value={layer}>
              {LAYER_TITLES[layer]}
            </option>
          ))}
        </select>
      </label>
      <GroupPicker groups={groups} chosen={state.groupIds} colors={groupColors} onToggle={toggle} />
      <PeriodFields />
      <label>
        {t('map.labels')}
        <select
          value={state.labels}
          onChange={(e) => {
            if (isLabelScript(e.target.value))
              dispatch({ type: 'set-labels', labels: e.target.value })
          }}
        >
          {MAP_LABEL_SCRIPTS.map((script) => (
            <option key={script} value={script}>
              {SCRIPT_LABELS[script]}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}

function GroupPicker({
  groups,
  chosen,
  colors,
  onToggle,
}: {
  groups: readonly { id: string; name: string }[]
  chosen: readonly string[]
  colors: ReadonlyMap<string, string>
  onToggle(id: string, on: boolean): void
}) {
  const [filter, setFilter] = useState('')
  const full = chosen.length >= MAX_MAP_GROUPS
  const needle = filter.trim().toLocaleLowerCase()
  const matching = needle
    ? groups.filter((g) => chosen.includes(g.id) || g.name.toLocaleLowerCase().includes(needle))
    : groups
  // The chosen stay listed (to untick them); the rest up to the limit, in name order.
  let others = 0
  const shown = matching.filter((g) => chosen.includes(g.id) || others++ < LIST_LIMIT)
  const hidden = matching.length - shown.length
  return (
    <fieldset className="map-groups">
      <legend>{t('map.groupsToCompare')}</legend>
      {groups.length > FILTER_FROM && (
        <input
          type="search"
          aria-label={t('map.findAGroup')}
          placeholder={t('map.findAGroup')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      {groups.length === 0 && <p className="muted">{t('map.theProjectHasNoGroupsYet')}</p>}
      <ul>
        {shown.map((group) => {
          const on = chosen.includes(group.id)
          return (
            <GroupOption
              key={group.id}
              id={group.id}
              name={group.name}
              on={on}
              disabled={!on && full}
              color={colors.get(group.id)}
              onToggle={onToggle}
            />
          )
        })}
      </ul>
      {hidden > 0 && <p className="hint">{t('map.moreGroupsTypeAName', { count: hidden })}</p>}
      {full && <p className="hint">{t('map.atMostGroupsAtOnceTheir', { MAX_MAP_GROUPS })}</p>}
    </fieldset>
  )
}

/** One group to tick; plain props, so a new layer or one group ticked re-renders only what changed. */
const GroupOption = memo(function GroupOption({
  id,
  name,
  on,
  disabled,
  color,
  onToggle,
}: {
  id: string
  name: string
  on: boolean
  disabled: boolean
  color: string | undefined
  onToggle(id: string, on: boolean): void
}) {
  return (
    <li>
      <label className="check">
        <input
          type="checkbox"
          checked={on}
          disabled={disabled}
          onChange={(e) => onToggle(id, e.target.checked)}
        />
        <svg className="swatch" width="12" height="12" aria-hidden="true">
          <rect
            width="12"
            height="12"
            rx="2"
            fill={color ?? 'none'}
            className={color ? '' : 'empty-swatch'}
          />
        </svg>
        <span dir="auto">{name}</span>
      </label>
    </li>
  )
})

/** The period, shared with the timeline: its brush sets it, and so do these fields. */
function PeriodFields() {
  const range = useDateRange()
  const [problem, setProblem] = useState<string | null>(null)
  const set = (side: 'from' | 'to', value: string) => {
    const next = { from: range?.from ?? null, to: range?.to ?? null, [side]: value || null }
    // The shared store drops a reversed range altogether; keep the one in force instead.
    if (next.from && next.to && next.from > next.to) {
      setProblem(t('map.thePeriodWouldEndBeforeIt'))
      return
    }
    setProblem(null)
    setDateRange(next)
  }
  return (
    <fieldset className="map-period">
      <legend>{t('map.period')}</legend>
      <label>
        {t('map.from')}
        <input
          type="date"
          value={range?.from ?? ''}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label>
        {t('map.to')}
        <input type="date" value={range?.to ?? ''} onChange={(e) => set('to', e.target.value)} />
      </label>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      {range ? (
        <button type="button" onClick={() => setDateRange(null)}>
          {t('map.allDates')}
        </button>
      ) : (
        <p className="hint">{t('map.allDatesARelationCountsWhen')}</p>
      )}
    </fieldset>
  )
}
