import type { Entity, KnownEntityType } from '../../src/shared/model'
import { FIRST_DAY, type Clock } from './clock'
import { articleFor, capitalize } from './prose'
import type { Random } from './random'
import * as W from './words'

export interface CastMember {
  entity: Entity
  type: KnownEntityType
  /** The name in Arabic script, when the entity has one (also one of its aliases). */
  arabic?: string
}

export interface Cast {
  all: CastMember[]
  byType: Record<KnownEntityType, CastMember[]>
  byId: Map<string, CastMember>
}

const TYPE_SHARES: Record<KnownEntityType, number> = {
  group: 0.25,
  person: 0.4,
  place: 0.25,
  community: 0.1,
  // Last, so a project of four entities still has one of each other type.
  event: 0.04,
}

/** How often each kind of event is reported: attacks most. */
export const EVENT_KIND_WEIGHTS = {
  attack: 40,
  claim: 20,
  announcement: 20,
  formation: 8,
  split: 5,
  other: 7,
} as const
/** How much of an event's date the reporting gives. */
export const DATE_PRECISION_WEIGHTS = { day: 60, month: 25, year: 10, approximate: 5 } as const

/** A date known to the month or year, written as the first day of that month or year. */
export function partialDate(
  isoDate: string,
  precision: keyof typeof DATE_PRECISION_WEIGHTS,
): string {
  if (precision === 'day') return isoDate
  return precision === 'month' ? `${isoDate.slice(0, 8)}01` : `${isoDate.slice(0, 4)}-01-01`
}

export function makeEntities(rnd: Random, clock: Clock, count: number): Cast {
  const byType: Record<KnownEntityType, CastMember[]> = {
    group: [],
    person: [],
    place: [],
    community: [],
    event: [],
  }
  const all: CastMember[] = []
  const perType = splitByShares(count, TYPE_SHARES)
  const names = new UniqueNames(rnd)
  // Places first: group names may borrow them.
  for (const type of ['place', 'community', 'person', 'group', 'event'] as const) {
    for (let i = 0; i < perType[type]; i++) {
      const member = makeEntity(rnd, clock, type, i, names, byType)
      byType[type].push(member)
      all.push(member)
    }
  }
  rnd.shuffle(all)
  return { all, byType, byId: new Map(all.map((m) => [m.entity.id, m])) }
}

/** Splits n into parts by share, at least one each when n allows, summing to n exactly. */
function splitByShares<K extends string>(n: number, shares: Record<K, number>): Record<K, number> {
  const keys = Object.keys(shares) as K[]
  const result = {} as Record<K, number>
  let given = 0
  for (const key of keys) {
    result[key] = n >= keys.length ? Math.max(1, Math.floor(n * shares[key])) : 0
    given += result[key]
  }
  // Whatever rounding left over goes to the types in order.
  for (let i = 0; given < n; i++, given++) result[keys[i % keys.length]!]++
  for (let i = keys.length - 1; given > n; i = (i + keys.length - 1) % keys.length) {
    if (result[keys[i]!] > 1) {
      result[keys[i]!]--
      given--
    }
  }
  return result
}

/** Draws names until one is new; past a few tries, accepts a repeat (real data has them too). */
class UniqueNames {
  private readonly used = new Set<string>()

  constructor(private readonly rnd: Random) {}

  draw(make: () => W.Pair, tries = 40): W.Pair {
    let pair = make()
    for (let i = 1; i < tries && this.used.has(pair[0]); i++) pair = make()
    this.used.add(pair[0])
    return pair
  }

  person(): W.Pair {
    return this.draw(() => {
      const given = this.rnd.pick(W.GIVEN_NAMES)
      const family = this.rnd.pick(W.FAMILY_NAMES)
      if (this.rnd.chance(0.4)) {
        const middle = this.rnd.pick(W.GIVEN_NAMES)
        return [`${given[0]} ${middle[0]} ${family[0]}`, `${given[1]} ${middle[1]} ${family[1]}`]
      }
      return [`${given[0]} ${family[0]}`, `${given[1]} ${family[1]}`]
    })
  }

