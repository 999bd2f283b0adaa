/**
 * Dates and periods a text names, through chrono-node ("June 14, 2025", "2 August 2024",
 * "August 2021"), taught one more pattern: a bare year after a word that makes it a date
 * ("since 2022", "in late 2022", "before 2021"), which chrono leaves alone and analysts'
 * texts use most.
 */
import * as chrono from 'chrono-node'
import type { DateMention } from '../../../shared/contract'
import type { Sentence } from './text-units'

/**
 * A year a preposition or "early/mid/late" makes a date of, not "2000 fighters". The word is
 * part of the match: chrono drops results that are a bare number.
 */
const BARE_YEAR =
  /\b(?:in|since|from|until|till|before|after|by|during|early|mid|late|and|to|or|through)[\s-]+((?:19|20)\d{2})\b(?![%,.]\d)/i

let parser: chrono.Chrono | undefined

function dateParser(): chrono.Chrono {
  if (parser) return parser
  const custom = chrono.en.casual.clone()
  custom.parsers.push({
    pattern: () => BARE_YEAR,
    extract: (_context, match) => ({ year: Number(match[1]) }),
  })
  parser = custom
  return custom
}

const DATE_WORD =
  /\b(?:1[89]\d\d|20\d\d|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/gi

const SINCE = /\b(?:since|from|starting in|beginning in)\s+$/i
const UNTIL = /\b(?:until|till|through|up to)\s+$/i
/** Where the words before the year came into the match: "since 2022", "in late 2022". */
const LEADING_WORDS =
  /^(?:in|on|since|from|until|till|before|after|by|during|and|to|or|through)\s+/i

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/**
 * Dates in the sentences. `reference` (the source's publication date, when known) places
 * dates without a year ("in May"); without it they are left out rather than guessed.
 */
export function findDates(
  text: string,
  sentences: readonly Sentence[],
  reference: Date | undefined,
): DateMention[] {
  const found: DateMention[] = []
  for (const sentence of sentences) {
    for (const [from, to] of dateWindows(text, sentence)) {
      found.push(...parseWindow(text, sentence, from, to, reference))
    }
  }
  return found
}

/**
 * Stretches of a sentence around a year or a month name: chrono reads only those, which
 * costs a fraction of reading every sentence whole.
 */
function dateWindows(text: string, sentence: Sentence): Array<[number, number]> {
  const words = text.slice(sentence.start, sentence.end)
  const windows: Array<[number, number]> = []
  for (const m of words.matchAll(DATE_WORD)) {
    const from = Math.max(0, m.index - 40)
    const to = Math.min(words.length, m.index + m[0].length + 30)
    const last = windows.at(-1)
    if (last && from <= last[1]) last[1] = to
    else windows.push([from, to])
  }
  // A window starts and ends on a word boundary.
  return windows.map(([from, to]) => {
    const start = from === 0 ? 0 : (/\s/.exec(words.slice(from))?.index ?? 0) + from + 1
    const endGap = words.slice(0, to).search(/\s\S*$/)
    const end = to === words.length || endGap === -1 ? to : endGap
    return [sentence.start + Math.min(start, end), sentence.start + Math.max(start, end)]
  })
}

function parseWindow(
  text: string,
  sentence: Sentence,
  from: number,
  to: number,
  reference: Date | undefined,
): DateMention[] {
  const found: DateMention[] = []
  const words = text.slice(from, to)
  for (const result of dateParser().parse(words, reference ?? new Date(0), {
    forwardDate: false,
  })) {
    const start = result.start
    const year = start.get('year')
    const month = start.get('month')
    const day = start.get('day')
    if (year === null || month === null || day === null) continue
    if (!start.isCertain('year') && !reference) continue
    const precision = start.isCertain('day') ? 'day' : start.isCertain('month') ? 'month' : 'year'
    const date =
      precision === 'day'
        ? `${year}-${pad(month)}-${pad(day)}`
        : precision === 'month'
          ? `${year}-${pad(month)}-01`
          : `${year}-01-01`
    const leading = LEADING_WORDS.exec(result.text)?.[0] ?? ''
    const lead = words.slice(Math.max(0, result.index - 24), result.index) + leading
    const index = result.index + leading.length
    found.push({
      start: from + index,
      end: from + result.index + result.text.length,
      text: result.text.slice(leading.length),
      date,
      precision,
      bound: SINCE.test(lead) ? 'since' : UNTIL.test(lead) ? 'until' : 'at',
      sentence: { start: sentence.start, end: sentence.end },
    })
  }
  return found
}
