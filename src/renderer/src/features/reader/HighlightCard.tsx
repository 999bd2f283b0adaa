import { CREDIBILITY_LABELS } from '../../ui/model-labels'
import type { Annotation, Entity, Reliability } from '../../../../shared/model'
import { EntityNames } from './EntityNames'
import { anchorLabel, KIND_LABELS } from './labels'
import { pageLabel } from './reader-model'
import type { HoverTarget } from './TextView'
import { HIGHLIGHT_CARD_ID } from './use-highlight-hover'
import { t } from '../../ui/i18n'

/** The annotations under a highlight, in a card beside it. */
export function HighlightCard({
  target,
  annotationById,
  entityById,
  pages,
  reliability,
}: {
  target: HoverTarget
  annotationById: ReadonlyMap<string, Annotation>
  entityById: ReadonlyMap<string, Entity>
  pages: readonly number[] | undefined
  reliability: Reliability
}) {
  const shown = target.ids.map((id) => annotationById.get(id)).filter((a) => a !== undefined)
  if (shown.length === 0) return null
  return (
    <div
      id={HIGHLIGHT_CARD_ID}
      role="tooltip"
      className="highlight-card"
      style={{
        top: Math.min(window.innerHeight - 160, target.rect.bottom + 6),
        left: Math.min(window.innerWidth - 360, Math.max(8, target.rect.left)),
      }}
    >
      {shown.map((a) => (
        <div key={a.id} className="highlight-card-item">
          <div className="small">
            <strong>{KIND_LABELS[a.kind]}</strong>{' '}
            {t('reader.credibility', { credibility: a.credibility })}
            {CREDIBILITY_LABELS[a.credibility]}
            {t('reader.grade2', {
              reliability,
              credibility: a.credibility,
              pageLabel: pageLabel(a.target.position.start, pages),
            })}
            {a.anchor.state !== 'exact' && <> · {anchorLabel(a.anchor)}</>}
          </div>
          {a.comment && <p>{a.comment}</p>}
          <EntityNames ids={a.entityIds} byId={entityById} />
        </div>
      ))}
    </div>
  )
}
