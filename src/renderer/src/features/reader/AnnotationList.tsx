import { RELIABILITY_LABELS } from '../../ui/model-labels'
import type { Annotation, Entity, Reliability } from '../../../../shared/model'
import { NotesCitingQuote } from '../../ui/notes/Backlinks'
import { AddToAnalysisButton } from '../../ui/analyses/AddToAnalysis'
import { CiteInNoteButton } from '../../ui/notes/CiteInNote'
import { EntityNames } from './EntityNames'
import { anchorLabel, excerpt, KIND_LABELS } from './labels'
import { useProgressiveCount } from './progressive'
import { pageLabel } from './reader-model'
import { t } from '../../ui/i18n'
import './annotations.css'

/** Annotations mounted at once; the rest follow this many per frame, like the text. */
const FIRST_ITEMS = 60
const ITEMS_PER_FRAME = 60

/**
 * The annotations placed in the text, in text order, each with its actions. The one last
 * shown in the text also lists the notes that cite it.
 */
export function AnnotationList({
  total,
  placed,
  shownId,
  entityById,
  pages,
  reliability,
  onShow,
  onEdit,
  onDelete,
}: {
  /** Every annotation of the source, placed or not. */
  total: number
  placed: readonly Annotation[]
  shownId: string | null
  entityById: ReadonlyMap<string, Entity>
  pages: readonly number[] | undefined
  /** The source's letter: with each quote's digit, the full Admiralty grade. */
  reliability: Reliability
  onShow: (id: string) => void
  onEdit: (annotation: Annotation) => void
  onDelete: (annotation: Annotation) => void
}) {
  const shownIndex = shownId === null ? 0 : placed.findIndex((a) => a.id === shownId) + 1
  const listed = useProgressiveCount(placed.length, FIRST_ITEMS, ITEMS_PER_FRAME, shownIndex)
  return (
    <>
      <h3>{t('reader.annotations', { total })}</h3>
      {total === 0 && <p className="muted">{t('reader.selectAPassageInTheText')}</p>}
      <ol className="annotation-list">
        {placed.slice(0, listed).map((a) => (
          <li key={a.id} className={`annotation-item kind-${a.kind}`}>
            <button
              type="button"
              className="annotation-quote"
              onClick={() => onShow(a.id)}
              aria-label={t('reader.showInTheText', { excerpt: excerpt(a.target.quote.exact, 60) })}
            >
              “<bdi>{excerpt(a.target.quote.exact)}</bdi>”
            </button>
            <div className="annotation-meta small">
              {t('reader.credibilityGrade', {
                value: KIND_LABELS[a.kind],
                credibility: a.credibility,
              })}{' '}
              <abbr
                title={t('reader.source', {
                  toLowerCase: RELIABILITY_LABELS[reliability].toLowerCase(),
                })}
              >
                {reliability}
                {a.credibility}
              </abbr>{' '}
              {pageLabel(a.target.position.start, pages)}
              {a.anchor.state !== 'exact' && <> · {anchorLabel(a.anchor)}</>}
            </div>
            {a.comment && <p className="annotation-comment">{a.comment}</p>}
            <EntityNames ids={a.entityIds} byId={entityById} />
            {a.tags.length > 0 && <div className="muted small">#{a.tags.join(' #')}</div>}
            <div className="annotation-actions">
              <button type="button" onClick={() => onEdit(a)}>
                {t('reader.edit')}
              </button>
              <button type="button" onClick={() => onDelete(a)}>
                {t('reader.delete')}
              </button>
              <CiteInNoteButton annotationId={a.id} />
              <AddToAnalysisButton annotationId={a.id} />
            </div>
            {shownId === a.id && <NotesCitingQuote annotationId={a.id} />}
          </li>
        ))}
      </ol>
    </>
  )
}
