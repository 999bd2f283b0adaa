/**
 * Where known entities are named in a source's text: their names, aliases and acronyms, as
 * whole words, in Latin or Arabic script. Pure, so the matching rules are tested without a DOM.
 */
import type { Entity } from '../../../../shared/model'
import type { Span } from './segments'

/** Mention spans carry ids with this prefix, so they are never taken for annotations. */
export const MENTION_PREFIX = '__entity:'

/** Past this many mentions the rest of a long text is left unmarked (they cost DOM nodes). */
export const MAX_MENTIONS = 4_000

/** Names shorter than this are too ambiguous to mark ("Al", "Zia" as a word is fine at 3). */
const MIN_NAME_LENGTH = 3

export type Mention = Span

export function mentionEntityId(spanId: string): string | null {
  return spanId.startsWith(MENTION_PREFIX) ? spanId.slice(MENTION_PREFIX.length) : null
}

/** An acronym ("NFF", "NRF") is matched with its case; other names ignore case. */
function isAcronym(name: string): boolean {
  return name.length <= 6 && name === name.toUpperCase() && /\p{Lu}/u.test(name)
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Letters, marks and digits: what may not touch a name for it to be a whole word. */
const WORD = '[\\p{L}\\p{M}\\p{N}]'

function namePattern(names: readonly string[], flags: string): RegExp | null {
  if (names.length === 0) return null
  // Longest first, so "National Resistance Front" wins over "National".
  const sorted = [...names].sort((a, b) => b.length - a.length).map(escape)
  return new RegExp(`(?<!${WORD})(?:${sorted.join('|')})(?!${WORD})`, `gu${flags}`)
}

/**
 * The mention spans of a text, in text order, none overlapping (a longer name wins). A name
 * two entities share is left unmarked: the text does not say which one it means.
 */
export function findMentions(text: string, entities: readonly Entity[]): Mention[] {
  const owner = new Map<string, string | null>()
  const addName = (name: string, id: string, caseSensitive: boolean): void => {
    const trimmed = name.trim()
    if (trimmed.length < (caseSensitive ? 2 : MIN_NAME_LENGTH)) return
    const key = caseSensitive ? `=${trimmed}` : `~${trimmed.toLocaleLowerCase()}`
    const current = owner.get(key)
    owner.set(key, current === undefined || current === id ? id : null)
  }
  for (const entity of entities) {
    const acronym = entity.attributes['acronym']
    const names = [
      entity.name,
      ...entity.aliases,
      ...(typeof acronym === 'string' ? [acronym] : []),
    ]
    for (const name of names) addName(name, entity.id, isAcronym(name.trim()))
  }
  const exact: string[] = []
  const folded: string[] = []
  for (const [key, id] of owner) {
    if (id === null) continue
    if (key.startsWith('=')) exact.push(key.slice(1))
    else folded.push(key.slice(1))
  }
  const idOf = (match: string, caseSensitive: boolean): string | null | undefined =>
    owner.get(caseSensitive ? `=${match}` : `~${match.toLocaleLowerCase()}`)

  const found: Span[] = []
  for (const [pattern, caseSensitive] of [
    [namePattern(exact, ''), true],
    [namePattern(folded, 'i'), false],
  ] as const) {
    if (!pattern) continue
    for (const match of text.matchAll(pattern)) {
      const id = idOf(match[0], caseSensitive)
      if (!id) continue
      const start = match.index
      found.push({ id: `${MENTION_PREFIX}${id}`, start, end: start + match[0].length })
      if (found.length >= MAX_MENTIONS * 2) break
    }
  }
  // Longer first at a place, then keep the ones that do not overlap what is kept.
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start))
  const kept: Mention[] = []
  for (const span of found) {
    const last = kept[kept.length - 1]
    if (last && span.start < last.end) continue
    kept.push(span)
    if (kept.length >= MAX_MENTIONS) break
  }
  return kept
}
