/**
 * The event a dated sentence describes, for "Create event" on a date in the text: its kind
 * from the sentence's cue words, its date as found, its participants the groups and people
 * the suggester already found in that sentence.
 */
import type {
  DateMention,
  DateSuggestion,
  SuggestedEntity,
  SuggestedEvent,
  Suggestion,
} from '../../../shared/contract'
import type { EventKind } from '../../../shared/model'

/** First match wins: a claimed attack is a claim before it is an attack. */
const KIND_CUES: ReadonlyArray<readonly [EventKind, RegExp]> = [
  ['claim', /\bclaim(?:s|ed|ing)?\b|\bresponsibility\b/i],
  ['split', /\bsplit(?:s|ting)?\b|\bbroke away\b|\bsplinter(?:ed)?\b|\bdefect(?:ed|ion)\b/i],
  [
    'formation',
    /\bform(?:s|ed|ing|ation)\b|\bfound(?:ed|ing)\b|\bestablish(?:ed|es|ing)?\b|\bsurfaced\b|\bemerged\b|\blaunch(?:ed)?\b/i,
  ],
  [
    'attack',
    /\battack(?:s|ed)?\b|\bambush(?:ed)?\b|\bbomb(?:s|ed|ing)?\b|\bassault(?:ed)?\b|\bkill(?:s|ed|ing)?\b|\braid(?:s|ed)?\b|\bstrike\b/i,
  ],
  ['announcement', /\bannounc(?:e|es|ed|ing|ement)\b|\bdeclar(?:e|es|ed|ation)\b|\bstatement\b/i],
]

const MAX_TITLE = 120

export function guessEventKind(sentence: string): EventKind {
  return KIND_CUES.find(([, cue]) => cue.test(sentence))?.[0] ?? 'other'
}

/** The sentence as a title: one line, cut at a word before it grows too long. */
function titleOf(sentence: string): string {
  const line = sentence.replace(/\s+/g, ' ').trim()
  if (line.length <= MAX_TITLE) return line
  const cut = line.slice(0, MAX_TITLE - 1)
  const atWord = cut.lastIndexOf(' ')
  return `${(atWord > MAX_TITLE / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,;:]+$/, '')}…`
}

function participantKey(entity: SuggestedEntity): string {
  return entity.status === 'existing'
    ? `id|${entity.entityId}`
    : `${entity.type}|${entity.name.toLowerCase()}`
}

/** Groups and people named in the sentence, by the entity and relation suggestions in it. */
function participantsIn(
  sentence: DateMention['sentence'],
  suggestions: readonly Suggestion[],
): SuggestedEntity[] {
  const found = new Map<string, SuggestedEntity>()
  for (const s of suggestions) {
    if (s.sentence.start !== sentence.start || s.sentence.end !== sentence.end) continue
    const named = s.kind === 'entity' ? [s.entity] : [s.relation.from, s.relation.to]
    for (const entity of named) {
      if (entity.type !== 'group' && entity.type !== 'person') continue
      const key = participantKey(entity)
      if (!found.has(key)) found.set(key, entity)
    }
  }
  return [...found.values()]
}

export function eventProposal(
  text: string,
  date: DateMention,
  suggestions: readonly Suggestion[],
): SuggestedEvent {
  const sentence = text.slice(date.sentence.start, date.sentence.end)
  const ongoing = date.bound === 'since'
  return {
    title: titleOf(sentence) || date.text,
    eventKind: guessEventKind(sentence),
    eventDate: date.date,
    datePrecision: date.precision,
    dateText: (date.bound === 'at' ? date.text : `${date.bound} ${date.text}`).slice(0, 200),
    ...(ongoing ? { ongoing } : {}),
    participants: participantsIn(date.sentence, suggestions),
  }
}

/** Each date with the event its sentence would make. */
export function dateSuggestions(
  text: string,
  dates: readonly DateMention[],
  suggestions: readonly Suggestion[],
): DateSuggestion[] {
  return dates.map((date) => ({
    ...date,
    key: `event|${date.start}:${date.end}|${date.date}`,
    event: eventProposal(text, date, suggestions),
  }))
}