  place(): W.Pair {
    return this.draw(() => placeName(this.rnd))
  }
}

function placeName(rnd: Random): W.Pair {
  const prefix = rnd.pick(W.PLACE_PREFIXES)
  const root = rnd.pick(W.PLACE_ROOTS)
  const suffix = rnd.pick(W.PLACE_SUFFIXES)
  return [`${prefix[0]} ${root[0]}${suffix[0]}`, `${prefix[1]} ${root[1]}${suffix[1]}`]
}

function makeEntity(
  rnd: Random,
  clock: Clock,
  type: KnownEntityType,
  index: number,
  names: UniqueNames,
  made: Record<KnownEntityType, CastMember[]>,
): CastMember {
  const stamps = clock.stamps(FIRST_DAY, 1200)
  const base = { id: rnd.uuid(), createdAt: stamps.createdAt, updatedAt: stamps.updatedAt, type }
  let name: W.Pair
  let attributes: Entity['attributes'] = {}
  let description = ''
  const aliases: string[] = []
  switch (type) {
    case 'group': {
      name = names.draw(() => groupName(rnd, made.place))
      const acronym = initials(name[0])
      if (acronym.length >= 2 && rnd.chance(0.7)) {
        attributes.acronym = acronym
        aliases.push(acronym)
      }
      attributes = {
        ...attributes,
        ...(rnd.chance(0.9)
          ? {
              status: rnd.weighted({
                active: 50,
                dormant: 15,
                defunct: 10,
                claimed: 15,
                unknown: 10,
              }),
            }
          : {}),
        ...(rnd.chance(0.8)
          ? {
              phase: rnd.weighted({
                'political-mobilization': 30,
                'guerrilla-warfare': 45,
                'conventional-warfare': 5,
                unknown: 20,
              }),
            }
          : {}),
        ...(rnd.chance(0.8) ? { ideology: rnd.pick(W.IDEOLOGIES) } : {}),
        ...(rnd.chance(0.6)
          ? { estimatedStrength: Math.round(rnd.logUniform(20, 20_000) / 10) * 10 }
          : {}),
        ...(rnd.chance(0.7) ? { firstSeen: clock.date(clock.day()) } : {}),
      }
      description =
        `${capitalize(articleFor(attributes.ideology ?? 'armed'))} ${attributes.ideology ?? 'armed'} group ${rnd.pick(['first reported', 'known', 'active', 'heard of'])} ${rnd.pick(['in the north', 'in the east', 'along the border', 'in the central highlands', 'in several provinces'])}. ${rnd.chance(0.5) ? rnd.pick(W.ANALYST_COMMENTS) : ''}`.trim()
      break
    }
    case 'person': {
      name = names.person()
      const role = rnd.pick(W.PERSON_ROLES)
      if (rnd.chance(0.85)) attributes.role = role
      if (rnd.chance(0.2))
        attributes.languages = rnd.sample(['Dari', 'Pashto', 'Uzbek', 'English'], rnd.int(1, 3))
      description = rnd.chance(0.7) ? `Named in local reporting as a ${role}.` : ''
      break
    }
    case 'place': {
      if (index < W.COUNTRIES.length && rnd.chance(0.8)) {
        name = names.draw(() => W.COUNTRIES[index]!)
        attributes = { placeKind: 'country' }
      } else {
        name = names.place()
        attributes = {
          placeKind: rnd.weighted({ district: 40, city: 20, province: 15, region: 10, other: 15 }),
          country: rnd.chance(0.85) ? 'Afghanistan' : rnd.pick(W.COUNTRIES)[0],
        }
      }
      description = rnd.chance(0.3)
        ? `${rnd.pick(['A contested', 'A remote', 'A strategic', 'A populous'])} ${attributes.placeKind ?? 'place'}.`
        : ''
      break
    }
    case 'event': {
      const kind = rnd.weighted(EVENT_KIND_WEIGHTS)
      const where = made.place.length > 0 ? rnd.pick(made.place).entity.name : 'the north'
      name = names.draw(() => [
        `${capitalize(kind)} in ${where} (${index + 1})`,
        `رویداد ${index + 1}`,
      ])
      const day = clock.day()
      const precision = rnd.weighted(DATE_PRECISION_WEIGHTS)
      attributes = {
        eventKind: kind,
        eventDate: partialDate(clock.date(day), precision),
        datePrecision: precision,
        ...(rnd.chance(0.1) ? { eventEnd: clock.date(clock.day(day)) } : {}),
      }
      description = rnd.chance(0.5) ? `A reported ${kind} in ${where}.` : ''
      break
    }
    case 'community': {
      const kind =
        index < W.ETHNIC_COMMUNITIES.length
          ? 'ethnic'
          : rnd.weighted({ tribal: 60, religious: 15, ethnic: 10, linguistic: 15 })
      name = names.draw(() => communityName(rnd, kind, index, made.place))
      attributes = { communityKind: kind }
      description = rnd.chance(0.4) ? `A ${kind} community in the region.` : ''
      break
    }
  }
  const withArabic = rnd.chance(0.7)
  if (withArabic) aliases.unshift(name[1])
  return {
    entity: {
      ...base,
      name: name[0],
      aliases,
      description,
      attributes,
    },
    type,
    ...(withArabic ? { arabic: name[1] } : {}),
  }
}

