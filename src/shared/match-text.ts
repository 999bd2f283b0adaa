/**
 * Folding text for matching names: case, Latin diacritics and the Arabic-script variants that
 * Dari and Pashto writers use interchangeably, so "Panjshēr" finds "Panjsher" and "كابل" finds
 * "کابل". The folded text keeps a map back to the original, so every match still points at
 * the characters of the source (offsets are always the original's).
 *
 * The one normalizer for matching: search, suggestions, entity and alias matching and the
 * duplicate checks of imports all fold through here. It never touches stored text.
 *
 * On top of the folding, `matchKey` reads a Latin-script word as the spelling of a name
 * transliterated from Dari or Pashto, so "Masood", "Massoud" and "Mas'ud" share one key.
 */

/** Arabic-script letters that stand for one another in names, folded to the Persian form. */
const ARABIC_SCRIPT_VARIANTS: Readonly<Record<string, string>> = {
  // Arabic yeh, alef maksura and yeh with hamza above read as the Persian yeh in Dari names.
  '\u064A': '\u06CC',
  '\u0649': '\u06CC',
  '\u0626': '\u06CC',
  // Arabic kaf is written for the Persian keheh.
  '\u0643': '\u06A9',
  // Alef with madda, hamza above or below, and wasla: plain alef.
  '\u0622': '\u0627',
  '\u0623': '\u0627',
  '\u0625': '\u0627',
  '\u0671': '\u0627',
  // Teh marbuta and heh with yeh above end words the same way as heh.
  '\u0629': '\u0647',
  '\u06C0': '\u0647',
  '\u06D5': '\u0647',
  // Waw with hamza above.
  '\u0624': '\u0648',
  // Pashto and Urdu forms of yeh and heh.
  '\u06D0': '\u06CC',
  '\u06D2': '\u06CC',
  '\u06C1': '\u0647',
  // Arabic-Indic and Persian digits fold to ASCII digits.
  ...Object.fromEntries([...'٠١٢٣٤٥٦٧٨٩'].map((digit, value) => [digit, String(value)] as const)),
  ...Object.fromEntries([...'۰۱۲۳۴۵۶۷۸۹'].map((digit, value) => [digit, String(value)] as const)),
}

/** Dropped: tatweel (a stretching stroke), zero-width joiners and the soft hyphen. */
const DROPPED = /^[\u0640\u200B-\u200D\u2060\uFEFF\u00AD]$/u
const COMBINING_MARK = /\p{M}/gu
const APOSTROPHES = new Set(['\u2018', '\u2019', '\u02BC', '\u02BE', '\u02BF'])

const cache = new Map<string, string>()

/** The folded form of one code point: lower case, no marks, one spelling per letter. */
function foldCodePoint(char: string): string {
  const known = cache.get(char)
  if (known !== undefined) return known
  let folded: string
  if (DROPPED.test(char)) folded = ''
  else {
    // NFKD splits letters from their accents and presentation forms into letters.
    folded = [...char.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase()]
      .map((c) => ARABIC_SCRIPT_VARIANTS[c] ?? c)
      .join('')
      .normalize('NFC')
  }
  // Apostrophe-like marks (and the ayn and hamza of transliterations) are one apostrophe:
  // "Noori’s" reads as "Noori's", "Mas‘ud" as "Mas'ud".
  if (APOSTROPHES.has(folded)) folded = "'"
  cache.set(char, folded)
  return folded
}

/** Text folded for matching, with where each folded character came from. */
export interface FoldedText {
  /** The folded text. */
  text: string
  /**
   * For each index of the folded text (and one past its end), the index in the original
   * text of the character it came from.
   */
  origin: Int32Array
}

/** Folds `text` for matching and keeps the way back to the original offsets. */
export function foldWithOffsets(text: string): FoldedText {
  const parts: string[] = []
  // Folding rarely lengthens text (a few ligatures); grow the map if it does.
  let origin = new Int32Array(text.length + 1)
  let length = 0
  const reserve = (extra: number): void => {
    if (length + extra + 1 <= origin.length) return
    const grown = new Int32Array(Math.max(origin.length * 2, length + extra + 1))
    grown.set(origin)
    origin = grown
  }
  let i = 0
  while (i < text.length) {
    // A run of ASCII folds in one native call and maps one to one.
    let end = i
    while (end < text.length && text.charCodeAt(end) < 0x80) end++
    if (end > i) {
      reserve(end - i)
      parts.push(text.slice(i, end).toLowerCase())
      for (let k = i; k < end; k++) origin[length++] = k
      i = end
      continue
    }
    const code = text.charCodeAt(i)
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1
    const piece = foldCodePoint(text.slice(i, i + width))
    reserve(piece.length)
    for (let k = 0; k < piece.length; k++) origin[length + k] = i
    length += piece.length
    parts.push(piece)
    i += width
  }
  origin[length] = text.length
  return { text: parts.join(''), origin: origin.subarray(0, length + 1) }
}

