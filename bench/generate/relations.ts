import type { KnownEntityType, Relation, RelationType } from '../../src/shared/model'
import { FIRST_DAY, LAST_DAY, type Clock } from './clock'
import type { Cast } from './entities'
import type { Random } from './random'
import * as W from './words'

/** Relations of events come from the timeline suite's own generator. */
type GeneratedRelationType = Exclude<RelationType, 'participated-in' | 'took-place-in'>

/** Which entity types each relation type joins; symmetric ones are stored once. */
const RELATION_SHAPES: Record<
  GeneratedRelationType,
  { from: KnownEntityType; to: KnownEntityType | 'any'; weight: number; symmetric?: boolean }
> = {
  leads: { from: 'person', to: 'group', weight: 10 },
  'member-of': { from: 'person', to: 'group', weight: 18 },
  'operates-in': { from: 'group', to: 'place', weight: 22 },
  'draws-support-from': { from: 'group', to: 'community', weight: 10 },
  'allied-with': { from: 'group', to: 'group', weight: 8, symmetric: true },
  'rival-of': { from: 'group', to: 'group', weight: 8, symmetric: true },
  'splinter-of': { from: 'group', to: 'group', weight: 4 },
  opposes: { from: 'group', to: 'group', weight: 10 },
  'related-to': { from: 'person', to: 'any', weight: 5 },
}

const RELATION_WEIGHTS = Object.fromEntries(
  Object.entries(RELATION_SHAPES).map(([type, shape]) => [type, shape.weight]),
) as Record<GeneratedRelationType, number>

export function makeRelations(rnd: Random, clock: Clock, cast: Cast, count: number): Relation[] {
  const seen = new Set<string>()
  const out: Relation[] = []
  for (let i = 0; i < count; i++) {
    let type = rnd.weighted(RELATION_WEIGHTS)
    let from = ''
    let to = ''
    for (let attempt = 0; attempt < 50; attempt++) {
      if (attempt % 10 === 9) type = rnd.weighted(RELATION_WEIGHTS)
      const shape = RELATION_SHAPES[type]
      const fromPool = cast.byType[shape.from]
      const toPool = shape.to === 'any' ? cast.all : cast.byType[shape.to]
      from = fromPool[rnd.skewedIndex(fromPool.length, 1.6)]!.entity.id
      to = toPool[rnd.skewedIndex(toPool.length, 1.6)]!.entity.id
      if (from === to) continue
      const key = shape.symmetric && from > to ? `${type}|${to}|${from}` : `${type}|${from}|${to}`
      if (!seen.has(key) || attempt === 49) {
        seen.add(key)
        break
      }
    }
    if (from === to) {
      // Only when every draw failed, as in a project of one group: a link that always exists.
      type = 'operates-in'
      from = cast.byType.group[0]!.entity.id
      to = cast.byType.place[0]!.entity.id
    }
    const stamps = clock.stamps(FIRST_DAY, 1200)
    const validFrom = rnd.chance(0.4) ? clock.day() : undefined
    const validTo =
      validFrom !== undefined && rnd.chance(0.25) ? clock.day(validFrom, LAST_DAY) : undefined
    out.push({
      id: rnd.uuid(),
      createdAt: stamps.createdAt,
      updatedAt: stamps.updatedAt,
      type,
      from,
      to,
      evidence: [],
      confidence: rnd.weighted({ low: 25, medium: 45, high: 30 }),
      ...(validFrom !== undefined ? { validFrom: clock.date(validFrom) } : {}),
      ...(validTo !== undefined ? { validTo: clock.date(validTo) } : {}),
      comment: rnd.chance(0.2) ? rnd.pick(W.ANALYST_COMMENTS) : '',
    })
  }
  return out
}
