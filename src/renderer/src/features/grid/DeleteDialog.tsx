import { useState } from 'react'
import { RELATION_PHRASES, type EntityDependents } from '../../../../shared/contract'
import type { RelationType } from '../../../../shared/model'
import { useEntityDependents } from '../../api/entities'
import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import { deleteEntities } from './editing'
import type { EntityGridSpec } from '../../routes/entity-grids'
import { t } from '../../ui/i18n'
import { relationPhrase } from '../../ui/model-labels'

const LISTED = 8

function relationLine(d: EntityDependents, r: EntityDependents['relations'][number]): string {
  const phrase =
    relationPhrase(r.type as RelationType, RELATION_PHRASES[r.type as RelationType]) ?? r.type
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
      {items.length > LISTED && (
        <li className="muted">{t('grid.andMore', { value: items.length - LISTED })}</li>
      )}
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
    <Dialog title={t('grid.delete', { what })} onClose={onClose}>
      {dependents.isPending && <p className="muted">{t('grid.lookingForWhatDependsOnIt')}</p>}
      {dependents.isError && (
        <p role="alert" className="error-text">
          {dependents.error.message}
        </p>
      )}
      {dependents.data && (
        <>
          {relations.length > 0 && (
            <section aria-label={t('grid.relationsThatWillBeDeleted')}>
              <p>
                {relations.length === 1
                  ? t('grid.thisRelation')
                  : t('grid.theseRelations', { length: relations.length })}{' '}
                {t('grid.willBeDeletedToo')}
              </p>
              <Listed items={relations} render={(line) => line} />
            </section>
          )}
          {annotations.length > 0 && (
            <section aria-label={t('grid.quotesThatWillLoseTheLink')}>
              <p>
                {annotations.length === 1
                  ? t('grid.thisQuoteStays')
                  : t('grid.theseQuotesStay', { length: annotations.length })}{' '}
                {t('grid.butWillNoLongerBeLinked')}
              </p>
              <Listed items={annotations} render={(a) => `“${a.exact}” (${a.sourceTitle})`} />
            </section>
          )}
          {notes.length > 0 && (
            <section aria-label={t('grid.notesThatMentionIt')}>
              <p>
                {notes.length === 1
                  ? t('grid.thisNoteMentions')
                  : t('grid.theseNotesMention', { length: notes.length })}{' '}
                {t('grid.itTheMentionWillLeadNowhere')}
              </p>
              <Listed items={notes} render={(n) => n.title} />
            </section>
          )}
          {relations.length + annotations.length + notes.length === 0 && (
            <p>{t('grid.nothingElseDependsOnIt')}</p>
          )}
        </>
      )}
      <ConfirmActions
        confirmLabel={t('grid.delete2', { what })}
        onConfirm={() => void confirm()}
        onCancel={onClose}
        disabled={busy || !dependents.data}
        error={error}
      />
    </Dialog>
  )
}
