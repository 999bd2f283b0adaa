import { formatMomentIn } from '../../ui/format'
import { currentLanguage, dateLocale, t } from '../../ui/i18n'
import { credibilityLabel, reliabilityLabel } from '../../ui/model-labels'
import type { CitedQuote } from '../../../../shared/contract'

type Resolved = Extract<CitedQuote, { exact: string }>

/** The Admiralty grade of a quote: source reliability and information credibility, e.g. "B4". */
export function gradeCode(quote: Resolved): string {
  return `${quote.reliability}${quote.credibility}`
}

/** "source usually reliable, information doubtful". */
export function gradeMeaning(quote: Resolved): string {
  const reliability = reliabilityLabel(quote.reliability)?.toLowerCase() ?? t('notes.ungraded')
  const credibility = credibilityLabel(quote.credibility)?.toLowerCase() ?? t('notes.ungraded')
  return t('notes.gradeMeaning', { reliability, credibility })
}

// Notes write English dates the British way ("4 Mar 2024"); other languages take the app's
// language and calendar setting.
const locale = currentLanguage() === 'en' ? 'en-GB' : dateLocale()

const dateFormat = new Intl.DateTimeFormat(locale, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

/** A calendar date (YYYY-MM-DD) for reading: "4 Mar 2024". */
export function formatDay(isoDate: string | undefined): string {
  if (!isoDate) return t('notes.undated')
  const time = Date.parse(`${isoDate}T00:00:00Z`)
  return Number.isNaN(time) ? isoDate : dateFormat.format(time)
}

/** A moment for the notes list: "4 Mar 2024, 14:05". */
export function formatMoment(timestamp: string): string {
  return formatMomentIn(timestamp, locale)
}
