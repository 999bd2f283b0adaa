/**
 * Numbers, counts and dates as the analyst's locale writes them: "1 source", "2,140 quotes",
 * "20 May 2025". English words for now; the plural rule and the digits come from Intl, so a
 * translation (issue #23) only adds the words.
 */
const numbers = new Intl.NumberFormat()
const plurals = new Intl.PluralRules()

/** "1 source", "0 sources", "12,400 sources". */
export function formatCount(count: number, one: string, other: string): string {
  return `${numbers.format(count)} ${plurals.select(count) === 'one' ? one : other}`
}

const days = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })

/**
 * A calendar date ("2025-05-20", or a partial "2025-05" / "2025") as the locale writes it;
 * partial dates keep their precision. Anything else is returned as it is.
 */
export function formatDay(iso: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso)
  if (!match) return iso
  const [, year, month, day] = match
  if (!month) return year!
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)))
  if (!day) {
    return new Intl.DateTimeFormat(undefined, {
      year: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(date)
  }
  return days.format(date)
}
