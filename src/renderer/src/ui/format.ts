/**
 * Numbers, counts and dates as the analyst's language writes them: "1 source", "2,140 quotes",
 * "20 May 2025"; in Dari "۲٬۱۴۰ نقل‌قول" and, with the Solar Hijri calendar chosen, "۳۰ ثور ۱۴۰۴".
 * The caller passes the words (through t); the plural rule, digits and calendar come from Intl.
 * Only what is shown changes: stored values and exports keep ISO dates and ASCII digits.
 */
import { currentLanguage, dateLocale } from './i18n'

const numbers = new Intl.NumberFormat(currentLanguage())
const plurals = new Intl.PluralRules(currentLanguage())

/** "1 source", "0 sources", "12,400 sources". */
export function formatCount(count: number, one: string, other: string): string {
  return `${numbers.format(count)} ${plurals.select(count) === 'one' ? one : other}`
}

const percents = new Intl.NumberFormat(currentLanguage(), {
  style: 'percent',
  maximumFractionDigits: 0,
})

/** A share (0–1) as a whole percentage: "87%", "۸۷٪". */
export function formatPercent(share: number): string {
  return percents.format(share)
}

/** A number with exactly `digits` decimals ("3.2", "۳٫۲"), in the language's digits. */
export function formatDecimal(value: number, digits: number): string {
  return new Intl.NumberFormat(currentLanguage(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value)
}

/** A number with the language's digits and grouping. */
export function formatNumber(value: number): string {
  return numbers.format(value)
}

/**
 * A calendar date ("2025-05-20", or a partial "2025-05" / "2025") in the given locale (a BCP 47
 * tag that may name a calendar: "fa-AF-u-ca-persian"); partial dates keep their precision.
 * Anything else is returned as it is.
 */
export function formatDayIn(iso: string, locale: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso)
  if (!match) return iso
  const [, year, month, day] = match
  const date = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)))
  if (!month) {
    // Through Intl too: another calendar has its own year, Dari its own digits.
    return new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(date)
  }
  if (!day) {
    return new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(date)
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}

/** A calendar date in the analyst's language and calendar. */
export function formatDay(iso: string): string {
  return formatDayIn(iso, dateLocale())
}

/**
 * A moment (an ISO timestamp or epoch milliseconds) with its date and time in the given locale:
 * "20 May 2025, 14:05" (en-GB), "۳۰ ثور ۱۴۰۴، ۱۴:۰۵" (fa-AF, Solar Hijri). Not a time: as it is.
 */
export function formatMomentIn(moment: string | number, locale: string): string {
  const time = typeof moment === 'number' ? moment : Date.parse(moment)
  if (Number.isNaN(time)) return String(moment)
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time)
}

/** A moment in the analyst's language and calendar. */
export function formatMoment(moment: string | number): string {
  return formatMomentIn(moment, dateLocale())
}
