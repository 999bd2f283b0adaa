import { useState } from 'react'
import type { Annotation } from '../../../../shared/model'
import { useAnnotationTags, useCreateAnnotation, useUpdateAnnotation } from '../../api/sources'
import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import { EntityPicker } from './EntityPicker'
import { CredibilitySelect, KindSelect } from './annotation-fields'
import './forms.css'

export interface PendingSelection {
  start: number
  end: number
  exact: string
}

/** The form behind "Annotate" (a new selection) and "Edit" (an existing annotation). */
export function AnnotationDialog({
  sourceId,
  contentHash,
  selection,
  annotation,
  onClose,
  onSaved,
}: {
  sourceId: string
  contentHash: string
  selection?: PendingSelection
  annotation?: Annotation
  onClose: () => void
  onSaved: (annotation: Annotation) => void
}) {
  const create = useCreateAnnotation()
  const update = useUpdateAnnotation()
  const knownTags = useAnnotationTags()
  const [kind, setKind] = useState<Annotation['kind']>(annotation?.kind ?? 'claim')
  const [comment, setComment] = useState(annotation?.comment ?? '')
  const [credibility, setCredibility] = useState(annotation?.credibility ?? 6)
  const [entityIds, setEntityIds] = useState<string[]>(annotation?.entityIds ?? [])
  const [tags, setTags] = useState((annotation?.tags ?? []).join(', '))
  const quote = annotation?.target.quote.exact ?? selection?.exact ?? ''
  const error = create.error ?? update.error
  const pending = create.isPending || update.isPending

  const save = (): void => {
    const fields = {
      kind,
      comment,
      credibility,
      entityIds,
      tags: tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    }
    if (annotation) {
      update.mutate({ id: annotation.id, patch: fields }, { onSuccess: onSaved })
    } else if (selection) {
      create.mutate({ sourceId, contentHash, ...selection, ...fields }, { onSuccess: onSaved })
    }
  }

  return (
    <Dialog title={annotation ? 'Edit annotation' : 'Annotate'} onClose={onClose} size="wide">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          save()
        }}
      >
        <blockquote className="dialog-quote" dir="auto">
          {quote}
        </blockquote>
        <div className="form-row">
          <KindSelect value={kind} onChange={setKind} />
          <CredibilitySelect value={credibility} onChange={setCredibility} />
        </div>
        <label>
          Comment
          <textarea
            dir="auto"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={4}
          />
        </label>
        <EntityPicker value={entityIds} onChange={setEntityIds} />
        <label>
          Tags (comma-separated)
          <input value={tags} onChange={(e) => setTags(e.target.value)} list="annotation-tags" />
          <datalist id="annotation-tags">
            {(knownTags.data ?? []).map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </label>
        <ConfirmActions
          confirmLabel="Save annotation"
          tone="primary"
          onCancel={onClose}
          disabled={pending}
          error={error?.message}
        />
      </form>
    </Dialog>
  )
}
