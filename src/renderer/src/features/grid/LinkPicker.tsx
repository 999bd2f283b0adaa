import { useMemo, useState } from 'react'
import { LINK_COLUMNS, type EntityRow, type LinkColumnKey } from '../../../../shared/contract'
import { KNOWN_ENTITY_TYPES, type KnownEntityType } from '../../../../shared/model'
import { useEntityList } from '../../api/entities'
import { createEntity, link, unlink } from './editing'
import { ENTITY_GRIDS } from '../../routes/entity-grids'
import { Dialog } from '../../ui/Dialog'
import { t } from '../../ui/i18n'

const MAX_CHOICES = 30

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The editor of a relation-backed column: lists the row's links with a remove button each,
 * and finds entities of the other type to link; every add or remove is one relation call.
 */
export function LinkPicker({
  row,
  column,
  onClose,
}: {
  /** The row as the grid shows it now (kept fresh by the parent). */
  row: EntityRow
  column: LinkColumnKey
  onClose: () => void
}) {
  const spec = LINK_COLUMNS[column]
  const otherType = spec.otherType as KnownEntityType
  const otherNoun = (KNOWN_ENTITY_TYPES as readonly string[]).includes(otherType)
    ? ENTITY_GRIDS[otherType].singular
    : otherType
  const choices = useEntityList({ type: otherType })
  const [query, setQuery] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const links = row[column]
  const title = `${spec.label} of ${row.entity.name}`

  const matches = useMemo(() => {
    const linked = new Set(links.map((l) => l.id))
    const needle = query.trim().toLocaleLowerCase()
    const list = (choices.data ?? []).filter(
      (e) =>
        e.id !== row.entity.id &&
        !linked.has(e.id) &&
        (needle === '' ||
          e.name.toLocaleLowerCase().includes(needle) ||
          e.aliases.some((a) => a.toLocaleLowerCase().includes(needle))),
    )
    return { shown: list.slice(0, MAX_CHOICES), total: list.length }
  }, [choices.data, links, query, row.entity.id])

  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  const exactMatch = (choices.data ?? []).some(
    (e) => e.name.toLocaleLowerCase() === query.trim().toLocaleLowerCase(),
  )

  return (
    <Dialog title={title} onClose={onClose}>
      <section aria-label={t('grid.current', { toLowerCase: spec.label.toLowerCase() })}>
        {links.length === 0 ? (
          <p className="muted">{t('grid.noneYet')}</p>
        ) : (
          <ul className="chips">
            {links.map((l) => (
              <li key={l.relationId} className={l.supported ? 'chip' : 'chip chip-unsupported'}>
                <span dir="auto">{l.name}</span>
                {!l.supported && (
                  <span className="badge badge-unsupported">{t('grid.unsupported')}</span>
                )}
                <button
                  type="button"
                  aria-label={t('grid.remove2', { name: l.name })}
                  disabled={busy}
                  onClick={() =>
                    void run(() =>
                      unlink(l.relationId, { [row.entity.id]: row.entity.name, [l.id]: l.name }),
                    )
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <label className="picker-search">
        {t('grid.findA', { otherNoun })}
        <input
          type="search"
          value={query}
          data-autofocus
          dir="auto"
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {choices.isPending ? (
        <p className="muted">{t('grid.loading')}</p>
      ) : (
        <ul className="picker-choices" aria-label={t('grid.toAdd', { otherNoun })}>
          {matches.shown.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                disabled={busy}
                onClick={() => void run(() => link(column, row.entity, e))}
              >
                {t('grid.add3', { name: e.name })}
              </button>
              {e.aliases.length > 0 && (
                <span className="muted" dir="auto">
                  {' '}
                  ({e.aliases.slice(0, 3).join(', ')})
                </span>
              )}
            </li>
          ))}
          {matches.total > matches.shown.length && (
            <li className="muted">
              {t('grid.moreTypeToNarrowTheList', { value: matches.total - matches.shown.length })}
            </li>
          )}
          {query.trim() !== '' && !exactMatch && (
            <li>
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    const created = await createEntity(otherType, query.trim())
                    await link(column, row.entity, created)
                    setQuery('')
                  })
                }
              >
                {t('grid.createAndAdd', { otherNoun, trim: query.trim() })}
              </button>
            </li>
          )}
        </ul>
      )}
      <div className="ui-actions">
        <button type="button" onClick={onClose}>
          {t('grid.done')}
        </button>
      </div>
    </Dialog>
  )
}
