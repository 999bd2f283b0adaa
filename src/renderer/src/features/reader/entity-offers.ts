/**
 * The entities an annotation is likely about, offered as chips before the analyst types:
 * the known entities whose name, alias or acronym the selected passage or its paragraph
 * names. Names match folded (case, Latin accents, Arabic-script letter variants, as
 * suggestions match them); acronyms match only as written in capitals, so "IS" is never "is".
 */
import { foldForMatching, foldWithOffsets } from '../../../../shared/match-text'
import type { Entity } from '../../../../shared/model'

/** Digits 1–9 toggle the chips: no more are offered. */
export const MAX_OFFERS = 9

export interface EntityOffer {
  entity: Entity
  /** The words of the text that named it. */
  named: string
  /** Named inside the selection itself (else only elsewhere in its paragraph). */
  inSelection: boolean
}

/** Small words an acronym leaves out: "Islamic State of Iraq" is ISI, not ISOI. */
const ACRONYM_SKIPS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'al', 'de', 'du', 'la'])

/** An all-capitals token of 2–10 letters: an acronym, matched as written. */
const ACRONYM = /^[A-Z][A-Z0-9-]{1,9}$/

/** The initials of a name of two or more words: "National Freedom Front" → "NFF". */
export function initialsOf(name: string): string | null {
  const words = name.split(/[\s-]+/).filter((w) => w && !ACRONYM_SKIPS.has(w.toLowerCase()))
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return null
  const initials = words.map((w) => w[0]!).join('')
  return /^[A-Z]+$/.test(initials) ? initials : null
}

/** The paragraph around [start, end): from the line break before to the one after. */
export function paragraphAround(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  const before = text.lastIndexOf('\n', Math.max(0, start - 1))
  const after = text.indexOf('\n', end)
  return { start: before + 1, end: after === -1 ? text.length : after }
}

interface Term {
  entity: Entity
  /** Folded words for a name; the exact capitals for an acronym. */
  text: string
  acronym: boolean
}

function termsOf(entity: Entity): Term[] {
  const terms: Term[] = []
  const add = (raw: string): void => {
    const trimmed = raw.trim()
    if (!trimmed) return
    if (ACRONYM.test(trimmed)) terms.push({ entity, text: trimmed, acronym: true })
    else if (trimmed.length >= 3) {
      terms.push({ entity, text: foldForMatching(trimmed), acronym: false })
    }
  }
  add(entity.name)
  for (const alias of entity.aliases) add(alias)
  const acronym = entity.attributes['acronym']
  if (typeof acronym === 'string') add(acronym)
  const initials = initialsOf(entity.name)
  if (initials) add(initials)
  return terms
}

const WORD_CHAR = /[\p{L}\p{N}]/u

/** Whether text[at, at + length) stands alone as words (no letter or digit glued on). */
function standsAlone(text: string, at: number, length: number): boolean {
  const before = at > 0 ? text[at - 1]! : ''
  const after = text[at + length] ?? ''
  return !(before && WORD_CHAR.test(before)) && !(after && WORD_CHAR.test(after))
}

/** Every place `needle` stands alone as words in `haystack`. */
function* occurrences(haystack: string, needle: string): Generator<number> {
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (standsAlone(haystack, at, needle.length)) yield at
  }
}

/**
 * The entities the paragraph around the selection names, those inside the selection first,
 * then in reading order; at most `MAX_OFFERS`, each once.
 */
export function offeredEntities(
  text: string,
  selection: { start: number; end: number },
  entities: readonly Entity[],
): EntityOffer[] {
  const paragraph = paragraphAround(text, selection.start, selection.end)
  const original = text.slice(paragraph.start, paragraph.end)
  const folded = foldWithOffsets(original)
  const found = new Map<string, EntityOffer & { at: number }>()
  for (const entity of entities) {
    for (const term of termsOf(entity)) {
      const haystack = term.acronym ? original : folded.text
      for (const at of occurrences(haystack, term.text)) {
        const range = term.acronym
          ? { start: at, end: at + term.text.length }
          : { start: folded.origin[at]!, end: folded.origin[at + term.text.length]! }
        const start = paragraph.start + range.start
        const end = paragraph.start + range.end
        const inSelection = start >= selection.start && end <= selection.end
        const seen = found.get(entity.id)
        const better =
          !seen ||
          (inSelection && !seen.inSelection) ||
          (inSelection === seen.inSelection && start < seen.at)
        if (better) {
          found.set(entity.id, {
            entity,
            named: original.slice(range.start, range.end),
            inSelection,
            at: start,
          })
        }
      }
    }
  }
  return [...found.values()]
    .sort((a, b) => Number(b.inSelection) - Number(a.inSelection) || a.at - b.at)
    .slice(0, MAX_OFFERS)
    .map(({ at: _at, ...offer }) => offer)
}
