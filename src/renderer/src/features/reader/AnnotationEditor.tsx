/**
 * The annotation editor, beside the text in the reader's side panel (the text stays in view):
 * the full Admiralty grade, the kind, the entities the passage names offered as chips, and
 * the rest of the form. Keys (editor-keys.ts): 1–6 grade, C/F/A/Q kind, digits toggle the
 * offered chips while they have focus, Enter or Ctrl+Enter saves, Escape closes. A save goes
 * into the session's edit history, so Ctrl+Z takes it back.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { Annotation, Credibility, Entity, SourceRecord } from '../../../../shared/model'
import { ANNOTATION_KINDS, type Reliability } from '../../../../shared/model'
import {
  createAnnotation,
  deleteAnnotation,
  updateAnnotation,
  useAnnotationTags,
  useCreateAnnotation,
  useUpdateAnnotation,
  useUpdateSource,
} from '../../api/sources'
import { ConfirmActions } from '../../ui/ConfirmActions'
import { editHistory } from '../../ui/edit-history'
import { editorKeyAction, KEY_OF_KIND } from './editor-keys'
import { offeredEntities } from './entity-offers'
import { EntityPicker } from './EntityPicker'
import { GradePicker } from './GradePicker'
import { excerpt, KIND_LABELS } from './labels'
import { t } from '../../ui/i18n'
import './annotation-editor.css'

export interface PendingSelection {
  start: number
  end: number
  exact: string
}

/** What the editor opens on: a new selection (maybe graded by the key that opened it), or an annotation. */
export type EditorSubject =
  | { kind: 'annotate'; selection: PendingSelection; credibility?: Credibility }
  | { kind: 'edit'; annotation: Annotation }

