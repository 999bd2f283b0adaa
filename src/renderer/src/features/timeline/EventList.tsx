import type { TimelineItem } from '../../../../shared/contract'
import { dateLabel } from '../../../../shared/timeline'
import { t } from '../../ui/i18n'
import { formatNumber } from '../../ui/format'

/** The most rows the list shows; beyond them it asks to zoom in or narrow the filters. */
export const LIST_LIMIT = 300

const KIND_WORDS: Record<TimelineItem['kind'], string> = {
  event: t('timeline.event'),
  relation: t('timeline.relation'),
  'first-seen': t('timeline.firstSeen'),
  quote: t('timeline.quote2'),
}

function evidenceText(item: TimelineItem): string {
  if (!item.supported) return t('timeline.unsupported')
  return item.grade === undefined
    ? t('timeline.quoted')
    : t('timeline.graded', { grade: item.grade })
}

/**
 * The chart's items in date order, as a table: the accessible way to the same items (a
 * screen reader, the keyboard). Selecting a row opens its evidence and centres the chart.
 */
export function EventList({
  items,
  total,
  laneNames,
  selectedKey,
  onSelect,
  onOpen,
}: {
  /** The items in the window on screen, in date order. */
  items: readonly TimelineItem[]
  /** Items in the window before the limit. */
  total: number
  laneNames: ReadonlyMap<string | null, string>
  selectedKey: string | null
  onSelect(item: TimelineItem): void
  onOpen(item: TimelineItem): void
}) {
  return (
    <section className="timeline-list" aria-labelledby="timeline-list-title">
      <h3 id="timeline-list-title">
        {t('timeline.itemsInView')}
        {formatNumber(total)})
      </h3>
      {total > items.length && (
        <p className="muted">{t('timeline.theFirstAreListedZoomIn', { length: items.length })}</p>
      )}
      {items.length === 0 ? (
        <p className="muted">{t('timeline.nothingDatedInView')}</p>
      ) : (
        <table aria-label={t('timeline.timelineItems')}>
          <thead>
            <tr>
              <th scope="col">{t('timeline.date')}</th>
              <th scope="col">{t('timeline.item')}</th>
              <th scope="col">{t('timeline.lane')}</th>
              <th scope="col">{t('timeline.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const lane = laneNames.get(item.laneId) ?? ''
              return (
                <tr
                  key={item.key}
                  aria-selected={item.key === selectedKey}
                  className={item.supported ? undefined : 'unsupported'}
                  data-lane={lane}
                >
                  <td>{dateLabel(item)}</td>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      dir="auto"
                      aria-label={t('timeline.on', {
                        value: KIND_WORDS[item.kind],
                        label: item.label,
                        dateLabel: dateLabel(item),
                        lane,
                      })}
                      onClick={() => onSelect(item)}
                      onDoubleClick={() => onOpen(item)}
                    >
                      {item.label}
                    </button>{' '}
                    <span className="badge">{KIND_WORDS[item.kind]}</span>
                  </th>
                  <td dir="auto">{lane}</td>
                  <td>{evidenceText(item)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
