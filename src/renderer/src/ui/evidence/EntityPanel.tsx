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
import { t } from '../i18n'

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
          {data?.entity.name ?? t('ui.evidence')}
        </h3>
        {data && <span className="badge">{data.entity.type}</span>}
        {onClose && <CloseButton label={t('ui.closeTheEvidencePanel')} onClick={onClose} />}
      </header>
      {evidence.isError && <p role="alert">{evidence.error.message}</p>}
      {evidence.isPending && <p className="muted">{t('ui.loading')}</p>}
      {data && (
        <>
          {data.entity.aliases.length > 0 && (
            <p className="muted">
              {t('ui.alsoKnownAs')}{' '}
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
              <a href={mapHref({ groupIds: [data.entity.id] })}>{t('ui.showItsAreasOnTheMap')}</a>
            </p>
          )}
          <p>
            <a href={graphFocusHref(entityId)}>
              {t('ui.showOnGraph')}
              <span className="visually-hidden">: {data.entity.name}</span>
            </a>{' '}
            <span className="muted">{t('ui.withWhatLiesWithinTwoRelations')}</span>
          </p>

          <section aria-labelledby={`${titleId}-attributes`}>
            <h4 id={`${titleId}-attributes`}>{t('ui.attributes')}</h4>
            {data.attributes.length === 0 ? (
              <p className="muted">{t('ui.noAttributesRecorded')}</p>
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
            <p className="hint">{t('ui.anAttributeCountsAsSupportedWhen')}</p>
          </section>

          <section aria-labelledby={`${titleId}-relations`}>
            <h4 id={`${titleId}-relations`}>
              {t('ui.relations', { length: data.relations.length })}
            </h4>
            {data.relations.length === 0 ? (
              <p className="muted">{t('ui.noRelationsRecorded')}</p>
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
            <h4 id={`${titleId}-quotes`}>
              {t('ui.supportingQuotes', { length: data.quotes.length })}
            </h4>
            {data.quotes.length === 0 ? (
              <p className="muted">{t('ui.noQuoteSupportsThisEntityYet')}</p>
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
