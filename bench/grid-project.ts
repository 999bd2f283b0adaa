/**
 * A project shaped for the grid bench: many groups (the grid under test) with people,
 * places and communities around them, relations with and without evidence, and quotes
 * of every grade in one source. Seeded, so every run measures the same data.
 */
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  GROUP_PHASES,
  GROUP_STATUSES,
  ProjectFile,
  SCHEMA_VERSION,
  type Annotation,
  type Entity,
  type Relation,
  type SourceRecord,
} from '../src/shared/model'
import { Random } from './generate/random'

const STAMP = '2025-06-01T09:00:00.000Z'
const stamps = { createdAt: STAMP, updatedAt: STAMP }

/** Words group names are made of (the palette suite names its records with them too). */
export const WORDS = [
  'National',
  'Freedom',
  'Front',
  'Resistance',
  'Movement',
  'Council',
  'Popular',
  'Islamic',
  'Liberation',
  'Army',
  'Brigade',
  'Union',
  'Uprising',
  'Justice',
  'Mountain',
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'United',
  'Defence',
  'Solidarity',
  'Unit',
  'League',
]
const PLACE_NAMES = [
  'Panjshir',
  'Andarab',
  'Kapisa',
  'Takhar',
  'Kunduz',
  'Badakhshan',
  'Ghazni',
  'Bamiyan',
  'Balkh',
  'Herat',
  'Kandahar',
  'Helmand',
]
const SCRIPT_ALIASES = ['جبهه', 'مقاومت', 'ملی', 'آزادی', 'جنبش']

export interface GridProjectSize {
  groups: number
  /** People, places and communities, each this share of the groups. */
  othersRatio?: number
}

function sentence(n: number): string {
  return `Report ${n}: the front was seen moving supplies through the valley at night, according to local sources. `
}

/** Writes the project folder; returns how many records of each kind it holds. */
export async function writeGridProject(
  folder: string,
  size: GridProjectSize,
): Promise<{ entities: number; relations: number; annotations: number }> {
  const random = new Random(20250601)
  const rand = (): number => random.float()
  const pick = <T>(list: readonly T[]): T => random.pick(list)
  const others = Math.max(10, Math.round(size.groups * (size.othersRatio ?? 0.05)))

  const quoteCount = Math.max(20, Math.round(size.groups / 5))
  const text = Array.from({ length: quoteCount }, (_, i) => sentence(i)).join('')
  const contentHash = createHash('sha256').update(text, 'utf8').digest('hex')
  const source: SourceRecord = {
    id: 'src-bench',
    ...stamps,
    title: 'Synthetic field reports',
    kind: 'report',
    publishedAt: '2025-05-20',
    reliability: 'C',
    contentHash,
    length: text.length,
    origin: { fileName: 'bench.txt', format: 'txt' },
  }

  const entities: Entity[] = []
  const groupIds: string[] = []
  for (let i = 0; i < size.groups; i++) {
    const id = `grp-${i}`
    groupIds.push(id)
    const name = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${i}`
    entities.push({
      id,
      ...stamps,
      type: 'group',
      name,
      aliases: rand() < 0.3 ? [`${pick(SCRIPT_ALIASES)} ${i}`] : [],
      description: '',
      attributes: {
        phase: pick(GROUP_PHASES),
        status: pick(GROUP_STATUSES),
        ...(rand() < 0.5 ? { estimatedStrength: Math.floor(rand() * 5000) } : {}),
        ...(rand() < 0.3
          ? { firstSeen: `20${10 + Math.floor(rand() * 15)}-0${1 + Math.floor(rand() * 9)}-01` }
          : {}),
      },
    })
  }
  const typed = (
    type: 'person' | 'place' | 'community',
    prefix: string,
    names: (i: number) => string,
  ): string[] => {
    const ids: string[] = []
    for (let i = 0; i < others; i++) {
      const id = `${prefix}-${i}`
      ids.push(id)
      entities.push({
        id,
        ...stamps,
        type,
        name: names(i),
        aliases: [],
        description: '',
        attributes: {},
      })
    }
    return ids
  }
  const people = typed('person', 'per', (i) => `Commander ${i}`)
  const places = typed('place', 'plc', (i) => `${pick(PLACE_NAMES)} district ${i}`)
  const communities = typed('community', 'com', (i) => `Community ${i}`)

  const annotations: Annotation[] = []
  let offset = 0
  for (let i = 0; i < quoteCount; i++) {
    const exact = sentence(i).trim()
    const start = text.indexOf(exact, offset)
    offset = start + exact.length
    annotations.push({
      id: `ann-${i}`,
      ...stamps,
      sourceId: source.id,
      target: {
        quote: {
          type: 'TextQuoteSelector',
          exact,
          prefix: text.slice(Math.max(0, start - 32), start),
          suffix: text.slice(offset, offset + 32),
        },
        position: { type: 'TextPositionSelector', start, end: offset },
      },
      comment: '',
      kind: 'claim',
      credibility: 1 + Math.floor(rand() * 6),
      entityIds: [groupIds[Math.floor(rand() * groupIds.length)]!],
      tags: rand() < 0.2 ? ['phase'] : [],
      anchor: { state: 'exact' },
    })
  }

  const relations: Relation[] = []
  const relate = (type: Relation['type'], from: string, to: string): void => {
    const supported = rand() < 0.6
    relations.push({
      id: `rel-${relations.length}`,
      ...stamps,
      type,
      from,
      to,
      evidence: supported ? [annotations[Math.floor(rand() * annotations.length)]!.id] : [],
      confidence: 'medium',
      comment: '',
    })
  }
  for (let i = 0; i < groupIds.length; i++) {
    const group = groupIds[i]!
    if (rand() < 0.4) relate('leads', people[i % people.length]!, group)
    relate('operates-in', group, places[i % places.length]!)
    if (rand() < 0.3) relate('draws-support-from', group, communities[i % communities.length]!)
  }

  const file = ProjectFile.parse({
    schemaVersion: SCHEMA_VERSION,
    project: {
      id: 'bench-grid',
      ...stamps,
      name: `Grid bench (${size.groups} groups)`,
      description: '',
    },
    sources: [source],
    annotations,
    entities,
    relations,
    notes: [],
    reports: [],
    views: {},
  })
  await mkdir(join(folder, 'sources'), { recursive: true })
  await writeFile(join(folder, 'sources', `${contentHash}.txt`), text)
  await writeFile(join(folder, 'project.json'), JSON.stringify(file))
  return { entities: entities.length, relations: relations.length, annotations: annotations.length }
}
