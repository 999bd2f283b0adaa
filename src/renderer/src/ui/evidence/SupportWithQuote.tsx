import { useState } from 'react'
import type { QuoteEvidence } from '../../../../shared/contract'
import { useSupportAttribute } from '../../api/sources'
import { readerHref, SOURCES_HREF } from '../../routes/links'
import { Dialog } from '../Dialog'
import { errorMessage } from '../error-message'
import { t } from '../i18n'

/**
 * The rule "an attribute is supported by a quote about the entity tagged with its name", as
 * an action: pick one of the entity's quotes (it is tagged and linked for you), or open a
 * source to make a new one.
 */
export function SupportWithQuote({
  entityId,
  entityName,
  attribute,
  label,
  quotes,
}: {
  entityId: string
  entityName: string
  attribute: string
  /** The attribute as the panel names it ("Phase"). */
  label: string
  quotes: readonly QuoteEvidence[]
}) {
  const [open, setOpen] = useState(false)
  const support = useSupportAttribute()
  const sources = [...new Map(quotes.map((q) => [q.sourceId, q])).values()]
  const close = (): void => {
    setOpen(false)
    support.reset()
  }
  return (
    <>
      <button
        type="button"
        className="link-button"
        aria-haspopup="dialog"
        aria-label={t('ui.supportWithAQuote2', { label })}
        onClick={() => setOpen(true)}
      >
        {t('ui.supportWithAQuote')}
      </button>
      {open && (
        <Dialog title={t('ui.supportOfWithAQuote', { label, entityName })} onClose={close}>
          <p className="muted">
            {t('ui.theQuoteYouPickIsTagged', {
              attribute,
              entityName,
              toLowerCase: label.toLowerCase(),
            })}
          </p>
          {support.isError && <p role="alert">{errorMessage(support.error)}</p>}
          {quotes.length === 0 ? (
            <p>{t('ui.noQuoteMentionsYet', { entityName })}</p>
          ) : (
            <ul className="support-choices" aria-label={t('ui.quotesAboutThisEntity')}>
              {quotes.map((q) => (
                <li key={q.annotationId}>
                  <blockquote dir="auto">{q.exact}</blockquote>
                  <span className="muted">
                    <bdi>{q.sourceTitle}</bdi> · {q.reliability}
                    {q.credibility}
                  </span>{' '}
                  <button
                    type="button"
                    disabled={support.isPending}
                    onClick={() =>
                      support.mutate(
                        { annotationId: q.annotationId, entityId, attribute },
                        { onSuccess: close },
                      )
                    }
                  >
                    {t('ui.useThisQuote')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h4>{t('ui.orMakeANewQuote')}</h4>
          <p className="muted">{t('ui.openASourceSelectThePassage', { entityName, attribute })}</p>
          <ul>
            {sources.map((q) => (
              <li key={q.sourceId}>
                <a href={readerHref(q.sourceId)} onClick={close}>
                  {t('ui.open')} <bdi>{q.sourceTitle}</bdi>
                </a>
              </li>
            ))}
            <li>
              <a href={SOURCES_HREF} onClick={close}>
                {t('ui.allSources')}
              </a>
            </li>
          </ul>
          <div className="ui-actions">
            <button type="button" onClick={close}>
              {t('ui.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  )
}
