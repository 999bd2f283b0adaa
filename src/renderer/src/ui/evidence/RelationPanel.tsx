import {
  RELATION_PHRASES,
  type EntityBrief,
  type RelationEvidence,
} from '../../../../shared/contract'
import { useRelationEvidence } from '../../api/evidence'
import { QuoteCard } from './QuoteCard'
import { SupportBadge } from './SupportBadge'
import './evidence.css'
import { CloseButton } from '../CloseButton'
import { t } from '../i18n'
import { relationPhrase } from '../model-labels'

interface EntityLinkProps {
  entity: EntityBrief
  onOpenEntity?: (id: string) => void
}

function EntityName({ entity, onOpenEntity }: EntityLinkProps) {
  if (!onOpenEntity) return <strong dir="auto">{entity.name}</strong>
  return (
    <button
      type="button"
      className="link-button"
      dir="auto"
      onClick={() => onOpenEntity(entity.id)}
      aria-label={t('ui.show', { name: entity.name })}
    >
      {entity.name}
    </button>
  )
}

/** A relation as a sentence, with its dates, confidence and quotes (or an "unsupported" mark). */
export function RelationDetails({
  evidence,
  onOpenEntity,
  headingLevel = 4,
  collapseQuotes = true,
  currentId,
}: {
  evidence: RelationEvidence
  /** The entity whose panel this is: named, not linked to itself. */
  currentId?: string
  onOpenEntity?: (id: string) => void
  headingLevel?: 3 | 4 | 5
  /** In a list of relations the quotes fold away; alone, they show at once. */
  collapseQuotes?: boolean
}) {
  const { relation, from, to, quotes } = evidence
  const Heading = `h${headingLevel}` as const
  const dates =
    relation.validFrom || relation.validTo
      ? `${relation.validFrom ?? '…'} – ${relation.validTo ?? '…'}`
      : null
  return (
    <div className="relation-details">
      <Heading className="relation-sentence">
        <EntityName entity={from} onOpenEntity={from.id === currentId ? undefined : onOpenEntity} />{' '}
        {relationPhrase(relation.type, RELATION_PHRASES[relation.type])}{' '}
        <EntityName entity={to} onOpenEntity={to.id === currentId ? undefined : onOpenEntity} />
      </Heading>
      <p className="relation-meta">
        <SupportBadge count={quotes.length} />
        <span className="muted">{t('ui.confidence', { confidence: relation.confidence })}</span>
        {dates && <span className="muted">{dates}</span>}
      </p>
      {relation.comment && <p className="quote-comment">{relation.comment}</p>}
      {quotes.length > 0 && !collapseQuotes && (
        <section aria-label={t('ui.quotesBehindTheRelation')}>
          {quotes.map((q) => (
            <QuoteCard key={q.annotationId} quote={q} />
          ))}
        </section>
      )}
      {quotes.length > 0 && collapseQuotes && (
        <details>
          <summary>
            {quotes.length === 1
              ? t('ui.showTheQuote')
              : t('ui.showTheQuotes', { length: quotes.length })}
          </summary>
          {quotes.map((q) => (
            <QuoteCard key={q.annotationId} quote={q} />
          ))}
        </details>
      )}
    </div>
  )
}

/** The side panel for one relation (an edge in the graph): reused by any view. */
export function RelationPanel({
  relationId,
  onClose,
  onOpenEntity,
}: {
  relationId: string
  onClose?: () => void
  onOpenEntity?: (id: string) => void
}) {
  const evidence = useRelationEvidence(relationId)
  return (
    <aside className="evidence-panel" aria-label={t('ui.relationEvidence')}>
      <header className="evidence-header">
        <h3>{t('ui.relation')}</h3>
        {onClose && <CloseButton label={t('ui.closeTheRelationPanel')} onClick={onClose} />}
      </header>
      {evidence.isError && <p role="alert">{evidence.error.message}</p>}
      {evidence.isPending && <p className="muted">{t('ui.loading')}</p>}
      {evidence.data && (
        <RelationDetails
          evidence={evidence.data}
          onOpenEntity={onOpenEntity}
          headingLevel={4}
          collapseQuotes={false}
        />
      )}
    </aside>
  )
}
