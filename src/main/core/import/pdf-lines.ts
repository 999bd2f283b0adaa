/**
 * A PDF line's text in the order it is read, from glyphs in the order they are drawn.
 *
 * Chromium (and most printers) draw Arabic-script text as shaped glyphs, left to right on the
 * page: the letters come out as presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF), one glyph a
 * text item, in visual order. pdf.js turns the items it can (several letters of one direction)
 * back into logical order, but not a line made of single glyphs. So the line is rebuilt in
 * visual order from the items' positions, then put into logical order the way the Unicode
 * bidirectional algorithm lays it out, undone: in a right-to-left line every run is read from
 * right to left except Latin words and numbers, which keep their own order; in a left-to-right
 * line only the runs of Arabic script are turned around, numbers inside them kept whole.
 * Presentation forms are folded to the letters they show at the end (NFKC on those ranges
 * only, so nothing else of the text changes).
 *
 * pdf.js drops format characters, the zero-width non-joiner among them ("می‌گذرد", "گزارش‌ها").
 * Where the glyphs are shaped forms, the shape tells: a letter that joins on both sides,
 * drawn in its isolated or final form right before another letter of the same word, was
 * followed by a non-joiner. A printer that writes a letter's joining (initial, medial) forms
 * as presentation forms writes its other forms as the plain letter, so on a page where a
 * letter shows joining forms, the plain letter before another letter is a non-joining form
 * too. Where the page never shows a letter's joining forms the non-joiner cannot be known
 * and stays lost; matching ignores it either way (shared/match-text.ts).
 */

/** What the line builder needs of a pdf.js text item. */
export interface PlacedText {
  str: string
  /** pdf.js's reading of the item's direction; an 'rtl' item is already in logical order. */
  dir: string
  /** Left edge, width and baseline in page units. */
  x: number
  width: number
  height: number
}

type CharClass = 'R' | 'L' | 'D' | 'N'

const RIGHT_TO_LEFT = /[\u0590-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/
const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/
const LETTER = /[\p{L}\p{M}]/u
/** Separators that stay inside a number: 12.5, 1,000, 12:30, 3/4. */
const NUMBER_SEPARATOR = /[.,:/\u066B\u066C]/
const MIRRORED: Readonly<Record<string, string>> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
}

function classify(char: string): CharClass {
  if (RIGHT_TO_LEFT.test(char)) return 'R'
  if (DIGIT.test(char)) return 'D'
  if (LETTER.test(char)) return 'L'
  return 'N'
}

/** True when the line reads right to left: more Arabic-script letters than Latin ones. */
export function isRightToLeft(text: string): boolean {
  let rtl = 0
  let ltr = 0
  for (const char of text) {
    const kind = classify(char)
    if (kind === 'R') rtl++
    else if (kind === 'L') ltr++
  }
  return rtl > ltr
}

/**
 * The length of the left-to-right run at `from` inside right-to-left text: Latin words with
 * the spaces and numbers between them, or a number with its separators.
 */
function keptRunLength(
  chars: readonly string[],
  kinds: readonly CharClass[],
  from: number,
): number {
  let end = from + 1
  let hasLetter = kinds[from] === 'L'
  for (let i = from + 1; i < chars.length; i++) {
    const kind = kinds[i]!
    if (kind === 'R') break
    if (kind === 'L' || kind === 'D') {
      hasLetter ||= kind === 'L'
      end = i + 1
      continue
    }
    // A neutral joins the run only on the way to more of it: between words once a word has
    // started it, between digits only as a number's separator.
    if (!hasLetter && !(NUMBER_SEPARATOR.test(chars[i]!) && kinds[i + 1] === 'D')) break
  }
  return end - from
}

/** Right-to-left text turned around, its left-to-right runs kept whole. */
function reverseRightToLeft(chars: readonly string[], kinds: readonly CharClass[]): string {
  const tokens: string[] = []
  for (let i = 0; i < chars.length;) {
    if (kinds[i] === 'L' || kinds[i] === 'D') {
      const length = keptRunLength(chars, kinds, i)
      tokens.push(chars.slice(i, i + length).join(''))
      i += length
    } else {
      tokens.push(MIRRORED[chars[i]!] ?? chars[i]!)
      i++
    }
  }
  return tokens.reverse().join('')
}

/**
 * A line in visual order (left to right on the page) put into logical order. Applying it
 * twice gives the line back, so it also turns logical right-to-left text into visual order.
 */
