import { credibilityLabel } from '../model-labels'
import type { QuoteEvidence } from '../../../../shared/contract'
import { AddToAnalysisButton } from '../analyses/AddToAnalysis'
import { CiteInNoteButton } from '../notes/CiteInNote'
import { readerHref } from '../../routes/links'
import { t } from '../i18n'

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** One supporting quote: where it comes from, how it is graded, and the words in context. */
export function QuoteCard({ quote }: { quote: QuoteEvidence }) {
  const grade = `${quote.reliability}${quote.credibility}`
  const gradeText = t('ui.sourceReliabilityInformationCredibility', {
    reliability: quote.reliability,
    credibility: quote.credibility,
    value: credibilityLabel(quote.credibility)?.toLowerCase() ?? 'unknown',
  })
  return (
    <article
      className="quote-card"
      aria-label={t('ui.quoteFrom', { sourceTitle: quote.sourceTitle })}
    >
      <p className="quote-meta">
        <cite>
          <bdi>{quote.sourceTitle}</bdi>
        </cite>
        {quote.sourcePublishedAt && <span>{quote.sourcePublishedAt}</span>}
        <abbr
          className={`grade grade-${quote.credibility}`}
          title={gradeText}
          aria-label={t('ui.grade', { grade, gradeText })}
        >
          {grade}
        </abbr>
        <span className="muted">{quote.kind}</span>
        {quote.anchorState !== 'exact' && quote.anchorState !== 'moved' && (
          <span className="badge badge-warn">{quote.anchorState}</span>
        )}
      </p>
      <blockquote dir="auto">
        {quote.prefix && <span className="quote-context">…{quote.prefix}</span>}
        <mark>{quote.exact}</mark>
        {quote.suffix && <span className="quote-context">{quote.suffix}…</span>}
      </blockquote>
      {quote.comment && <p className="quote-comment">{quote.comment}</p>}
      <a className="quote-open" href={readerHref(quote.sourceId, quote.annotationId)}>
        {t('ui.openInTheReader', { shorten: shorten(quote.exact, 48) })}
      </a>
      <CiteInNoteButton annotationId={quote.annotationId} />
      <AddToAnalysisButton annotationId={quote.annotationId} />
    </article>
  )
}
