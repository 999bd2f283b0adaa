import { useState } from 'react'
import { RELATION_PHRASES, type EntityDependents } from '../../../../shared/contract'
import type { RelationType } from '../../../../shared/model'
import { useEntityDependents } from '../../api/entities'
import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import { deleteEntities } from './editing'
import type { EntityGridSpec } from '../../routes/entity-grids'

const LISTED = 8

function relationLine(d: EntityDependents, r: EntityDependents['relations'][number]): string {
  const phrase = RELATION_PHRASES[r.type as RelationType] ?? r.type
  return r.direction === 'out'
    ? `${d.entity.name} ${phrase} ${r.other.name}`
    : `${r.other.name} ${phrase} ${d.entity.name}`
}

function Listed<T>({ items, render }: { items: T[]; render: (item: T) => string }) {
  return (
    <ul>
      {items.slice(0, LISTED).map((item, i) => (
        <li key={i} dir="auto">
          {render(item)}
        </li>
      ))}
      {items.length > LISTED && <li className="muted">and {items.length - LISTED} more</li>}
    </ul>
  )
}

/** Confirms a delete after naming what depends on the rows: relations, quotes, notes. */
export function DeleteDialog({
  ids,
  spec,
  onClose,
  onDeleted,
}: {
  ids: string[]
  spec: EntityGridSpec
  onClose: () => void
  onDeleted: (message: string) => void
}) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const dependents = useEntityDependents(ids)

  const list = dependents.data ?? []
  const relations = list.flatMap((d) => d.relations.map((r) => relationLine(d, r)))
  const annotations = list.flatMap((d) => d.annotations)
  const notes = [...new Map(list.flatMap((d) => d.notes).map((n) => [n.id, n])).values()]
  const what =
    ids.length === 1 && list[0]
      ? `“${list[0].entity.name}”`
      : `${ids.length} ${spec.label.toLowerCase()}`

  const confirm = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await deleteEntities(ids, `delete ${what}`)
      onDeleted(`Deleted ${what}. Undo with Ctrl+Z.`)
      onClose()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
      setBusy(false)
    }
  }

  return (
    <Dialog title={`Delete ${what}?`} onClose={onClose}>
      {dependents.isPending && <p className="muted">Looking for what depends on it…</p>}
      {dependents.isError && (
        <p role="alert" className="error-text">
          {dependents.error.message}
        </p>
      )}
      {dependents.data && (
        <>
          {relations.length > 0 && (
            <section aria-label="Relations that will be deleted">
              <p>
                {relations.length === 1 ? 'This relation' : `These ${relations.length} relations`}{' '}
                will be deleted too:
              </p>
              <Listed items={relations} render={(line) => line} />
            </section>
          )}
          {annotations.length > 0 && (
            <section aria-label="Quotes that will lose the link">
              <p>
                {annotations.length === 1
                  ? 'This quote stays'
                  : `These ${annotations.length} quotes stay`}{' '}
                but will no longer be linked:
              </p>
              <Listed items={annotations} render={(a) => `“${a.exact}” (${a.sourceTitle})`} />
            </section>
          )}
          {notes.length > 0 && (
            <section aria-label="Notes that mention it">
              <p>
                {notes.length === 1 ? 'This note mentions' : `These ${notes.length} notes mention`}{' '}
                it; the mention will lead nowhere:
              </p>
              <Listed items={notes} render={(n) => n.title} />
            </section>
          )}
          {relations.length + annotations.length + notes.length === 0 && (
            <p>Nothing else depends on it.</p>
          )}
        </>
      )}
      <ConfirmActions
        confirmLabel={`Delete ${what}`}
        onConfirm={() => void confirm()}
        onCancel={onClose}
        disabled={busy || !dependents.data}
        error={error}
      />
    </Dialog>
  )
}
