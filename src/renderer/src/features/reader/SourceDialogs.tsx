import { useState } from 'react'
import type { ReanchorSummary } from '../../../../shared/contract'
import {
  RELIABILITY_GRADES,
  SOURCE_KINDS,
  type Annotation,
  type SourceRecord,
} from '../../../../shared/model'
import {
  useAnnotationDependents,
  useDeleteAnnotation,
  useDeleteSource,
  useEditSourceText,
  useUpdateSource,
} from '../../api/sources'
import { RELIABILITY_LABELS } from '../../ui/model-labels'
import { SOURCES_HREF } from '../../routes/links'
import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import { excerpt } from './labels'
import { t } from '../../ui/i18n'
import './forms.css'

/** Title, kind, web address, publisher, author, dates, language and reliability. */
export function SourceDetailsDialog({
  source,
  onClose,
}: {
  source: SourceRecord
  onClose: () => void
}) {
  const update = useUpdateSource()
  const [fields, setFields] = useState({
    title: source.title,
    kind: source.kind,
    url: source.url ?? '',
    publisher: source.publisher ?? '',
    author: source.author ?? '',
    publishedAt: source.publishedAt ?? '',
    retrievedAt: source.retrievedAt ?? '',
    language: source.language ?? '',
    reliability: source.reliability,
  })
  const set =
    (key: keyof typeof fields) =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>): void =>
      setFields((f) => ({ ...f, [key]: e.target.value }))
  const orNull = (value: string): string | null => (value.trim() ? value.trim() : null)
  return (
    <Dialog title={t('reader.sourceDetails')} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          update.mutate(
            {
              id: source.id,
              patch: {
                title: fields.title,
                kind: fields.kind,
                url: orNull(fields.url),
                publisher: orNull(fields.publisher),
                author: orNull(fields.author),
                publishedAt: orNull(fields.publishedAt),
                retrievedAt: orNull(fields.retrievedAt),
                language: orNull(fields.language),
                reliability: fields.reliability,
              },
            },
            { onSuccess: onClose },
          )
        }}
      >
        <label>
          {t('reader.title')}
          <input value={fields.title} onChange={set('title')} required />
        </label>
        <div className="form-row">
          <label>
            {t('reader.kind')}
            <select value={fields.kind} onChange={set('kind')}>
              {SOURCE_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <label>
            {t('reader.reliability')}
            <select value={fields.reliability} onChange={set('reliability')}>
              {RELIABILITY_GRADES.map((g) => (
                <option key={g} value={g}>
                  {g} — {RELIABILITY_LABELS[g]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>
          {t('reader.webAddress')}
          <input value={fields.url} onChange={set('url')} type="url" />
        </label>
        <div className="form-row">
          <label>
            {t('reader.publisher')}
            <input value={fields.publisher} onChange={set('publisher')} />
          </label>
          <label>
            {t('reader.author')}
            <input value={fields.author} onChange={set('author')} />
          </label>
        </div>
        <div className="form-row">
          <label>
            {t('reader.published')}
            <input type="date" value={fields.publishedAt} onChange={set('publishedAt')} />
          </label>
          <label>
            {t('reader.retrieved')}
            <input type="date" value={fields.retrievedAt} onChange={set('retrievedAt')} />
          </label>
          <label>
            {t('reader.language')}
            <input
              value={fields.language}
              onChange={set('language')}
              placeholder={t('reader.enFaAf')}
            />
          </label>
        </div>
        <ConfirmActions
          confirmLabel={t('reader.saveDetails')}
          tone="primary"
          onCancel={onClose}
          disabled={update.isPending}
          error={update.error?.message}
        />
      </form>
    </Dialog>
  )
}

/** Corrects the text; annotations are re-anchored and the outcome reported. */
export function EditTextDialog({
  source,
  text,
  onClose,
  onSaved,
}: {
  source: SourceRecord
  text: string
  onClose: () => void
  onSaved: (summary: ReanchorSummary) => void
}) {
  const edit = useEditSourceText()
  const [draft, setDraft] = useState(text)
  return (
    <Dialog title={t('reader.editText2')} onClose={onClose} size="wide">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          edit.mutate(
            { id: source.id, text: draft, baseHash: source.contentHash },
            { onSuccess: (result) => onSaved(result.reanchor) },
          )
        }}
      >
        <p className="muted">{t('reader.correctTheTextOfThisSource')}</p>
        <label>
          {t('reader.text')}
          <textarea
            className="edit-text"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={22}
            spellCheck={false}
          />
        </label>
        <ConfirmActions
          confirmLabel={t('reader.saveText')}
          tone="primary"
          onCancel={onClose}
          disabled={edit.isPending || draft === text}
          error={edit.error?.message}
        />
      </form>
    </Dialog>
  )
}

/** Confirms a deletion, naming the relations and notes that depend on the annotation. */
export function DeleteAnnotationDialog({
  annotation,
  onClose,
  onDeleted,
}: {
  annotation: Annotation
  onClose: () => void
  onDeleted: () => void
}) {
  const remove = useDeleteAnnotation()
  const dependents = useAnnotationDependents(annotation.id)
  const relations = dependents.data?.relations ?? []
  const notes = dependents.data?.notes ?? []
  const analyses = dependents.data?.analyses ?? []
  return (
    <Dialog title={t('reader.deleteAnnotation')} onClose={onClose}>
      <blockquote className="dialog-quote">
        {excerpt(annotation.target.quote.exact, 300)}
      </blockquote>
      {dependents.isLoading && <p className="muted">{t('reader.checkingWhatDependsOnIt')}</p>}
      {(relations.length > 0 || notes.length > 0 || analyses.length > 0) && (
        <div role="alert" className="warning">
          <p>{t('reader.thisAnnotationIsUsedElsewhereDeleting')}</p>
          <ul>
            {relations.map((r) => (
              <li key={r.id}>{t('reader.removeItFromTheEvidenceOf', { label: r.label })}</li>
            ))}
            {notes.map((n) => (
              <li key={n.id}>{t('reader.leaveABrokenCitationInThe', { title: n.title })}</li>
            ))}
            {analyses.map((a) => (
              <li key={a.id}>{t('reader.leaveAnUnscoredRowItsQuote', { question: a.question })}</li>
            ))}
          </ul>
        </div>
      )}
      {dependents.data && relations.length === 0 && notes.length === 0 && analyses.length === 0 && (
        <p>{t('reader.noRelationOrNoteDependsOn')}</p>
      )}
      <ConfirmActions
        confirmLabel={t('reader.deleteAnnotation')}
        onConfirm={() => remove.mutate({ id: annotation.id }, { onSuccess: onDeleted })}
        onCancel={onClose}
        disabled={!dependents.data || remove.isPending}
        error={remove.error?.message}
      />
    </Dialog>
  )
}

/** Confirms deleting the source with its annotations, then goes back to the list. */
export function DeleteSourceDialog({
  source,
  count,
  onClose,
}: {
  source: SourceRecord
  count: number
  onClose: () => void
}) {
  const remove = useDeleteSource()
  return (
    <Dialog title={t('reader.deleteSource2')} onClose={onClose}>
      <p>
        {t('reader.delete2', { title: source.title })}
        {count > 0 ? t('reader.andItsAnnotationsRelationsThatCite', { count }) : '?'}
      </p>
      <ConfirmActions
        confirmLabel={t('reader.deleteSource2')}
        onConfirm={() =>
          remove.mutate(
            { id: source.id },
            {
              onSuccess: () => {
                onClose()
                window.location.hash = SOURCES_HREF
              },
            },
          )
        }
        onCancel={onClose}
        disabled={remove.isPending}
        error={remove.error?.message}
      />
    </Dialog>
  )
}
