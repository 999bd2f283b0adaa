import type { CitedQuote } from '../../../../shared/contract'

const RELIABILITY: Record<string, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
}

const CREDIBILITY: Record<number, string> = {
  1: 'confirmed',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
}

type Resolved = Extract<CitedQuote, { exact: string }>

/** The Admiralty grade of a quote: source reliability and information credibility, e.g. "B4". */
export function gradeCode(quote: Resolved): string {
  return `${quote.reliability}${quote.credibility}`
}

/** "source usually reliable, information doubtful". */
export function gradeMeaning(quote: Resolved): string {
  return `source ${RELIABILITY[quote.reliability] ?? 'ungraded'}, information ${CREDIBILITY[quote.credibility] ?? 'ungraded'}`
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

/** A calendar date (YYYY-MM-DD) for reading: "4 Mar 2024". */
export function formatDay(isoDate: string | undefined): string {
  if (!isoDate) return 'undated'
  const time = Date.parse(`${isoDate}T00:00:00Z`)
  return Number.isNaN(time) ? isoDate : dateFormat.format(time)
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' })

/** A moment for the notes list: "4 Mar 2024, 14:05". */
export function formatMoment(timestamp: string): string {
  const time = Date.parse(timestamp)
  return Number.isNaN(time) ? timestamp : timeFormat.format(time)
}
