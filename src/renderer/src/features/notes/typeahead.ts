/**
 * The editor's type-ahead: `[[` followed by words searches quotes, `@` followed by a name
 * searches entities. Pure functions over the text before the caret, so typing costs a
 * look at the last few dozen characters, whatever the length of the note.
 */

export type TriggerKind = 'quote' | 'entity'

export interface Trigger {
  kind: TriggerKind
  /** What was typed after the trigger. */
  query: string
  /** Offset of the trigger's first character in the body; the choice replaces [start, caret). */
  start: number
}

/** How far before the caret a trigger may start. */
export const TRIGGER_LOOK_BACK = 120
const QUOTE_TRIGGER = /\[\[([^[\]\n]{0,80})$/
// `@` at the start or after a space or an opening bracket, so e-mail addresses do not trigger.
const ENTITY_TRIGGER = /(?:^|[\s([])@([^\s@[\]()][^@[\]()\n]{0,40})?$/

/** The trigger the caret sits in, if any. */
export function findTrigger(body: string, caret: number): Trigger | null {
  const from = Math.max(0, caret - TRIGGER_LOOK_BACK)
  return triggerBefore(body.slice(from, caret), from)
}

/**
 * The trigger at the end of `before`: the body's text from offset `from` (at most
 * TRIGGER_LOOK_BACK before the caret) up to the caret. An editor hands over just that slice.
 */
export function triggerBefore(before: string, from: number): Trigger | null {
  const quote = QUOTE_TRIGGER.exec(before)
  if (quote) return { kind: 'quote', query: quote[1]!, start: from + quote.index }
  const entity = ENTITY_TRIGGER.exec(before)
  if (entity) {
    const query = entity[1] ?? ''
    // Two spaces in a row end a mention search: the writer moved on.
    if (/\s{2}$/.test(query)) return null
    const at = from + entity.index + entity[0].length - query.length - 1
    if (from > 0 && entity.index === 0 && before[0] === '@') return null
    return { kind: 'entity', query, start: at }
  }
  return null
}

/** Entities whose name or an alias contains every word of the query, best first. */
export function matchEntities<T extends { name: string; aliases: readonly string[] }>(
  entities: readonly T[],
  query: string,
  limit = 8,
): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  const scored: { entity: T; score: number }[] = []
  for (const entity of entities) {
    const names = [entity.name, ...entity.aliases].map(fold)
    if (!words.every((word) => names.some((name) => name.includes(word)))) continue
    const first = words[0] ?? ''
    const score = names.some((name) => name.startsWith(first))
      ? 0
      : names.some((name) => name.split(/\s+/).some((part) => part.startsWith(first)))
        ? 1
        : 2
    scored.push({ entity, score })
  }
  return scored
    .sort((a, b) => a.score - b.score || a.entity.name.localeCompare(b.entity.name))
    .slice(0, limit)
    .map((s) => s.entity)
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

/** What a move of the caret does to the open list: nothing, close it, follow the query, or open anew. */
export type TriggerStep<T extends Trigger> =
  | { type: 'stay' }
  | { type: 'close' }
  | { type: 'query'; trigger: T }
  | { type: 'open'; trigger: Trigger }

/**
 * How the open list follows the caret: `found` is the trigger the caret now sits in, and
 * `dismissedAt` the start of one closed with Escape, which stays closed while the caret stays in it.
 * The same trigger with more typed after it keeps its list (and its place) with a new query.
 */
export function followTrigger<T extends Trigger>(
  open: T | null,
  found: Trigger | null,
  dismissedAt: number | null,
): TriggerStep<T> {
  if (!found || found.start === dismissedAt) return open ? { type: 'close' } : { type: 'stay' }
  if (open?.kind === found.kind && open.start === found.start) {
    return open.query === found.query
      ? { type: 'stay' }
      : { type: 'query', trigger: { ...open, query: found.query } }
  }
  return { type: 'open', trigger: found }
}
