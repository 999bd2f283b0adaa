/**
 * Deterministic material for the sources, anchoring, search and reader suites: prose of
 * a given size, quotes spread over it, and a project folder holding many sources.
 */
import { randomUUID } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { ProjectStore } from '../../src/main/core/project-store'
import { describeRange } from '../../src/shared/anchoring'
import type { Annotation, AnnotationTarget, SourceRecord } from '../../src/shared/model'
import { seededRandom } from '../../src/shared/random'
import { normalizeText } from '../../src/shared/text'

const WORDS = (
  'the a of in and to was said fighters front valley province district commander group ' +
  'attack checkpoint resistance forces local residents officials reported claimed denied ' +
  'Taliban Panjshir Andarab Takhar Badakhshan Kapisa Baghlan Kunduz Kabul Mazar Herat ' +
  'uprising movement council unit soldiers former army networks supply mountains road ' +
  'night morning statement channel verified sources according security operation killed ' +
  'wounded captured weapons ammunition leaders tribal elders support recruitment ' +
  'پنجشیر اندراب مقاومت جبهه طالبان'
).split(' ')

/** Normalized prose of about `length` characters, in paragraphs of a few sentences. */
export function prose(length: number, seed = 1): string {
  const random = seededRandom(seed)
  const parts: string[] = []
  let size = 0
  let sentence = 0
  while (size < length) {
    const words: string[] = []
    const count = 8 + Math.floor(random() * 18)
    for (let i = 0; i < count; i++) words.push(WORDS[Math.floor(random() * WORDS.length)]!)
    const text = `${words.join(' ')}.`
    const piece = text[0]!.toUpperCase() + text.slice(1)
    sentence++
    const separator = sentence % 5 === 0 ? '\n\n' : ' '
    parts.push(piece, separator)
    size += piece.length + separator.length
  }
  return normalizeText(parts.join(''))
}

/** `count` quote targets of 20–200 characters spread evenly over the text. */
export function spreadTargets(text: string, count: number, seed = 2): AnnotationTarget[] {
  const random = seededRandom(seed)
  const targets: AnnotationTarget[] = []
  const step = Math.floor(text.length / count)
  for (let i = 0; i < count; i++) {
    const start = i * step + Math.floor(random() * Math.max(1, step / 2))
    const end = Math.min(text.length, start + 20 + Math.floor(random() * 180))
    if (end > start) targets.push(describeRange(text, start, end))
  }
  return targets
}

function annotationFor(sourceId: string, target: AnnotationTarget, n: number): Annotation {
  const now = new Date().toISOString()
  return {
    id: randomUUID(),
    createdAt: now,
    updatedAt: now,
    sourceId,
    target,
    comment: n % 3 === 0 ? 'Reported by residents; not confirmed by a second source.' : '',
    kind: (['claim', 'fact', 'assessment', 'quote'] as const)[n % 4]!,
    credibility: (n % 6) + 1,
    entityIds: [],
    tags: n % 5 === 0 ? ['attack'] : [],
    anchor: { state: 'exact' },
  }
}

/**
 * A new project in a temp folder with `sources` sources of about `sourceLength`
 * characters each and `annotationsPerSource` annotations on each.
 */
export async function makeLibraryProject(
  parent: string,
  sources: number,
  sourceLength: number,
  annotationsPerSource: number,
): Promise<{ folder: string; sourceIds: string[] }> {
  const folder = await mkdtemp(join(parent, 'library-'))
  const now = new Date().toISOString()
  const store = await ProjectStore.create(
    folder,
    { id: 'bench', name: 'Bench library', description: '', createdAt: now, updatedAt: now },
    { writeDelayMs: 10_000 },
  )
  const records: SourceRecord[] = []
  const annotations: Annotation[] = []
  for (let i = 0; i < sources; i++) {
    const text = prose(sourceLength, 1_000 + i)
    const { contentHash, length } = await store.writeSourceText(text)
    const id = `src-${i}`
    records.push({
      id,
      createdAt: now,
      updatedAt: now,
      title: `Field report ${i}: ${text.slice(0, 40)}`,
      kind: 'report',
      reliability: 'C',
      contentHash,
      length,
      origin: { fileName: `report-${i}.txt`, format: 'txt' },
    })
    spreadTargets(text, annotationsPerSource, 5_000 + i).forEach((target, n) =>
      annotations.push(annotationFor(id, target, n)),
    )
  }
  store.mutate((data) => {
    data.sources.push(...records)
    data.annotations.push(...annotations)
  })
  await store.close()
  return { folder, sourceIds: records.map((r) => r.id) }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}
