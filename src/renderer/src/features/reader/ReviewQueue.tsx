import type { ReviewItem } from '../../../../shared/contract'
import type { Annotation } from '../../../../shared/model'
import { useAcceptAnchor } from '../../api/sources'
import { anchorLabel, excerpt } from './labels'
import { t } from '../../ui/i18n'
import './annotations.css'

/**
 * Annotations whose words changed, or whose source's stored text is damaged: show, accept
 * the new wording, re-select or delete.
 */
export function ReviewQueue({
  items,
  onShow,
  onReselect,
  onDelete,
  onStatus,
}: {
  items: ReviewItem[]
  onShow: (id: string) => void
  onReselect: (a: Annotation) => void
  onDelete: (a: Annotation) => void
  onStatus: (message: string) => void
}) {
  const accept = useAcceptAnchor()
  return (
    <section className="review-queue" aria-labelledby="review-title">
      <h3 id="review-title">{t('reader.needsReview', { length: items.length })}</h3>
      <ul>
        {items.map(({ annotation: a, currentText, sourceDamage }) => (
          <li key={a.id} className="review-item">
            <div className="small review-state">
              {sourceDamage ? (
                <span className="error-text">{t('reader.sourceDamagedItsTextCannotVouch')}</span>
              ) : (
                anchorLabel(a.anchor)
              )}
            </div>
            <div className="small">
              {t('reader.was')} <q>{excerpt(a.target.quote.exact, 160)}</q>
            </div>
            {currentText !== null && (
              <div className="small">
                {t('reader.now')} <q>{excerpt(currentText, 160)}</q>
              </div>
            )}
            <div className="annotation-actions">
              {a.anchor.state === 'fuzzy' && !sourceDamage && (
                <>
                  <button type="button" onClick={() => onShow(a.id)}>
                    {t('reader.show')}
                  </button>
                  <button
                    type="button"
                    disabled={accept.isPending}
                    onClick={() =>
                      accept.mutate(
                        { id: a.id },
                        { onSuccess: () => onStatus(t('reader.theNewWordingIsAccepted')) },
                      )
                    }
                  >
                    {t('reader.accept')}
                  </button>
                </>
              )}
              {!sourceDamage && (
                <button type="button" onClick={() => onReselect(a)}>
                  {t('reader.reSelect')}
                </button>
              )}
              <button type="button" onClick={() => onDelete(a)}>
                {t('reader.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
