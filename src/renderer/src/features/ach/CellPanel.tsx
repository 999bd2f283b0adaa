import { useState, type RefObject } from 'react'
import { RATING_LABELS } from '../../../../shared/ach'
import { ACH_RATINGS, type AchRating, type Hypothesis } from '../../../../shared/model'
import type { EvidenceGridRow } from './matrix-model'

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
      <h3 id="ach-cell-title">Cell {name}</h3>
      <p className="small">
        How does {row.label} bear on <strong dir="auto">{hypothesis.title}</strong>?
      </p>
      <div className="ach-rating-buttons" role="group" aria-label={`Rating of ${name}`}>
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
          Clear
        </button>
      </div>
      <p className="muted small">
        {cell?.rating ? RATING_LABELS[cell.rating] : 'Not rated yet'}. Keys: c, cc, n, i, ii, x;
        Delete clears.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <label className="ach-comment">
          Comment on {name}
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
          Save comment
        </button>
      </form>
    </section>
  )
}
