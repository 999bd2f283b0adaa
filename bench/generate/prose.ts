/** Sentences for generated sources and notes, from the word lists in words.ts. */
import type { Relation, RelationType } from '../../src/shared/model'
import type { Cast, CastMember } from './entities'
import type { Random } from './random'
import * as W from './words'

export type Lang = 'latin' | 'arabic'

export function fillerSentence(rnd: Random, lang: Lang): string {
  if (lang === 'arabic') {
    const words: string[] = []
    for (let n = rnd.int(6, 16); n > 0; n--) words.push(rnd.pick(W.ARABIC_WORDS))
    return `${words.join(' ')}${rnd.chance(0.1) ? '؟' : '.'}`
  }
  switch (rnd.int(0, 4)) {
    case 0:
      return `${rnd.pick(W.TIME_PHRASES)}, ${rnd.pick(W.SUBJECTS)} ${rnd.pick(W.VERBS)} ${rnd.pick(W.OBJECTS)} ${rnd.pick(W.PLACE_PHRASES)}${rnd.pick(W.TAILS)}.`
    case 1:
      return `${capitalize(rnd.pick(W.SUBJECTS))} ${rnd.pick(W.VERBS)} ${rnd.pick(W.OBJECTS)}${rnd.pick(W.TAILS)}.`
    case 2:
      return `${capitalize(rnd.pick(W.OBJECTS))} ${rnd.pick(W.PLACE_PHRASES)} ${rnd.pick(['continued', 'worsened', 'eased', 'drew little attention'])} ${lowerFirst(rnd.pick(W.TIME_PHRASES))}.`
    case 3:
      return `There were reports of ${rnd.pick(W.OBJECTS)} ${rnd.pick(W.PLACE_PHRASES)}${rnd.pick(W.TAILS)}.`
    default:
      return `${capitalize(rnd.pick(W.SUBJECTS))} said ${rnd.pick(W.OBJECTS)} had ${rnd.pick(['become more frequent', 'been exaggerated', 'not been seen before', 'stopped for now'])} ${rnd.pick(W.PLACE_PHRASES)}.`
  }
}

export function mentionSentence(rnd: Random, member: CastMember, lang: Lang): string {
  if (lang === 'arabic' && member.arabic) {
    return `${rnd.pick(W.ARABIC_MENTION_FRAMES).replace('{name}', member.arabic)}.`
  }
  const name = member.entity.name
  switch (member.type) {
    case 'group':
      return rnd.pick([
        () =>
          `${name} claimed responsibility for ${rnd.pick(W.ATTACKS)} ${rnd.pick(W.PLACE_PHRASES)}.`,
        () => `A spokesman for ${name} said the group ${rnd.pick(W.STATEMENTS)}.`,
        () => `Fighters loyal to ${name} were seen ${rnd.pick(W.ACTIVITIES)}.`,
        () => `${name} has issued statements ${rnd.pick(W.FREQUENCIES)}${rnd.pick(W.TAILS)}.`,
      ])()
    case 'person':
      return rnd.pick([
        () =>
          `${name}, a ${rnd.pick(W.PERSON_ROLES)}, said the movement ${rnd.pick(W.STATEMENTS)}.`,
        () =>
          `${name} has not appeared in public since ${rnd.pick(W.MONTHS)} ${rnd.int(2021, 2025)}.`,
        () =>
          `Several accounts describe ${name} as a ${rnd.pick(W.PERSON_ROLES)} with ties across the region.`,
      ])()
    case 'place':
      return rnd.pick([
        () =>
          `Fighting was reported in ${name} ${lowerFirst(rnd.pick(W.TIME_PHRASES))}${rnd.pick(W.TAILS)}.`,
        () => `Residents of ${name} ${rnd.pick(W.VERBS)} ${rnd.pick(W.OBJECTS)}.`,
        () => `The road to ${name} was closed for several days.`,
      ])()
    default:
      return rnd.pick([
        () => `Members of the ${name} community ${rnd.pick(W.VERBS)} ${rnd.pick(W.OBJECTS)}.`,
        () => `Elders of the ${name} community met to discuss ${rnd.pick(W.OBJECTS)}.`,
      ])()
  }
}

export function relationSentence(rnd: Random, cast: Cast, relation: Relation): string {
  const from = cast.byId.get(relation.from)!.entity.name
  const to = cast.byId.get(relation.to)!.entity.name
  const when = lowerFirst(rnd.pick(W.TIME_PHRASES))
  const tail = rnd.pick(W.TAILS)
  const templates: Partial<Record<RelationType, (() => string)[]>> = {
    leads: [
      () => `${from} leads ${to}, according to ${rnd.pick(W.SUBJECTS)}.`,
      () =>
        `${to} is led by ${from}, who ${rnd.pick(['returned from exile', 'rose through the ranks', 'took over after a split'])} ${when}.`,
      () =>
        `${from}, the head of ${to}, ${rnd.pick(['rarely speaks to the press', 'met envoys abroad', 'denied the reports'])}${tail}.`,
    ],
    'member-of': [
      () => `${from} is a senior member of ${to}.`,
      () => `${from} joined ${to} ${when}${tail}.`,
    ],
    'operates-in': [
      () => `${from} is active in ${to}${tail}.`,
      () => `Fighters of ${from} operate in and around ${to}.`,
      () => `${from} carried out ${rnd.pick(W.ATTACKS)} in ${to} ${when}.`,
    ],
    'draws-support-from': [
      () => `${from} recruits mainly among the ${to} community.`,
      () => `Much of the support for ${from} comes from the ${to}${tail}.`,
    ],
    'allied-with': [
      () => `${from} and ${to} announced a joint operation ${when}.`,
      () => `${from} is allied with ${to}${tail}.`,
    ],
    'rival-of': [
      () =>
        `${from} and ${to} have clashed over ${rnd.pick(['control of the passes', 'smuggling routes', 'recruits', 'taxes at checkpoints'])}.`,
      () =>
        `${from} accuses ${to} of ${rnd.pick(['betraying the resistance', 'collaborating with the authorities', 'stealing its weapons'])}.`,
    ],
    'splinter-of': [
      () => `${from} broke away from ${to} in ${rnd.int(2021, 2025)}.`,
      () => `${from} was formed by commanders who left ${to}.`,
    ],
    opposes: [
      () => `${from} has vowed to fight ${to}.`,
      () => `${from} says it will not stop until ${to} is defeated.`,
    ],
    'related-to': [
      () => `${from} is linked to ${to}, though the nature of the tie is unclear.`,
      () => `Reports connect ${from} with ${to}${tail}.`,
    ],
  }
  return rnd.pick(templates[relation.type] ?? templates['related-to']!)()
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

export function articleFor(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a'
}

export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'source'
  )
}
