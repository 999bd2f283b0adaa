/** Choosing the quotes of a report section: which quotes a search offers, and how they read in a list. */
import type { ReportChoices } from '../../../../shared/contract'

type QuoteChoice = ReportChoices['quotes'][number]

const MAX_QUOTE_MATCHES = 40

/**
 * The quotes a search offers to add: those not chosen yet whose text or source title holds
 * the search (ignoring case and the spaces around it), in the project's order, at most 40.
 */
export function quotesToAdd(
  quotes: readonly QuoteChoice[],
  chosen: ReadonlySet<string>,
  search: string,
): QuoteChoice[] {
  const needle = search.trim().toLowerCase()
  return quotes
    .filter(
      (q) =>
        !chosen.has(q.id) &&
        (needle === '' ||
          q.exact.toLowerCase().includes(needle) ||
          q.sourceTitle.toLowerCase().includes(needle)),
    )
    .slice(0, MAX_QUOTE_MATCHES)
}

/** A quote on one line, cut short with an ellipsis. */
export function shorten(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
