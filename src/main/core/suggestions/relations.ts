/**
 * Relations stated within one sentence, from cue words around the entities it names:
 * "X, led by Y" / "its commander, Y" / "Y's X" → Y leads X; "active in / operating in A, B
 * and C" → X operates in each; "predominantly Hazara", "an Uzbek group", "a strong Pashtun
 * base" → X draws support from the community; "allied with", "rival", "a splinter of",
 * "joined", "took up arms against". The cue and both ends are kept to highlight.
 */
import type { RelationType } from '../../../shared/model'
import { LIST_GLUE, OPERATES_IN_CUE, type TokenView } from './names'
import type { Mention } from './mentions'
import type { Sentence } from './text-units'
import { LEADER_NOUNS } from './reference'

export interface FoundRelation {
  type: RelationType
  from: Mention
  to: Mention
  /** The cue words, in the text's offsets. */
  cue: { start: number; end: number }
  /** The pattern, said plainly: "led by", "a community before “group”". */
  pattern: string
}

const LEADER_CUE = new RegExp(`\\b(?:${LEADER_NOUNS.join('|')})s?\\b`, 'gi')
/** Adjectives allowed between "its" and "commander": "its field commander". */
const ROLE_ADJECTIVES = new Set([
  'field',
  'military',
  'top',
  'overall',
  'supreme',
  'senior',
  'current',
  'new',
  'political',
  'spiritual',
])
const SUPPORT_AFTER =
  /^\s*(?:-?\s*(?:based|dominated|led))?\s*(?:group|force|forces|militia|front|movement|organisation|organization|faction|outfit|base|fighters|insurgents|constituency|support|heartland|recruits|militiamen)\b/i
const SUPPORT_BEFORE =
  /\b(?:predominantly|mostly|mainly|largely|overwhelmingly|chiefly|strong|an?|ethnic)\s+$|\b(?:fighters|commanders|members|ranks|recruits)\s+(?:include|includes|are|come from|came from)\s+$/i
const SUPPORT_CUE =
  /\b(?:recruit|recruits|recruiting|recruited|recruitment|drawn|draws|draw|drew|support|backing)\s+(?:\w+\s+){0,2}?(?:from|among|on)\b/gi
const SYMMETRIC_CUES: ReadonlyArray<[RelationType, RegExp, string]> = [
  [
    'allied-with',
    /\b(?:allied|alliance|aligned|cooperat\w*|coordinat\w*|partnered|partnership)\s+with\b|\b(?:ally|allies) of\b|\balongside\b|\bjoined forces with\b/gi,
    'allied with',
  ],
]
const DIRECTED_CUES: ReadonlyArray<[RelationType, RegExp, string]> = [
  [
    'splinter-of',
    /\b(?:splinter|breakaway|offshoot)(?:\s+(?:group|faction|wing))?\s+(?:of|from)\b|\bbroke away from\b|\bsplit (?:off )?from\b/gi,
    'a splinter of',
  ],
  [
    'opposes',
    /\b(?:took up arms|taken up arms|take up arms|taking up arms|fight(?:s|ing)?|fought|war|insurgency|uprising|rebellion|resistance|struggle|campaign)\s+against\b|\bopposition to\b/gi,
    'fighting against',
  ],
]
const FOUGHT =
  /\b(?:has |have |had )?(?:fought|fighting|fights|attacked|ambushed)\s+(?:the\s+)?(?=\S)/gi
/** A post that makes its holder a member, not the leader: "the Taliban governor, X". */
const MEMBER_ROLE =
  /\b(?:governor|spokesman|spokesperson|minister|official|deputy|envoy|representative|negotiator|judge|cleric)\b/gi
const LED_BY =
  /\b(?:led|headed|commanded|founded|run|chaired) by\b|\bunder the (?:leadership|command) of\b/gi
const LEADS_VERB = /\b(?:leads|heads|commands|chairs|founded|co-founded)\b/gi
const JOINED = /\bjoined\b/gi
const MEMBER_OF =
  /\b(?:member|members|fighter|fighters|spokesman|spokesperson|official|militant|militants) (?:of|in|for|with)\b/gi
