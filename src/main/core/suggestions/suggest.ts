/**
 * The suggester: what a text names and states, as suggestions an analyst accepts in one click.
 * Pure and synchronous; the service runs it in a worker thread (worker.ts) so a long text
 * never holds up the main process.
 */
import type { DateMention, Highlight, SuggestedEntity, Suggestion } from '../../../shared/contract'
import { foldForMatching } from '../../../shared/match-text'
import { buildCatalog, type DocEntity, type KnownEntity } from './catalog'
import { findDates } from './dates'
import { Discourse, namedMentions, type Mention } from './mentions'
import { NameFinder, TokenView } from './names'
import { sentenceRelations, type FoundRelation } from './relations'
import { textUnits, type Sentence } from './text-units'

export interface SuggestInput {
  text: string
  entities: readonly KnownEntity[]
  /** Who leads or belongs to which group in the project, so "his men" finds the group. */
  affiliations: ReadonlyArray<{ personId: string; groupId: string }>
  /** The source's publication date (YYYY-MM-DD): places dates given without a year. */
  publishedAt?: string
}

export interface SuggestOutput {
  /** Every suggestion in text order, accepted or dismissed ones included. */
  suggestions: Suggestion[]
  dates: DateMention[]
}

/** A short stable hash (FNV-1a, 2 × 32 bits) for suggestion keys. */
function hash(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

/** An entity as the key sees it: type and folded name, the same before and after it exists. */
function entityKeyPart(entity: DocEntity): string {
  return `${entity.type}:${foldForMatching(entity.name)}`
}

function suggestedEntity(entity: DocEntity): SuggestedEntity {
  if (entity.status === 'existing') {
    return { status: 'existing', entityId: entity.entityId!, type: entity.type, name: entity.name }
  }
  const attributes = Object.keys(entity.attributes).length > 0 ? entity.attributes : undefined
  return {
    status: 'new',
    type: entity.type,
    name: entity.name,
    aliases: [...entity.aliases].slice(0, 100),
    ...(attributes ? { attributes } : {}),
    ...(entity.gazetteer ? { gazetteer: entity.gazetteer } : {}),
  }
}

export function suggest(input: SuggestInput): SuggestOutput {
  const { text } = input
  const units = textUnits(text)
  const view = new TokenView(units)
  const { entities, trie } = buildCatalog(input.entities)
  new NameFinder(units, entities, trie).run()

  const affiliation = new Map<string, string>()
  for (const a of input.affiliations) affiliation.set(`e:${a.personId}`, `e:${a.groupId}`)
  const discourse = new Discourse(view, entities, (person) => affiliation.get(person))
  const reference = input.publishedAt ? new Date(`${input.publishedAt}T12:00:00Z`) : undefined
  const dates = findDates(text, units.sentences, reference)
  const sinceBySentence = new Map<number, DateMention>()
  for (const date of dates) {
    if (date.bound === 'since' && !sinceBySentence.has(date.sentence.start))
      sinceBySentence.set(date.sentence.start, date)
  }

  const namedBySentence = units.sentences.map((sentence) =>
    namedMentions(view, sentence, trie, entities, units.words),
  )
  nameGazetteerPlacesAsWritten(text, namedBySentence.flat(), entities)

  const suggestions: Suggestion[] = []
  const firstSeen = new Map<string, { sentence: Sentence; mention: Mention }>()
  for (const sentence of units.sentences) {
    const named = namedBySentence[sentence.index]!
    const mentions = discourse.read(sentence, named)
    const relations = sentenceRelations(view, sentence, mentions)
    for (const r of relations) {
      // What the text says of a person's group reaches "his men" later on.
      if ((r.type === 'leads' || r.type === 'member-of') && r.from.type === 'person')
        if (!affiliation.has(r.from.key)) affiliation.set(r.from.key, r.to.key)
    }
    discourse.remember(sentence, mentions)
    // The sentence folded for the suggestion's key, only where a suggestion is made.
    let folded: string | undefined
    const sentenceWords = (): string =>
      (folded ??= foldForMatching(text.slice(sentence.start, sentence.end)))
    const since = sinceBySentence.get(sentence.start)
    for (const relation of relations) {
      suggestions.push(relationSuggestion(relation, sentence, sentenceWords(), entities, since))
    }
    const inRelations = new Set(relations.flatMap((r) => [r.from.key, r.to.key]))
    for (const mention of named) {
      const entity = entities.get(mention.key)!
      if (entity.status === 'new') {
        if (!firstSeen.has(entity.key)) firstSeen.set(entity.key, { sentence, mention })
        continue
      }
      if (inRelations.has(entity.key)) continue
      suggestions.push(
        entitySuggestion(entity, sentence, sentenceWords(), [mention], 'named in the project'),
      )
      inRelations.add(entity.key)
    }
  }
  // Each new name once, where the text first names it.
  for (const [key, { sentence, mention }] of firstSeen) {
    const entity = entities.get(key)!
    const words = foldForMatching(text.slice(sentence.start, sentence.end))
    suggestions.push(entitySuggestion(entity, sentence, words, [mention], entity.found))
  }
  suggestions.sort(
    (a, b) =>
      a.sentence.start - b.sentence.start ||
      (a.kind === b.kind ? 0 : a.kind === 'relation' ? -1 : 1),
  )
  return { suggestions: dedupeKeys(suggestions), dates }
}

/**
 * A new place from the gazetteer takes the spelling the text uses ("Herat", not Natural
 * Earth's "Hirat"); the gazetteer's spelling stays an alias.
 */
function nameGazetteerPlacesAsWritten(
  text: string,
  mentions: readonly Mention[],
  entities: ReadonlyMap<string, DocEntity>,
): void {
  const renamed = new Set<string>()
  for (const mention of mentions) {
    const entity = entities.get(mention.key)!
    if (entity.status !== 'new' || !entity.gazetteer || renamed.has(entity.key)) continue
    const written = text.slice(mention.start, mention.end)
    if (!/^\p{Lu}/u.test(written)) continue
    renamed.add(entity.key)
    if (written === entity.name) continue
    entity.aliases.add(entity.name)
    entity.aliases.delete(written)
    entity.name = written
  }
}

function highlightsOf(mentions: readonly Mention[], extra: Highlight[] = []): Highlight[] {
  return [
    ...mentions.map((m) => ({ start: m.start, end: m.end, role: 'entity' as const })),
    ...extra,
  ].sort((a, b) => a.start - b.start)
}

function entitySuggestion(
  entity: DocEntity,
  sentence: Sentence,
  sentenceWords: string,
  mentions: Mention[],
  reason: string,
): Suggestion {
  return {
    kind: 'entity',
    key: `e${hash(`entity|${entityKeyPart(entity)}|${sentenceWords}`)}`,
    sentence: { start: sentence.start, end: sentence.end },
    paragraph: sentence.paragraph,
    highlights: highlightsOf(mentions),
    reason,
    entity: suggestedEntity(entity),
  }
}

function relationSuggestion(
  relation: FoundRelation,
  sentence: Sentence,
  sentenceWords: string,
  entities: ReadonlyMap<string, DocEntity>,
  since: DateMention | undefined,
): Suggestion {
  const from = entities.get(relation.from.key)!
  const to = entities.get(relation.to.key)!
  const readAs = [relation.from, relation.to]
    .filter((m) => m.anaphor)
    .map((m) => `“${m.anaphor}” read as ${entities.get(m.key)!.name}`)
  const extra: Highlight[] = [{ ...relation.cue, role: 'cue' }]
  if (since) extra.push({ start: since.start, end: since.end, role: 'date' })
  return {
    kind: 'relation',
    key: `r${hash(`relation|${relation.type}|${entityKeyPart(from)}|${entityKeyPart(to)}|${sentenceWords}`)}`,
    sentence: { start: sentence.start, end: sentence.end },
    paragraph: sentence.paragraph,
    highlights: highlightsOf([relation.from, relation.to], extra),
    reason: [relation.pattern, ...readAs].join('; '),
    relation: {
      type: relation.type,
      from: suggestedEntity(from),
      to: suggestedEntity(to),
      ...(since ? { validFrom: since.date } : {}),
    },
  }
}

/** A sentence repeated word for word yields one suggestion, where it first appears. */
function dedupeKeys(suggestions: Suggestion[]): Suggestion[] {
  const seen = new Set<string>()
  return suggestions.filter((s) => {
    if (seen.has(s.key)) return false
    seen.add(s.key)
    return true
  })
}