/** No character above U+007F: folding is lower-casing. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}

/** Folds a name or a query the way `foldWithOffsets` folds a text, without the offsets. */
export function foldForMatching(text: string): string {
  if (isAscii(text)) return text.toLowerCase()
  let out = ''
  for (const char of text) {
    const code = char.charCodeAt(0)
    out += code < 0x80 ? char.toLowerCase() : foldCodePoint(char)
  }
  return out
}

/**
 * The original range of the folded range [start, end): a match in folded text maps back to
 * the characters of the source it came from, marks and dropped characters included.
 */
export function originalRange(
  folded: FoldedText,
  start: number,
  end: number,
): { start: number; end: number } {
  return { start: folded.origin[start]!, end: folded.origin[end]! }
}

/**
 * A word as the matcher reads it: letters and digits, with apostrophes inside ("Mas'ud") but
 * not hyphens, which join words that are also written apart ("Al-Qaeda", "Al Qaeda").
 */
const MATCH_WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu

/**
 * Vowel spellings that stand for one sound in transliterated names, after the general rules:
 * the e/i pairs are only safe in the names known to be written both ways.
 */
const KNOWN_SPELLINGS: Readonly<Record<string, string>> = {
  helmand: 'hilmand',
  herat: 'hirat',
  sherzai: 'shirzai',
  sher: 'shir',
  mer: 'mir',
  sheberghan: 'shibirghan',
  shebirghan: 'shibirghan',
  shiberghan: 'shibirghan',
}

/**
 * The spelling key of a folded Latin word: transliterations of one Dari or Pashto name share
 * it. Apostrophes go (Mas'ud), "o" is "u" (Massoud, Masood, Dostom, Mohammad), "y" is "i"
 * and doubled letters are one (Bamiyan, Bamyan), "q" is "k", and known e/i pairs are one
 * (Helmand, Hilmand). Each rule maps a letter or a pair of letters the same way wherever it
 * stands, so the key of a word being typed is a prefix of the whole word's key ("Maso" for
 * "Massoud"). Other scripts are returned as they are.
 */
export function latinSpellingKey(folded: string): string {
  const known = spellingKeys.get(folded)
  if (known !== undefined) return known
  if (spellingKeys.size >= SPELLING_CACHE_LIMIT) spellingKeys.clear()
  const key = spellingKeyOf(folded)
  spellingKeys.set(folded, key)
  return key
}

/** A corpus has a few tens of thousands of distinct words; the cache stays below that. */
const SPELLING_CACHE_LIMIT = 50_000
const spellingKeys = new Map<string, string>()

function spellingKeyOf(folded: string): string {
  if (!/^[a-z'0-9]+$/.test(folded) || /^[0-9]+$/.test(folded)) return folded
  const key = folded
    .replace(/'s$/, '')
    .replace(/'/g, '')
    .replace(/o/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/y/g, 'i')
    .replace(/q/g, 'k')
    .replace(/([a-z])\1+/g, '$1')
  return KNOWN_SPELLINGS[key] ?? key
}

/** A word of a text: where it is in the original and the key it is matched by. */
export interface MatchWord {
  start: number
  end: number
  key: string
}

/**
 * The words of `text` with their match keys and original offsets, so a match lands on the
 * characters as written (tatweel, harakat and joiners inside the word included).
 */
export function matchWords(text: string): MatchWord[] {
  const folded = foldWithOffsets(text)
  const words: MatchWord[] = []
  for (const m of folded.text.matchAll(MATCH_WORD)) {
    words.push({
      start: folded.origin[m.index]!,
      end: folded.origin[m.index + m[0].length]!,
      key: latinSpellingKey(m[0]),
    })
  }
  return words
}

/** The match keys of a text's words, in order: what a search index stores for it. */
export function matchKeys(text: string): string[] {
  return foldedWords(text).map(latinSpellingKey)
}

/**
 * The folded words of a text as written, before the spelling key: what a word still being
 * typed is a beginning of ("fre" of "freedom", whose key is "fridum").
 */
export function foldedWords(text: string): string[] {
  return foldForMatching(text).match(MATCH_WORD) ?? []
}