export function visualToLogical(visual: string): string {
  const chars = [...visual]
  const kinds = chars.map(classify)
  if (!kinds.includes('R')) return visual
  if (isRightToLeft(visual)) return reverseRightToLeft(chars, kinds)
  // A left-to-right line: each stretch between Latin letters that holds Arabic script is a
  // right-to-left run, less the spaces and punctuation at its edges.
  let out = ''
  let i = 0
  while (i < chars.length) {
    if (kinds[i] === 'L') {
      out += chars[i]
      i++
      continue
    }
    let end = i
    while (end < chars.length && kinds[end] !== 'L') end++
    let first = i
    let last = end
    while (first < last && kinds[first] === 'N') first++
    while (last > first && kinds[last - 1] === 'N') last--
    const stretch = chars.slice(first, last)
    const stretchKinds = kinds.slice(first, last)
    out += chars.slice(i, first).join('')
    out += stretchKinds.includes('R') ? reverseRightToLeft(stretch, stretchKinds) : stretch.join('')
    out += chars.slice(last, end).join('')
    i = end
  }
  return out
}

const PRESENTATION_FORM = /[\uFB50-\uFDFF\uFE70-\uFEFF]+/g
const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE-\u06FF\uFB50-\uFDFF\uFE80-\uFEFC]/

interface JoiningForms {
  /** Isolated and final forms of letters that join on both sides. */
  notJoiningNext: Set<string>
  /** Initial and medial forms, to the letter they are a form of. */
  joining: Map<string, string>
}

/**
 * The forms of the letters that join on both sides: in both presentation blocks such a
 * letter has four forms in a row (isolated, final, initial, medial), all folding to it.
 */
const FORMS: JoiningForms = (() => {
  const forms: JoiningForms = { notJoiningNext: new Set(), joining: new Map() }
  for (const [from, to] of [
    [0xfb50, 0xfbff],
    [0xfe80, 0xfefc],
  ] as const) {
    let start: number = from
    while (start <= to) {
      const letter = String.fromCodePoint(start).normalize('NFKC')
      let end = start + 1
      while (end <= to && String.fromCodePoint(end).normalize('NFKC') === letter) end++
      if (end - start === 4 && letter.length === 1 && ARABIC_LETTER.test(letter)) {
        forms.notJoiningNext.add(String.fromCodePoint(start))
        forms.notJoiningNext.add(String.fromCodePoint(start + 1))
        forms.joining.set(String.fromCodePoint(start + 2), letter)
        forms.joining.set(String.fromCodePoint(start + 3), letter)
      }
      start = end
    }
  }
  return forms
})()

/** The letters a page draws in joining forms: written plain, they are non-joining forms. */
export function lettersDrawnJoined(text: string): Set<string> {
  const letters = new Set<string>()
  for (const char of text) {
    const letter = FORMS.joining.get(char)
    if (letter) letters.add(letter)
  }
  return letters
}

/**
 * Arabic presentation forms (shaped glyphs and ligatures) as the letters they stand for,
 * with the non-joiners their shapes show (text in logical order; `drawnJoined` from
 * `lettersDrawnJoined` over the page).
 */
export function foldPresentationForms(text: string, drawnJoined: ReadonlySet<string>): string {
  if (!/[\uFB50-\uFDFF\uFE70-\uFEFF]/.test(text) && drawnJoined.size === 0) return text
  let marked = ''
  const chars = [...text]
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!
    marked += char
    const notJoiningNext = FORMS.notJoiningNext.has(char) || drawnJoined.has(char)
    if (notJoiningNext && ARABIC_LETTER.test(chars[i + 1] ?? '')) marked += '\u200C'
  }
  return marked.replace(PRESENTATION_FORM, (forms) => forms.normalize('NFKC'))
}

/**
 * The items of one line as read: placed left to right, a space where the printer left a gap
 * and drew none, then put into logical order; presentation forms are still there (fold them
 * with `foldPresentationForms` once the page is known).
 */
export function lineText(items: readonly PlacedText[]): string {
  const placed = items.filter((item) => item.str !== '').sort((a, b) => a.x - b.x)
  let visual = ''
  let rightEdge: number | undefined
  for (const item of placed) {
    // pdf.js hands right-to-left runs over in logical order: back to the order on the page.
    const drawn =
      item.dir === 'rtl' && [...item.str].length > 1 ? visualToLogical(item.str) : item.str
    const gap = rightEdge === undefined ? 0 : item.x - rightEdge
    if (gap > Math.max(1, item.height * 0.15) && !/\s$/.test(visual) && !/^\s/.test(drawn)) {
      visual += ' '
    }
    visual += drawn
    rightEdge = Math.max(rightEdge ?? -Infinity, item.x + item.width)
  }
  return visualToLogical(visual)
}
