import type { TimelineItem } from '../../../../shared/contract'
import { dateLabel } from '../../../../shared/timeline'

/** The most rows the list shows; beyond them it asks to zoom in or narrow the filters. */
export const LIST_LIMIT = 300

const KIND_WORDS: Record<TimelineItem['kind'], string> = {
  event: 'Event',
  relation: 'Relation',
  'first-seen': 'First seen',
  quote: 'Quote',
}

function evidenceText(item: TimelineItem): string {
  if (!item.supported) return 'Unsupported'
  return item.grade === undefined ? 'Quoted' : `Graded ${item.grade}`
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
      <h3 id="timeline-list-title">Items in view ({total.toLocaleString('en')})</h3>
      {total > items.length && (
        <p className="muted">
          The first {items.length} are listed: zoom in or narrow the filters to list the rest.
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">Nothing dated in view.</p>
      ) : (
        <table aria-label="Timeline items">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Item</th>
              <th scope="col">Lane</th>
              <th scope="col">Evidence</th>
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
                      aria-label={`${KIND_WORDS[item.kind]}: ${item.label}, ${dateLabel(item)}, on ${lane}`}
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
