import { useState, type RefObject } from 'react'
import { RATING_LABELS } from '../../../../shared/ach'
import { ACH_RATINGS, type AchRating, type Hypothesis } from '../../../../shared/model'
import type { EvidenceGridRow } from './matrix-model'
import { t } from '../../ui/i18n'

/**
 * The focused cell in full: what it weighs against what, its rating as buttons (for the
 * mouse; the keyboard rates in the grid), and its comment. Enter in the grid brings focus
 * to the comment; Escape there takes it back to the cell.
 */
export function CellPanel({
  row,
  hypothesis,
  hypothesisName,
  commentRef,
  onRate,
  onComment,
  onBackToGrid,
}: {
  row: EvidenceGridRow
  hypothesis: Hypothesis
  hypothesisName: string
  commentRef: RefObject<HTMLTextAreaElement | null>
  onRate: (rating: AchRating | null) => void
  onComment: (comment: string) => Promise<void>
  onBackToGrid: () => void
}) {
  const cell = row.view.row.cells[hypothesis.id]
  const saved = cell?.comment ?? ''
  const [draft, setDraft] = useState(saved)
  const [saving, setSaving] = useState(false)
  const name = `${row.label} × ${hypothesisName}`
  const save = async (): Promise<void> => {
    setSaving(true)
    try {
      await onComment(draft)
    } finally {
      setSaving(false)
    }
  }
  return (
    <section className="ach-cell-panel" aria-labelledby="ach-cell-title">
      <h3 id="ach-cell-title">{t('ach.cell', { name })}</h3>
      <p className="small">
        {t('ach.howDoesBearOn', { label: row.label })}{' '}
        <strong dir="auto">{hypothesis.title}</strong>?
      </p>
      <div className="ach-rating-buttons" role="group" aria-label={t('ach.ratingOf', { name })}>
        {ACH_RATINGS.map((rating) => (
          <button
            key={rating}
            type="button"
            className={`ach-rating-button rating-${rating}`}
            aria-pressed={cell?.rating === rating}
            title={RATING_LABELS[rating]}
            onClick={() => onRate(rating)}
          >
            {rating}
          </button>
        ))}
        <button type="button" disabled={!cell?.rating} onClick={() => onRate(null)}>
          {t('ach.clear')}
        </button>
      </div>
      <p className="muted small">
        {cell?.rating ? RATING_LABELS[cell.rating] : t('ach.notRatedYet')}
        {t('ach.keysCCcNIIi')}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <label className="ach-comment">
          {t('ach.commentOn', { name })}
          <textarea
            ref={commentRef}
            rows={3}
            maxLength={2_000}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault()
                onBackToGrid()
              }
            }}
          />
        </label>
        <button type="submit" disabled={saving || draft.trim() === saved.trim()}>
          {t('ach.saveComment')}
        </button>
      </form>
    </section>
  )
}
