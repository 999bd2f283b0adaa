/**
 * Paragraphs, sentences and words of a normalized text, each with its offsets in that text.
 * Sentences are split by rule rather than by Intl.Segmenter: ICU's sentence iterator took
 * minutes on a 2 MB text here and splits after "Mr.", which these rules do not.
 */
import { foldWithOffsets } from '../../../shared/match-text'

export interface Token {
  start: number
  end: number
  /** As written, without a possessive "'s". */
  text: string
  /** Folded for matching (shared/match-text.ts). */
  folded: string
  /** Starts with a capital letter (Latin, Greek or Cyrillic). */
  capitalized: boolean
  /** Written entirely in capitals, two letters or more ("NRF"). */
  allCaps: boolean
  /** Written in Arabic script. */
  arabic: boolean
  /** Followed by "'s": "Noori's men". */
  possessive: boolean
}

export interface Sentence {
  index: number
  paragraph: number
  start: number
  end: number
  /** Index of its first token in the text's token list, and one past its last. */
  firstToken: number
  endToken: number
}

export interface TextUnits {
  text: string
  tokens: Token[]
  /** Each token's folded form, in order: what the name trie matches against. */
  words: string[]
  sentences: Sentence[]
  paragraphCount: number
}

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/
const UPPER = /^\p{Lu}/u
const ALL_CAPS = /^[\p{Lu}\p{N}-]+$/u
const LETTER = /\p{L}/u

/** A period after these is not the end of a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'maj',
  'st',
  'no',
  'jr',
  'sr',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'u.s',
  'u.n',
  'prof',
  'eng',
  'approx',
])

const SENTENCE_END = /[.!?\u061F\u2026]+["'\u201D\u2019)\]]*\s+/g

/** Sentence boundaries inside one paragraph [start, end). */
function splitSentences(text: string, start: number, end: number): Array<[number, number]> {
  const paragraph = text.slice(start, end)
  const out: Array<[number, number]> = []
  let from = 0
  SENTENCE_END.lastIndex = 0
  for (let m = SENTENCE_END.exec(paragraph); m; m = SENTENCE_END.exec(paragraph)) {
    const next = paragraph[m.index + m[0].length]
    if (next === undefined) break
    // A lower-case word after the stop continues the sentence ("e.g. the front").
    if (LETTER.test(next) && next !== next.toUpperCase()) continue
    const before = /([\p{L}.]+)$/u.exec(paragraph.slice(Math.max(0, m.index - 12), m.index))?.[1]
    if (before && paragraph[m.index] === '.') {
      const word = before.toLowerCase().replace(/\.$/, '')
      // An abbreviation or an initial ("A. Rahimi") does not end a sentence.
      if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before)) continue
    }
    const stop = m.index + m[0].trimEnd().length
    out.push([start + from, start + stop])
    from = m.index + m[0].length
  }
  if (from < paragraph.length) out.push([start + from, end])
  return out.filter(([s, e]) => e > s)
}

/** Skips to the next word; with WORD_AT, reads words without a match object per word. */
const TO_WORD = /[^\p{L}\p{N}]*/uy
const WORD_AT = /[\p{L}\p{N}]+(?:['\-\u2010\u2011][\p{L}\p{N}]+)*/uy

/** Splits a normalized text into paragraphs (lines), sentences and word tokens. */
export function textUnits(text: string): TextUnits {
  const folded = foldWithOffsets(text)
  const foldedText = folded.text
  const tokens: Token[] = []
  const words: string[] = []
  // Two sticky tests per word instead of a match array (with its input, index and an
  // iterator result) per word: a 2 MB text has some 270,000 words.
  let at = 0
  while (at < foldedText.length) {
    TO_WORD.lastIndex = at
    TO_WORD.test(foldedText)
    const foldedStart = TO_WORD.lastIndex
    WORD_AT.lastIndex = foldedStart
    if (!WORD_AT.test(foldedText)) break
    let foldedEnd = WORD_AT.lastIndex
    at = foldedEnd
    const start = folded.origin[foldedStart]!
    let possessive = false
    if (
      foldedEnd - foldedStart > 2 &&
      foldedText.charCodeAt(foldedEnd - 1) === 115 &&
      foldedText.charCodeAt(foldedEnd - 2) === 39
    ) {
      possessive = true
      foldedEnd -= 2
    }
    const end = folded.origin[foldedEnd]!
    const written = text.slice(start, end)
    // A word folded from nothing in the original (cannot happen today) is skipped.
    if (written.length === 0) continue
    const first = written.charCodeAt(0)
    // Most words are ASCII: the script and case tests run only where they can matter.
    const arabic = first >= 0x600 && ARABIC_SCRIPT.test(written)
    const capitalized = first < 0x80 ? first >= 65 && first <= 90 : !arabic && UPPER.test(written)
    const foldedWord = foldedText.slice(foldedStart, foldedEnd)
    words.push(foldedWord)
    tokens.push({
      start,
      end,
      text: written,
      folded: foldedWord,
      capitalized,
      allCaps: capitalized && written.length >= 2 && ALL_CAPS.test(written),
      arabic,
      possessive,
    })
  }

  const sentences: Sentence[] = []
  let paragraph = 0
  let tokenIndex = 0
  let lineStart = 0
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    if (lineEnd > lineStart) {
      for (const [start, end] of splitSentences(text, lineStart, lineEnd)) {
        while (tokenIndex < tokens.length && tokens[tokenIndex]!.start < start) tokenIndex++
        const firstToken = tokenIndex
        while (tokenIndex < tokens.length && tokens[tokenIndex]!.end <= end) tokenIndex++
        sentences.push({
          index: sentences.length,
          paragraph,
          start,
          end,
          firstToken,
          endToken: tokenIndex,
        })
      }
      paragraph++
    }
    lineStart = lineEnd + 1
  }
  return { text, tokens, words, sentences, paragraphCount: paragraph }
}
