/**
 * What the Suggestions panel derives from a list of suggestions: the summary line, each
 * suggestion in words, the sentence cut into highlighted parts, the paragraphs, and the
 * item an accept sends. Pure, so each rule is tested without a DOM.
 */
import {
  RELATION_PHRASES,
  type AcceptItem,
  type DateSuggestion,
  type Highlight,
  type SourceSuggestions,
  type Suggestion,
} from '../../../../shared/contract'
import type { Annotation, Credibility } from '../../../../shared/model'
import { t } from '../../ui/i18n'
import { relationPhrase } from '../../ui/model-labels'

/** "cannot be judged": what a quote from a suggestion is graded until the analyst grades it. */
export const DEFAULT_CREDIBILITY: Credibility = 6
const DEFAULT_KIND: Annotation['kind'] = 'claim'

/** The order types are summed up in, each with its counted message ("5 groups", "۵ گروه"). */
const TYPE_COUNTS: Record<string, string> = {
  group: 'reader.newGroups',
  person: 'reader.newPeople',
  place: 'reader.newPlaces',
  community: 'reader.newCommunities',
  event: 'reader.newEvents',
}

function counted(count: number, type: string): string {
  // A project's own type has no message of its own: its name goes into a general one.
  return t(TYPE_COUNTS[type] ?? 'reader.newOfType', { count, type })
}

/** "12 suggestions: 5 groups, 3 people, 4 places" — new names by type, then links and relations. */
export function summaryLine(list: Pick<SourceSuggestions, 'suggestions' | 'summary'>): string {
  const total = list.suggestions.length
  if (total === 0) return t('reader.noSuggestions')
  const { newEntities, mentions, relations } = list.summary
  const parts = [
    ...Object.entries(newEntities)
      .filter(([, n]) => n > 0)
      .sort(([a], [b]) => typeOrder(a) - typeOrder(b))
      .map(([type, n]) => counted(n, type)),
    relations > 0 ? t('reader.relationCount', { count: relations }) : '',
    mentions > 0 ? t('reader.mentionsOfKnownEntities', { count: mentions }) : '',
  ].filter(Boolean)
  return t('reader.suggestionsSummary', { count: total, parts: parts.join(t('ui.listSeparator')) })
}

function typeOrder(type: string): number {
  const known = Object.keys(TYPE_COUNTS).indexOf(type)
  return known === -1 ? Object.keys(TYPE_COUNTS).length : known
}

/** One line saying what accepting would create or link. */
export function suggestionLabel(suggestion: Suggestion): string {
  if (suggestion.kind === 'entity') {
    const e = suggestion.entity
    return e.status === 'new'
      ? t('reader.new3', { type: e.type, name: e.name })
      : t('reader.mentionOf', { name: e.name })
  }
  const { from, to, type, validFrom } = suggestion.relation
  const since = validFrom ? ` (since ${validFrom})` : ''
  return `${from.name} ${relationPhrase(type, RELATION_PHRASES[type])} ${to.name}${since}`
}

export interface SentencePart {
  text: string
  role: Highlight['role'] | null
}

/** The sentence cut at its highlights, which may arrive unordered or overlapping. */
export function sentenceParts(
  text: string,
  sentence: { start: number; end: number },
  highlights: readonly Highlight[],
): SentencePart[] {
  const parts: SentencePart[] = []
  let at = sentence.start
  const sorted = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end)
  for (const h of sorted) {
    const start = Math.max(h.start, at)
    const end = Math.min(h.end, sentence.end)
    if (end <= start) continue
    if (start > at) parts.push({ text: text.slice(at, start), role: null })
    parts.push({ text: text.slice(start, end), role: h.role })
    at = end
  }
  if (at < sentence.end) parts.push({ text: text.slice(at, sentence.end), role: null })
  return parts
}

export interface Paragraph {
  index: number
  suggestions: Suggestion[]
}

/** Suggestions grouped by paragraph, in text order. */
export function byParagraph(suggestions: readonly Suggestion[]): Paragraph[] {
  const groups = new Map<number, Suggestion[]>()
  for (const s of suggestions) {
    const list = groups.get(s.paragraph)
    if (list) list.push(s)
    else groups.set(s.paragraph, [s])
  }
  return [...groups]
    .sort(([a], [b]) => a - b)
    .map(([index, list]) => ({ index, suggestions: list }))
}

/** What the analyst may change before accepting: the grade, the kind, the proposal itself. */
export interface AcceptChoices {
  credibility: Credibility
  kind: Annotation['kind']
  proposal: Pick<AcceptItem, 'entity' | 'relation' | 'event'>
}

export function defaultChoices(suggestion: Suggestion, credibility: Credibility): AcceptChoices {
  return {
    credibility,
    kind: DEFAULT_KIND,
    proposal:
      suggestion.kind === 'entity'
        ? { entity: suggestion.entity }
        : { relation: suggestion.relation },
  }
}

/** "Create event" on a date: the event its sentence makes, quoted as the analyst grades it. */
export function eventChoices(date: DateSuggestion, credibility: Credibility): AcceptChoices {
  return { credibility, kind: DEFAULT_KIND, proposal: { event: date.event } }
}

/** The accept item for a suggestion (or a date): its sentence as the quote, with the analyst's choices. */
export function acceptItem(
  suggestion: Pick<Suggestion | DateSuggestion, 'key' | 'sentence'>,
  text: string,
  choices: AcceptChoices,
): AcceptItem {
  const { start, end } = suggestion.sentence
  return {
    key: suggestion.key,
    quote: { start, end, exact: text.slice(start, end) },
    credibility: choices.credibility,
    kind: choices.kind,
    ...choices.proposal,
  }
}
