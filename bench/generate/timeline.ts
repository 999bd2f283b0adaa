/**
 * A project for the timeline suite: a generated project (quotes, groups, places) whose first
 * groups become the lanes, given many dated events (participants and places as relations,
 * about two thirds backed by a quote) and dated relation spans between the lane groups.
 * The base project's own relation dates are dropped, so the spans on the lanes are exactly
 * the ones asked for.
 */
import { findIntegrityProblems } from '../../src/main/core/integrity'
import { ProjectFile, type Entity, type Relation } from '../../src/shared/model'
import { Clock, DAY_MS } from './clock'
import { DATE_PRECISION_WEIGHTS, EVENT_KIND_WEIGHTS, partialDate } from './entities'
import { generateProject, type GeneratedProject } from './generate'
import { Random } from './random'

export interface TimelineCounts {
  /** Groups that carry the events and spans: the lanes the suite shows. */
  lanes: number
  events: number
  spans: number
}

/** Events and spans run over three decades, so the chart zooms from decades to days. */
const FIRST = Date.UTC(1995, 0, 1)
const LAST = Date.UTC(2025, 5, 30)

const SPAN_TYPES = { 'allied-with': 3, 'rival-of': 2, opposes: 2, 'splinter-of': 1 } as const

export interface TimelineProject extends GeneratedProject {
  /** The lane groups' ids, in order. */
  laneIds: string[]
}

export function generateTimelineProject(counts: TimelineCounts, seed = 17): TimelineProject {
  const base = generateProject({
    sources: 40,
    annotations: 1_500,
    entities: Math.max(400, counts.lanes * 5),
    relations: 400,
    notes: 0,
    seed,
    validate: false,
  })
  const file = base.file
  const groups = file.entities.filter((e) => e.type === 'group')
  if (groups.length < counts.lanes) {
    throw new Error(
      `the base project has ${groups.length} groups, fewer than ${counts.lanes} lanes`,
    )
  }
  const lanes = groups.slice(0, counts.lanes)
  const places = file.entities.filter((e) => e.type === 'place')
  const annotations = file.annotations
  const rnd = new Random(seed + 1)
  const clock = new Clock(rnd)
  const stamp = clock.iso(LAST)

  for (const relation of file.relations) {
    delete relation.validFrom
    delete relation.validTo
  }

  const events: Entity[] = []
  const relations: Relation[] = []
  const relation = (
    fields: Omit<Relation, 'id' | 'createdAt' | 'updatedAt' | 'confidence' | 'comment'>,
  ): void => {
    relations.push({
      id: `rel-tl-${relations.length + 1}`,
      createdAt: stamp,
      updatedAt: stamp,
      confidence: rnd.weighted({ low: 1, medium: 2, high: 1 }),
      comment: '',
      ...fields,
    })
  }

  for (let i = 0; i < counts.events; i++) {
    const kind = rnd.weighted(EVENT_KIND_WEIGHTS)
    const precision = rnd.weighted(DATE_PRECISION_WEIGHTS)
    const day = clock.day(FIRST, LAST)
    const date = clock.date(day)
    const eventDate = partialDate(date, precision)
    const period = rnd.chance(0.08)
    const event: Entity = {
      id: `evt-tl-${i + 1}`,
      createdAt: stamp,
      updatedAt: stamp,
      type: 'event',
      name: `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${i + 1}`,
      aliases: [],
      description: '',
      attributes: {
        eventKind: kind,
        eventDate,
        datePrecision: precision,
        ...(period
          ? { eventEnd: clock.date(clock.day(day, Math.min(LAST, day + 400 * DAY_MS))) }
          : {}),
      },
    }
    events.push(event)
    // Most quoted groups take part in most events, as in real reporting.
    const first = lanes[rnd.skewedIndex(lanes.length, 1.5)]!
    const participants = new Set([first])
    if (rnd.chance(0.15)) participants.add(rnd.pick(lanes))
    for (const group of participants) {
      relation({ type: 'participated-in', from: group.id, to: event.id, evidence: [] })
    }
    if (places.length > 0 && rnd.chance(0.3)) {
      relation({ type: 'took-place-in', from: event.id, to: rnd.pick(places).id, evidence: [] })
    }
    if (rnd.chance(0.65)) {
      const quote = rnd.pick(annotations)
      if (quote.entityIds.length < 500) quote.entityIds.push(event.id)
    }
  }

  for (let i = 0; i < counts.spans; i++) {
    const from = rnd.pick(lanes)
    let to = rnd.pick(lanes)
    while (to === from) to = rnd.pick(lanes)
    const start = clock.day(FIRST, LAST - 30 * DAY_MS)
    const ends = rnd.chance(0.7)
    relation({
      type: rnd.weighted(SPAN_TYPES),
      from: from.id,
      to: to.id,
      evidence: rnd.chance(0.6) ? [rnd.pick(annotations).id] : [],
      validFrom: clock.date(start),
      ...(ends
        ? { validTo: clock.date(clock.day(start, Math.min(LAST, start + 5 * 365 * DAY_MS))) }
        : {}),
    })
  }

  const parsed = ProjectFile.safeParse({
    ...file,
    entities: [...file.entities, ...events],
    relations: [...file.relations, ...relations],
  })
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`the timeline project does not match the schema: ${lines.join('; ')}`)
  }
  const problems = findIntegrityProblems(parsed.data, 5)
  if (problems.length > 0)
    throw new Error(`the timeline project is inconsistent: ${problems.join('; ')}`)
  return { file: parsed.data, texts: base.texts, laneIds: lanes.map((l) => l.id) }
}
