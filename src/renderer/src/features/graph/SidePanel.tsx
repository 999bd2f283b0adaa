import { useState } from 'react'
import type { Relation } from '../../../../shared/model'
import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import { EntityPanel } from '../../ui/evidence/EntityPanel'
import { RelationPanel } from '../../ui/evidence/RelationPanel'
import { deleteRelation, relationSentence } from './relation-edits'
import { t } from '../../ui/i18n'

export type Panel = { kind: 'entity'; id: string } | { kind: 'relation'; id: string }

interface SidePanelProps {
  panel: Panel
  names: ReadonlyMap<string, string>
  /** The relation behind an edge, for the delete confirmation. */
  relation?: Pick<Relation, 'id' | 'type' | 'from' | 'to'>
  onClose(): void
  onOpenEntity(id: string): void
  onDeleted(sentence: string): void
}

/** The evidence panels of the grid, beside the chart: an entity's record, or an edge's quotes. */
export function SidePanel({
  panel,
  names,
  relation,
  onClose,
  onOpenEntity,
  onDeleted,
}: SidePanelProps) {
  const [confirming, setConfirming] = useState(false)
  return (
    <div className="graph-side">
      {panel.kind === 'entity' ? (
        <EntityPanel entityId={panel.id} onClose={onClose} onOpenEntity={onOpenEntity} />
      ) : (
        <>
          <RelationPanel relationId={panel.id} onClose={onClose} onOpenEntity={onOpenEntity} />
          {relation && (
            <div className="button-row side-actions">
              <button type="button" onClick={() => setConfirming(true)}>
                {t('graph.deleteRelation')}
              </button>
            </div>
          )}
          {relation && confirming && (
            <ConfirmDelete
              sentence={relationSentence(relation, names)}
              onCancel={() => setConfirming(false)}
              onConfirm={async () => {
                await deleteRelation(relation.id, names)
                onDeleted(relationSentence(relation, names))
              }}
            />
          )}
        </>
      )}
    </div>
  )
}

function ConfirmDelete({
  sentence,
  onCancel,
  onConfirm,
}: {
  sentence: string
  onCancel(): void
  onConfirm(): Promise<void>
}) {
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    setBusy(true)
    setError('')
    try {
      await onConfirm()
    } catch (cause) {
      setError((cause as Error).message)
      setBusy(false)
    }
  }
  return (
    <Dialog title={t('graph.deleteThisRelation')} onClose={onCancel} size="narrow">
      <p dir="auto">“{sentence}”</p>
      <p className="muted">{t('graph.theTwoEntitiesAndTheQuotes')}</p>
      <ConfirmActions
        confirmLabel={t('graph.deleteRelation2')}
        cancelLabel={t('graph.keepIt')}
        onConfirm={() => void confirm()}
        onCancel={onCancel}
        disabled={busy}
        error={error}
      />
    </Dialog>
  )
}
