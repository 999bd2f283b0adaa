import { useMemo, useState } from 'react'
import type { TimelineLane } from '../../../../shared/contract'
import { Dialog } from '../../ui/Dialog'
import { t } from '../../ui/i18n'
import { entityTypeLabel } from '../../ui/model-labels'

/** The most lanes a timeline shows at once: past that a lane is a few pixels tall. */
const MAX_LANES = 60

/** Chooses the theme lines: groups and people, most quoted first, found by name. */
export function LanePicker({
  lanes,
  chosen,
  unassigned,
  onChange,
  onClose,
}: {
  lanes: readonly TimelineLane[]
  chosen: readonly string[]
  unassigned: boolean
  onChange(laneIds: string[], unassigned: boolean): void
  onClose(): void
}) {
  const [query, setQuery] = useState('')
  const picked = new Set(chosen)
  const shown = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase()
    return lanes
      .filter((l) => needle === '' || l.name.toLocaleLowerCase().includes(needle))
      .slice(0, 200)
  }, [lanes, query])
  const toggle = (id: string, on: boolean): void => {
    const next = on ? [...chosen, id] : chosen.filter((c) => c !== id)
    onChange(next.slice(0, MAX_LANES), unassigned)
  }
  return (
    <Dialog
      title={t('timeline.lanes')}
      onClose={onClose}
      headerActions={
        <button type="button" onClick={onClose}>
          {t('timeline.done')}
        </button>
      }
    >
      <p className="muted">
        {t('timeline.oneLaneAGroupOrPerson', { length: chosen.length, MAX_LANES })}
      </p>
      <label className="picker-search">
        {t('timeline.findAGroupOrPerson')}
        <input
          type="search"
          value={query}
          data-autofocus
          dir="auto"
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={unassigned}
          onChange={(e) => onChange([...chosen], e.target.checked)}
        />
        {t('timeline.aLaneForEventsWithNo')}
      </label>
      <ul className="lane-choices" aria-label={t('timeline.groupsAndPeople')}>
        {shown.map((lane) => (
          <li key={lane.id}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={picked.has(lane.id)}
                disabled={!picked.has(lane.id) && chosen.length >= MAX_LANES}
                onChange={(e) => toggle(lane.id, e.target.checked)}
              />
              <span dir="auto">{lane.name}</span>{' '}
              <span className="muted">
                {entityTypeLabel(lane.type, lane.type).toLowerCase()} ·{' '}
                {t('timeline.quoteCount', { count: lane.quoteCount })}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </Dialog>
  )
}