function groupName(rnd: Random, places: readonly CastMember[]): W.Pair {
  const adjective = rnd.pick(W.GROUP_ADJECTIVES)
  const noun = rnd.pick(W.GROUP_NOUNS)
  const form = rnd.pick(W.GROUP_FORMS)
  const roll = rnd.float()
  const place = places.length > 0 ? rnd.pick(places) : undefined
  if (roll < 0.6 || !place?.arabic) {
    return [`${adjective[0]} ${noun[0]} ${form[0]}`, `${form[1]} ${noun[1]} ${adjective[1]}`]
  }
  if (roll < 0.85) {
    return [
      `${noun[0]} ${form[0]} of ${place.entity.name}`,
      `${form[1]} ${noun[1]} ${place.arabic}`,
    ]
  }
  return [
    `${adjective[0]} ${form[0]} of ${place.entity.name}`,
    `${form[1]} ${adjective[1]} ${place.arabic}`,
  ]
}

function communityName(
  rnd: Random,
  kind: string,
  index: number,
  places: readonly CastMember[],
): W.Pair {
  switch (kind) {
    case 'ethnic': {
      const ethnic = W.ETHNIC_COMMUNITIES[index % W.ETHNIC_COMMUNITIES.length]!
      if (index < W.ETHNIC_COMMUNITIES.length) return ethnic
      const place = rnd.pick(places)
      return [`${ethnic[0]} of ${place.entity.name}`, `${ethnic[1]} ${place.arabic ?? ''}`.trim()]
    }
    case 'religious':
      return rnd.pick(W.RELIGIOUS_COMMUNITIES)
    case 'linguistic': {
      const ethnic = rnd.pick(W.ETHNIC_COMMUNITIES)
      return [`${ethnic[0]} speakers`, `${ethnic[1]} زبانان`]
    }
    default: {
      const root = rnd.pick(W.GIVEN_NAMES)
      const suffix = rnd.pick(W.TRIBE_SUFFIXES)
      return [`${root[0]}${suffix[0]}`, `${root[1]}${suffix[1]}`]
    }
  }
}

function initials(name: string): string {
  return name
    .split(' ')
    .filter((word) => /^[A-Z]/.test(word))
    .map((word) => word[0])
    .join('')
}