const PART_OF =
  /\bone of (?:its|their|the \w+'s) (?:\w+ )?(?:units|factions|brigades|battalions|groups|wings|fronts|cells)\b/gi
const ATTACK =
  /\b(?:attacked|ambushed|raided|struck)\s+(?:a |an |the )?$|\b(?:attacks?|raids?|assaults?) on (?:a |an |the )?$/i
const TARGETS =
  /^\s*(?:checkpoints?|posts?|patrols?|convoys?|positions?|forces|bases?|outposts?|units?|fighters|officials|commanders)\b/i

/** The relations one sentence states between the entities it mentions. */
export function sentenceRelations(
  view: TokenView,
  sentence: Sentence,
  mentions: readonly Mention[],
): FoundRelation[] {
  // Every relation joins two entities: a sentence naming fewer states none.
  if (mentions.length < 2) return []
  const text = view.units.text
  const words = text.slice(sentence.start, sentence.end)
  const at = (index: number): number => sentence.start + index
  const found: FoundRelation[] = []
  const add = (
    type: RelationType,
    from: Mention | undefined,
    to: Mention | undefined,
    cueStart: number,
    cueEnd: number,
    pattern: string,
  ): void => {
    if (!from || !to || from.key === to.key) return
    found.push({ type, from, to, cue: { start: cueStart, end: cueEnd }, pattern })
  }

  /** The group the words before `position` are about: the nearest group named before it. */
  const groupBefore = (
    position: number,
    personBlocks = false,
    not?: string,
  ): Mention | undefined => {
    for (let k = mentions.length - 1; k >= 0; k--) {
      const m = mentions[k]!
      if (m.end > position || m.key === not) continue
      if (m.type === 'group') return m
      // "X, led by Y, is active in …": Y stands in an aside about X.
      const aside = /,[^,]*\bby\s*$/.test(text.slice(sentence.start, m.start))
      if (m.type === 'person' && personBlocks && !aside) return undefined
    }
    return undefined
  }
  const firstAfter = (position: number, type: string, maxWords = 8): Mention | undefined => {
    const m = mentions.find((x) => x.start >= position)
    if (!m || m.type !== type) {
      const typed = mentions.find((x) => x.start >= position && x.type === type)
      if (!typed) return undefined
      const between = text.slice(position, typed.start)
      // Another entity in between: the cue is about that one, not this.
      if (mentions.some((x) => x.start >= position && x.start < typed.start)) return undefined
      return between.split(/\s+/).filter(Boolean).length <= maxWords ? typed : undefined
    }
    const between = text.slice(position, m.start)
    return between.split(/\s+/).filter(Boolean).length <= maxWords ? m : undefined
  }
  const nearestBefore = (position: number): Mention | undefined => {
    for (let k = mentions.length - 1; k >= 0; k--)
      if (mentions[k]!.end <= position) return mentions[k]
    return undefined
  }
  /** Entities of a type listed after a cue: "in Panjshir, Andarab and Kapisa". */
  const listAfter = (position: number, type: string): Mention[] => {
    const items: Mention[] = []
    let cursor = position
    for (const m of mentions) {
      if (m.start < position) continue
      const between = text.slice(cursor, m.start)
      const glue = between
        .split(/[\s,]+/)
        .filter(Boolean)
        .every((w) => LIST_GLUE.has(w.toLowerCase()))
      if (!glue || m.type !== type) break
      items.push(m)
      cursor = m.end
    }
    return items
  }

  // "led by Y", "under the command of Y": Y leads the group before.
  for (const cue of words.matchAll(LED_BY)) {
    const start = at(cue.index)
    const end = start + cue[0].length
    add('leads', firstAfter(end, 'person', 6), groupBefore(start), start, end, `"${cue[0]}"`)
  }
  // "its commander, Y", "the NRF's leader Y", "whose founder, Y", "Y, the leader of X".
  for (const cue of words.matchAll(LEADER_CUE)) {
    const start = at(cue.index)
    const end = start + cue[0].length
    const lead = text.slice(Math.max(sentence.start, start - 40), start)
    const adjectives = /((?:\s*\b[a-z-]+\b)*?)\s*$/.exec(lead)?.[1] ?? ''
    const owner = nearestBefore(start)
    const whose = /\bwhose\s+(?:[a-z-]+\s+)*$/i.test(lead)
    const ownerAdjacent =
      owner &&
      (owner.possessive || owner.anaphor?.toLowerCase().startsWith('its') === true) &&
      text
        .slice(owner.end, start)
        .replace(/^'s/, '')
        .split(/\s+/)
        .filter(Boolean)
        .every((w) => ROLE_ADJECTIVES.has(w.toLowerCase()))
    const person = firstAfter(end, 'person', 3)
    if (whose && person) {
      add('leads', person, groupBefore(start), start, end, `"whose ${cue[0]}"`)
    } else if (ownerAdjacent && owner.type === 'group' && person) {
      add('leads', person, owner, start, end, `"${cue[0]}" of the group before`)
    } else if (/^\s+of\s/i.test(text.slice(end, end + 5))) {
      // "Y, the leader of X".
      const group = firstAfter(end, 'group', 3)
      const before = nearestBefore(start)
      if (group && before?.type === 'person' && text.slice(before.end, start).length < 30) {
        add('leads', before, group, start, end, `"${cue[0]} of"`)
      }
    } else if (owner?.type === 'group' && !owner.anaphor && person && adjectives.trim() === '') {
      // "NRF commander Zabihullah Noori".
      if (text.slice(owner.end, start).trim() === '' && text.slice(end, person.start).trim() === '')
        add('leads', person, owner, start, end, `"${cue[0]}" between the names`)
    }
  }
  // "Y leads X".
  for (const cue of words.matchAll(LEADS_VERB)) {
    const start = at(cue.index)
    const end = start + cue[0].length
    const person = nearestBefore(start)
    const group = firstAfter(end, 'group', 2)
    if (person?.type === 'person' && group && !/^(?:it|its|their|they)$/i.test(group.anaphor ?? ''))
      add('leads', person, group, start, end, `"${cue[0]}"`)
  }
  // "Y's X": a person's group ("Massoud's NRF").
  for (let k = 0; k + 1 < mentions.length; k++) {
    const person = mentions[k]!
    const group = mentions[k + 1]!
    if (person.type !== 'person' || !person.possessive || person.anaphor) continue
    if (group.type !== 'group' || group.anaphor) continue
    if (text.slice(person.end, group.start).replace(/^'s/, '').trim() !== '') continue
    add('leads', person, group, person.end, group.start, `"'s" before the group`)
  }
  // "Y, who joined the front": Y is a member.
  for (const cue of words.matchAll(JOINED)) {
    const start = at(cue.index)
    const end = start + cue[0].length
    const person = nearestBefore(start)
    if (person?.type !== 'person') continue
    add('member-of', person, firstAfter(end, 'group', 3), start, end, '"joined"')
  }
  for (const cue of words.matchAll(MEMBER_OF)) {
    const start = at(cue.index)
    const end = start + cue[0].length
    const member = nearestBefore(start)
    if (member?.type !== 'person') continue
    add('member-of', member, firstAfter(end, 'group', 3), start, end, `"${cue[0]}"`)
  }
  // "One of its field units, known as the Shindand Battalion".
  for (const cue of words.matchAll(PART_OF)) {
    const start = at(cue.index)
    const end = start + cue[0].length
    const parent = mentions.find((m) => m.start >= start && m.end <= end && m.type === 'group')
    add('member-of', firstAfter(end, 'group', 6), parent, start, end, '"one of its units"')
  }
  // "operating in A, B and C": one relation per place.
  for (const cue of words.matchAll(OPERATES_IN_CUE)) {
    const start = at(cue.index)
    const end = start + cue[0].length
    const group = groupBefore(start, true)
    for (const place of listAfter(end, 'place'))
      add('operates-in', group, place, start, end, `"${cue[0]}"`)
  }
  // Communities: "a predominantly Hazara group", "an Uzbek force", "a strong Tajik base".
  for (const community of mentions) {
    if (community.type !== 'community') continue
    const before = text.slice(Math.max(sentence.start, community.start - 40), community.start)
    const after = text.slice(community.end, community.end + 30)
    const cueBefore = SUPPORT_BEFORE.exec(before)
    const cueAfter = SUPPORT_AFTER.exec(after)
    if (
      !cueAfter &&
      !(
        cueBefore &&
        /predominantly|mostly|mainly|largely|overwhelmingly|chiefly|include|are|come/i.test(
          cueBefore[0],
        )
      )
    )
      continue
    if (cueBefore && /\ban?\s+$|\bstrong\s+$|\bethnic\s+$/i.test(cueBefore[0]) && !cueAfter)
      continue
    const group = groupBefore(community.start)
    const cueStart = cueBefore ? community.start - cueBefore[0].length : community.start
    const cueEnd = cueAfter ? community.end + cueAfter[0].length : community.end
    add('draws-support-from', group, community, cueStart, cueEnd, 'a community named as the base')
  }
  // "recruits among Hazaras", "drawn from the Uzbek and Turkmen villages".
  for (const cue of words.matchAll(SUPPORT_CUE)) {
    const start = at(cue.index)
    const end = start + cue[0].length
    const group = groupBefore(start)
    for (const community of listAfter(end, 'community'))
      add('draws-support-from', group, community, start, end, `"${cue[0]}"`)
  }
  // "allied with", "alongside": between the group before and the one after.
  for (const [type, pattern, label] of [...SYMMETRIC_CUES, ...DIRECTED_CUES]) {
    for (const cue of words.matchAll(pattern)) {
      const start = at(cue.index)
      const end = start + cue[0].length
      add(type, groupBefore(start), firstAfter(end, 'group', 8), start, end, `"${label}"`)
    }
  }
  // "rival": the sentence's subject and the other group nearest the word.
  for (const cue of words.matchAll(/\brival(?:s|ry|ries)?\b/gi)) {
    const start = at(cue.index)
    const end = start + cue[0].length
    const groups = mentions.filter((m) => m.type === 'group')
    const subject = groups[0]
    if (!subject) continue
    const others = groups.filter((g) => g.key !== subject.key)
    const other = others.sort((a, b) => Math.abs(a.start - start) - Math.abs(b.start - start))[0]
    add('rival-of', subject, other, start, end, '"rival"')
  }
  // "attacked a Taliban checkpoint", "raids on Taliban posts".
  for (const target of mentions) {
    if (target.type !== 'group') continue
    const before = text.slice(Math.max(sentence.start, target.start - 30), target.start)
    const cue = ATTACK.exec(before)
    if (!cue || !TARGETS.test(text.slice(target.end, target.end + 20))) continue
    const start = target.start - cue[0].length
    add(
      'opposes',
      groupBefore(start, false, target.key),
      target,
      start,
      target.start,
      '"attacked" its posts',
    )
  }
  // "has fought the Taliban in Nangarhar", "attacked a Taliban convoy in Kunar": the group
  // fought the other, and where it did so it operates.
  for (const cue of words.matchAll(FOUGHT)) {
    const start = at(cue.index)
    const end = start + cue[0].length
    const attacker = groupBefore(start, true)
    const target = mentions.find((m) => m.start >= end && m.start - end < 12 && m.type === 'group')
    if (!attacker || !target || target.anaphor || target.key === attacker.key) continue
    if (text.slice(end, target.start).trim() === '')
      add('opposes', attacker, target, start, end, `"${cue[0].trim()}"`)
    const where = /^(?:\s+[a-z]+){0,2}?\s+in\s+/.exec(text.slice(target.end, target.end + 30))
    if (!where) continue
    for (const place of listAfter(target.end + where[0].length, 'place'))
      add('operates-in', attacker, place, start, end, `"${cue[0].trim()} … in"`)
  }
  // "The Taliban governor of Nangarhar, Mohammad Naeem Akhund": a post in the group.
  for (const cue of words.matchAll(MEMBER_ROLE)) {
    const start = at(cue.index)
    const end = start + cue[0].length
    const group = nearestBefore(start)
    if (group?.type !== 'group' || text.slice(group.end, start).replace(/^'s/, '').trim() !== '')
      continue
    const person = mentions.find((m) => m.start >= end && m.type === 'person')
    const between = person ? text.slice(end, person.start) : ''
    if (person && /^(?:\s+(?:of|in|for)\s+[^,]{1,40})?,?\s*$/.test(between))
      add('member-of', person, group, start, end, `"${cue[0]}"`)
  }
  return dedupe(found)
}

function dedupe(found: FoundRelation[]): FoundRelation[] {
  const seen = new Set<string>()
  return found.filter((r) => {
    const key = `${r.type}|${r.from.key}|${r.to.key}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