export function AnnotationEditor({
  subject,
  source,
  text,
  entities,
  onClose,
  onSaved,
}: {
  subject: EditorSubject
  source: SourceRecord
  text: string
  entities: readonly Entity[]
  onClose: () => void
  onSaved: (annotation: Annotation, created: boolean) => void
}) {
  const annotation = subject.kind === 'edit' ? subject.annotation : undefined
  const range = subject.kind === 'edit' ? subject.annotation.target.position : subject.selection
  const quote =
    annotation?.target.quote.exact ?? (subject.kind === 'annotate' ? subject.selection.exact : '')
  const create = useCreateAnnotation()
  const update = useUpdateAnnotation()
  const updateSource = useUpdateSource()
  const knownTags = useAnnotationTags()
  const [kind, setKind] = useState<Annotation['kind']>(annotation?.kind ?? 'claim')
  // Opened by a digit, the grade is chosen already; otherwise it starts at 6, "cannot be judged".
  const gradedByKey = subject.kind === 'annotate' && subject.credibility !== undefined
  const [credibility, setCredibility] = useState<Credibility>(
    annotation?.credibility ?? (subject.kind === 'annotate' ? (subject.credibility ?? 6) : 6),
  )
  // A source still graded F ("cannot be judged", the default) may be graded here.
  const [reliabilityEditable] = useState(source.reliability === 'F')
  const [reliability, setReliability] = useState<Reliability>(source.reliability)
  const [comment, setComment] = useState(annotation?.comment ?? '')
  const [entityIds, setEntityIds] = useState<string[]>(annotation?.entityIds ?? [])
  const [tags, setTags] = useState((annotation?.tags ?? []).join(', '))
  const titleId = useId()
  const rootRef = useRef<HTMLElement>(null)
  const offersRef = useRef<HTMLUListElement>(null)
  const gradeRef = useRef<HTMLDivElement>(null)

  const offers = useMemo(
    () => (text ? offeredEntities(text, range, entities) : []),
    [text, range, entities],
  )
  const error = create.error ?? update.error ?? updateSource.error
  const pending = create.isPending || update.isPending || updateSource.isPending

  // The focus goes where the next key is meant: the chips once graded by key, else the grade.
  // Only on opening (how the editor was opened, kept from the first render): later the
  // analyst moves the focus.
  const [openedGraded] = useState(gradedByKey)
  useEffect(() => {
    const firstChip = offersRef.current?.querySelector('button')
    if (openedGraded && firstChip) firstChip.focus()
    else if (!openedGraded)
      gradeRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus()
    else rootRef.current?.focus()
  }, [openedGraded])

  const toggle = (id: string): void =>
    setEntityIds((ids) => (ids.includes(id) ? ids.filter((v) => v !== id) : [...ids, id]))

  const grade = (value: Credibility): void => {
    setCredibility(value)
    // Graded: the next keys pick entities.
    offersRef.current?.querySelector('button')?.focus()
  }

  const save = async (): Promise<void> => {
    if (pending) return
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
    if (reliabilityEditable && reliability !== source.reliability) {
      await updateSource.mutateAsync({ id: source.id, patch: { reliability } })
    }
    const label = `annotation “${excerpt(quote, 40)}”`
    if (annotation) {
      const before = {
        kind: annotation.kind,
        comment: annotation.comment,
        credibility: annotation.credibility,
        entityIds: annotation.entityIds,
        tags: annotation.tags,
      }
      const saved = await update.mutateAsync({ id: annotation.id, patch: fields })
      editHistory.push({
        label,
        undo: async () => void (await updateAnnotation({ id: annotation.id, patch: before })),
        redo: async () => void (await updateAnnotation({ id: annotation.id, patch: fields })),
      })
      onSaved(saved, false)
      return
    }
    if (subject.kind !== 'annotate') return
    const draft = {
      sourceId: source.id,
      contentHash: source.contentHash,
      ...subject.selection,
      ...fields,
    }
    let current = await create.mutateAsync(draft)
    editHistory.push({
      label,
      undo: () => deleteAnnotation(current.id),
      redo: async () => {
        current = await createAnnotation(draft)
      },
    })
    onSaved(current, true)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    // The entity type-ahead handled it (Enter picks an option, Escape closes its list).
    if (event.defaultPrevented) return
    const target = event.target as HTMLElement
    const action = editorKeyAction(event, {
      tagName: target.tagName,
      type: (target as HTMLInputElement).type,
      isContentEditable: target.isContentEditable,
      inOffers: offersRef.current?.contains(target) ?? false,
    })
    if (!action) return
    event.preventDefault()
    switch (action.type) {
      case 'save':
        void save().catch(() => undefined)
        return
      case 'cancel':
        onClose()
        return
      case 'credibility':
        grade(action.grade)
        return
      case 'kind':
        setKind(action.kind)
        return
      case 'toggle-offer': {
        const offer = offers[action.index]
        if (offer) toggle(offer.entity.id)
      }
    }
  }

  return (
    <section
      ref={rootRef}
      // Not modal: the text stays readable and selectable beside it.
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      className="annotation-editor"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <h3 id={titleId}>{annotation ? t('reader.editAnnotation') : t('reader.annotate')}</h3>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          void save().catch(() => undefined)
        }}
      >
        <blockquote className="dialog-quote" dir="auto">
          {quote}
        </blockquote>
        <div ref={gradeRef}>
          <GradePicker
            reliability={reliability}
            reliabilityEditable={reliabilityEditable}
            onReliability={setReliability}
            credibility={credibility}
            onCredibility={grade}
          />
        </div>
        <fieldset className="key-choices kinds">
          <legend>{t('reader.kind')}</legend>
          {ANNOTATION_KINDS.map((k) => (
            <label key={k} className={kind === k ? 'key-choice chosen' : 'key-choice'}>
              <input
                type="radio"
                name="kind"
                checked={kind === k}
                onChange={() => setKind(k)}
                aria-keyshortcuts={KEY_OF_KIND[k]}
              />
              {KIND_LABELS[k]} <kbd aria-hidden="true">{KEY_OF_KIND[k]}</kbd>
            </label>
          ))}
        </fieldset>
        {offers.length > 0 && (
          <div className="entity-offers">
            <p className="muted small" id={`${titleId}-offers`}>
              {t('reader.namedHereClickOrANumber')}
            </p>
            <ul ref={offersRef} aria-labelledby={`${titleId}-offers`} className="offer-chips">
              {offers.map((offer, i) => (
                <li key={offer.entity.id}>
                  <button
                    type="button"
                    className="offer-chip"
                    aria-pressed={entityIds.includes(offer.entity.id)}
                    aria-keyshortcuts={String(i + 1)}
                    title={
                      offer.named === offer.entity.name
                        ? undefined
                        : t('reader.namedAs', { named: offer.named })
                    }
                    onClick={() => toggle(offer.entity.id)}
                  >
                    <kbd aria-hidden="true">{i + 1}</kbd> <bdi>{offer.entity.name}</bdi>{' '}
                    <span className="muted small">{offer.entity.type}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <EntityPicker value={entityIds} onChange={setEntityIds} />
        <label>
          {t('reader.comment')}
          <textarea
            dir="auto"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={3}
          />
        </label>
        <label>
          {t('reader.tagsCommaSeparated')}
          <input value={tags} onChange={(e) => setTags(e.target.value)} list="annotation-tags" />
          <datalist id="annotation-tags">
            {(knownTags.data ?? []).map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </label>
        <p className="muted small">{t('reader.enterSavesCtrlZAfterwardsTakes')}</p>
        <ConfirmActions
          confirmLabel={t('reader.saveAnnotation')}
          tone="primary"
          onCancel={onClose}
          disabled={pending}
          error={error?.message}
        />
      </form>
    </section>
  )
}
