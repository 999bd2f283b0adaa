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

const MAY_HOLD_A_DATE =
  /\b(?:1[89]\d\d|20\d\d|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i

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
    const words = text.slice(sentence.start, sentence.end)
    if (!MAY_HOLD_A_DATE.test(words)) continue
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
        start: sentence.start + index,
        end: sentence.start + result.index + result.text.length,
        text: result.text.slice(leading.length),
        date,
        precision,
        bound: SINCE.test(lead) ? 'since' : UNTIL.test(lead) ? 'until' : 'at',
        sentence: { start: sentence.start, end: sentence.end },
      })
    }
  }
  return found
}
