import { useEntityEvidence } from '../../api/evidence'
import { graphFocusHref, mapHref } from '../../routes/links'
import { PlaceLocation } from '../geo/PlaceLocation'
import { NotesMentioningEntity } from '../notes/Backlinks'
import { QuoteCard } from './QuoteCard'
import { attributeLabel, attributeText } from './attributes'
import { RelationDetails } from './RelationPanel'
import { SpellingVariants } from './SpellingVariants'
import { SupportBadge } from './SupportBadge'
import { SupportWithQuote } from './SupportWithQuote'
import './evidence.css'
import { CloseButton } from '../CloseButton'

/**
 * The evidence side panel for one entity: its attributes and relations, each marked
 * supported or "unsupported", and every quote behind it, each opening the reader at the
 * highlighted passage. Shared by the grids and the graph.
 */
export function EntityPanel({
  entityId,
  onClose,
  onOpenEntity,
}: {
  entityId: string
  onClose?: () => void
  onOpenEntity?: (id: string) => void
}) {
  const evidence = useEntityEvidence(entityId)
  const data = evidence.data
  const titleId = `evidence-title-${entityId}`
  return (
    <aside className="evidence-panel" aria-labelledby={titleId}>
      <header className="evidence-header">
        <h3 id={titleId} dir="auto">
          {data?.entity.name ?? 'Evidence'}
        </h3>
        {data && <span className="badge">{data.entity.type}</span>}
        {onClose && <CloseButton label="Close the evidence panel" onClick={onClose} />}
      </header>
      {evidence.isError && <p role="alert">{evidence.error.message}</p>}
      {evidence.isPending && <p className="muted">Loading…</p>}
      {data && (
        <>
          {data.entity.aliases.length > 0 && (
            <p className="muted">
              Also known as{' '}
              {data.entity.aliases.map((alias, i) => (
                <span key={alias}>
                  {i > 0 && ', '}
                  <bdi>{alias}</bdi>
                </span>
              ))}
            </p>
          )}
          <SpellingVariants entity={data.entity} />
          {data.entity.description && <p dir="auto">{data.entity.description}</p>}
          {data.entity.type === 'place' && <PlaceLocation place={data.entity} />}
          {data.entity.type === 'group' && (
            <p>
              <a href={mapHref({ groupIds: [data.entity.id] })}>Show its areas on the map</a>
            </p>
          )}
          <p>
            <a href={graphFocusHref(entityId)}>
              Show on graph<span className="visually-hidden">: {data.entity.name}</span>
            </a>{' '}
            <span className="muted">(with what lies within two relations)</span>
          </p>

          <section aria-labelledby={`${titleId}-attributes`}>
            <h4 id={`${titleId}-attributes`}>Attributes</h4>
            {data.attributes.length === 0 ? (
              <p className="muted">No attributes recorded.</p>
            ) : (
              <dl className="attribute-list">
                {data.attributes.map((a) => (
                  <div key={a.key} className="attribute-row">
                    <dt>{attributeLabel(a.key)}</dt>
                    <dd>
                      <span dir="auto">{attributeText(a.value)}</span>{' '}
                      <SupportBadge count={a.annotationIds.length} />
                      {a.annotationIds.length === 0 && (
                        <>
                          {' '}
                          <SupportWithQuote
                            entityId={entityId}
                            entityName={data.entity.name}
                            attribute={a.key}
                            label={attributeLabel(a.key)}
                            quotes={data.quotes}
                          />
                        </>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            <p className="hint">
              An attribute counts as supported when a quote about this entity carries its name as a
              tag (for example “phase”): “Support with a quote…” does that for you.
            </p>
          </section>

          <section aria-labelledby={`${titleId}-relations`}>
            <h4 id={`${titleId}-relations`}>Relations ({data.relations.length})</h4>
            {data.relations.length === 0 ? (
              <p className="muted">No relations recorded.</p>
            ) : (
              <ul className="relation-list">
                {data.relations.map((r) => (
                  <li key={r.relation.id}>
                    <RelationDetails
                      evidence={r}
                      onOpenEntity={onOpenEntity}
                      headingLevel={5}
                      currentId={entityId}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby={`${titleId}-quotes`}>
            <h4 id={`${titleId}-quotes`}>Supporting quotes ({data.quotes.length})</h4>
            {data.quotes.length === 0 ? (
              <p className="muted">
                No quote supports this entity yet: select a passage in a source and link it.
              </p>
            ) : (
              data.quotes.map((q) => <QuoteCard key={q.annotationId} quote={q} />)
            )}
          </section>

          <NotesMentioningEntity entityId={entityId} />
        </>
      )}
    </aside>
  )
}
