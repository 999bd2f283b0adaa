import { createHash } from 'node:crypto'
import { describeRange } from '../../src/shared/anchoring'
import {
  ANNOTATION_KINDS,
  type Annotation,
  type KnownEntityType,
  type Relation,
  type SourceRecord,
} from '../../src/shared/model'
import { normalizeText } from '../../src/shared/text'
import { DAY_MS, LAST_DAY, type Clock } from './clock'
import type { Cast, CastMember } from './entities'
import type { ProjectCounts } from './presets'
import { fillerSentence, mentionSentence, relationSentence, slugify, type Lang } from './prose'
import type { Random } from './random'
import * as W from './words'

/** A sentence placed in a source, and what an annotation on it would be about. */
interface Sentence {
  text: string
  entityIds: string[]
  /** Set on sentences planned to carry an annotation. */
  annotate?: { relation?: Relation }
}

type SourceStyle = 'latin' | 'mixed' | 'dari' | 'pashto'

interface SourcePlan {
  index: number
  /** Size in UTF-8 bytes the text aims at; Arabic script takes two bytes a letter. */
  targetBytes: number
  style: SourceStyle
  relations: Relation[]
  mentions: number
}

export function makeSources(
  rnd: Random,
  clock: Clock,
  cast: Cast,
  relations: Relation[],
  counts: ProjectCounts,
): { sources: SourceRecord[]; annotations: Annotation[]; texts: Map<string, string> } {
  const plans: SourcePlan[] = Array.from({ length: counts.sources }, (_, index) => ({
    index,
    // Sizes in characters: 1 to 20 KB, most of them short.
    targetBytes: rnd.logUniform(1_000, 19_000),
    style: rnd.weighted<SourceStyle>({ latin: 80, mixed: 15, dari: 3, pashto: 2 }),
    relations: [],
    mentions: 0,
  }))
  // Annotations per source in proportion to its length (largest remainders).
  const slots: number[] = []
  apportion(
    counts.annotations,
    plans.map((p) => p.targetBytes * (0.5 + rnd.float())),
  ).forEach((n, source) => {
    for (let i = 0; i < n; i++) slots.push(source)
  })
  rnd.shuffle(slots)
  // Most relations get one to three quotes as evidence, the rest none. Where quotes are
  // scarce, as many relations as possible get one before any gets a second.
  const evidence: Relation[] = []
  const evidenceCap = Math.floor(slots.length * 0.6)
  const supported = rnd.shuffle(relations.filter(() => rnd.chance(0.94)))
  for (const relation of supported.slice(0, evidenceCap)) evidence.push(relation)
  for (const relation of supported) {
    const extra = (rnd.chance(0.4) ? 1 : 0) + (rnd.chance(0.15) ? 1 : 0)
    for (let i = 0; i < extra && evidence.length < evidenceCap; i++) evidence.push(relation)
  }
  rnd.shuffle(evidence)
  slots.forEach((source, i) => {
    const plan = plans[source]!
    const relation = evidence[i]
    if (relation) plan.relations.push(relation)
    else plan.mentions++
  })

  const sources: SourceRecord[] = []
  const annotations: Annotation[] = []
  const texts = new Map<string, string>()
  for (const plan of plans) {
    const built = buildSource(rnd, clock, cast, plan)
    sources.push(built.source)
    texts.set(built.source.contentHash, built.text)
    annotations.push(...built.annotations)
  }
  return { sources, annotations, texts }
}

/** Splits `total` in proportion to `weights`, summing to `total` exactly. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (sum === 0 || weights.length === 0) return weights.map(() => 0)
  const exact = weights.map((w) => (total * w) / sum)
  const parts = exact.map(Math.floor)
  let left = total - parts.reduce((a, b) => a + b, 0)
  const byRemainder = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break
    parts[i]!++
  }
  return parts
}

function buildSource(
  rnd: Random,
  clock: Clock,
  cast: Cast,
  plan: SourcePlan,
): { source: SourceRecord; text: string; annotations: Annotation[] } {
  const { style } = plan
  const arabicShare = style === 'latin' ? 0 : style === 'mixed' ? 0.25 : 0.85
  const kind = rnd.weighted({ article: 45, report: 20, transcript: 10, post: 20, other: 5 })

  // The entities this source talks about: its relations' ends and a few others.
  const members = new Map<string, CastMember>()
  for (const relation of plan.relations) {
    members.set(relation.from, cast.byId.get(relation.from)!)
    members.set(relation.to, cast.byId.get(relation.to)!)
  }
  for (let n = rnd.int(2, 6); n > 0 && cast.all.length > 0; n--) {
    const member = cast.all[rnd.skewedIndex(cast.all.length, 1.5)]!
    members.set(member.entity.id, member)
  }
  const castHere = [...members.values()]

  const planned: Record<Lang, Sentence[]> = { latin: [], arabic: [] }
  for (const relation of plan.relations) {
    planned.latin.push({
      text: relationSentence(rnd, cast, relation),
      entityIds: [relation.from, relation.to],
      annotate: { relation },
    })
  }
  for (let i = 0; i < plan.mentions; i++) {
    const member = castHere.length > 0 ? rnd.pick(castHere) : undefined
    const lang: Lang = arabicShare > 0 && member?.arabic && rnd.chance(0.5) ? 'arabic' : 'latin'
    planned[lang].push(
      member
        ? { text: mentionSentence(rnd, member, lang), entityIds: [member.entity.id], annotate: {} }
        : { text: fillerSentence(rnd, lang), entityIds: [], annotate: {} },
    )
  }
  rnd.shuffle(planned.latin)
  rnd.shuffle(planned.arabic)

  const speakers = castHere.filter((m) => m.type === 'person').map((m) => m.entity.name)
  const paragraphs: string[] = []
  const placed: { start: number; end: number; sentence: Sentence }[] = []
  let length = 0
  // Offsets count UTF-16 units; the size aimed at counts bytes, as a file on disk would.
  let bytes = 0
  const averageSentenceBytes = 120 * (1 + 0.8 * arabicShare)
  const add = (paragraph: string): void => {
    length = pushParagraph(paragraphs, length, paragraph)
    bytes += Buffer.byteLength(paragraph) + 2
  }
  while (bytes < plan.targetBytes || planned.latin.length > 0 || planned.arabic.length > 0) {
    let lang: Lang = rnd.chance(arabicShare) ? 'arabic' : 'latin'
    if (bytes >= plan.targetBytes) lang = planned.latin.length > 0 ? 'latin' : 'arabic'
    if (kind === 'report' && lang === 'latin' && paragraphs.length > 0 && rnd.chance(0.15)) {
      add(rnd.pick(W.REPORT_HEADINGS))
    }
    let prefix = ''
    if (kind === 'transcript' && lang === 'latin') {
      prefix = `${speakers.length > 0 && rnd.chance(0.6) ? rnd.pick(speakers) : 'Interviewer'}: `
    }
    const start = length === 0 ? 0 : length + 2
    const parts: string[] = []
    let at = start + prefix.length
    for (let n = rnd.int(2, 7); n > 0; n--) {
      const pool = planned[lang]
      const sentencesLeft = Math.max(1, (plan.targetBytes - bytes) / averageSentenceBytes)
      const sentence: Sentence =
        pool.length > 0 && rnd.chance(pool.length / sentencesLeft)
          ? pool.pop()!
          : { text: fillerSentence(rnd, lang), entityIds: [] }
      if (sentence.annotate) placed.push({ start: at, end: at + sentence.text.length, sentence })
      parts.push(sentence.text)
      at += sentence.text.length + 1
    }
    add(prefix + parts.join(' '))
  }
  const text = paragraphs.join('\n\n')
  if (normalizeText(text) !== text) {
    throw new Error('a generated text changed under normalizeText; its offsets would be wrong')
  }

  const contentHash = createHash('sha256').update(text, 'utf8').digest('hex')
  const published = clock.day()
  const retrieved = clock.day(published, Math.min(LAST_DAY, published + 30 * DAY_MS))
  const created = clock.between(retrieved, retrieved + 2 * DAY_MS)
  const publisher = rnd.pick(W.PUBLISHERS)
  const title = sourceTitle(rnd, castHere, published)
  const slug = slugify(title)
  const format = rnd.weighted({ txt: 25, md: 10, html: 30, pdf: 20, docx: 10, paste: 5 })
  const language = style === 'dari' ? 'fa-AF' : style === 'pashto' ? 'ps' : 'en'
  const source: SourceRecord = {
    id: rnd.uuid(),
    createdAt: clock.iso(created),
    updatedAt: clock.iso(created),
    title,
    kind,
    ...(rnd.chance(0.7)
      ? {
          url: `https://${publisher.domain}/${clock.date(published).slice(0, 7).replace('-', '/')}/${slug}`,
        }
      : {}),
    publisher: publisher.name,
    ...(rnd.chance(0.6)
      ? { author: rnd.pick(W.GIVEN_NAMES)[0] + ' ' + rnd.pick(W.FAMILY_NAMES)[0] }
      : {}),
    publishedAt: clock.date(published),
    retrievedAt: clock.date(retrieved),
    language,
    reliability: rnd.weighted({ A: 5, B: 30, C: 35, D: 15, E: 5, F: 10 }),
    contentHash,
    length: text.length,
    origin: {
      fileName: format === 'paste' ? 'pasted text' : `${slug.slice(0, 60)}.${format}`,
      format,
    },
  }

  const annotations = placed.map(({ start, end, sentence }) =>
    makeAnnotation(rnd, clock, text, source, start, end, sentence, created),
  )
  return { source, text, annotations }
}

function pushParagraph(paragraphs: string[], length: number, paragraph: string): number {
  paragraphs.push(paragraph)
  return length === 0 && paragraphs.length === 1 ? paragraph.length : length + 2 + paragraph.length
}

function makeAnnotation(
  rnd: Random,
  clock: Clock,
  text: string,
  source: SourceRecord,
  sentenceStart: number,
  end: number,
  sentence: Sentence,
  after: number,
): Annotation {
  let start = sentenceStart
  // Sometimes the analyst quotes only the end of a sentence.
  if (rnd.chance(0.15)) {
    const words = sentence.text.split(' ')
    if (words.length >= 8) {
      const skip = rnd.int(1, 3)
      start += words.slice(0, skip).join(' ').length + 1
    }
  }
  const stamps = clock.stamps(after, 400)
  const annotation: Annotation = {
    id: rnd.uuid(),
    createdAt: stamps.createdAt,
    updatedAt: stamps.updatedAt,
    sourceId: source.id,
    target: describeRange(text, start, end),
    comment: rnd.chance(0.65) ? rnd.sample(W.ANALYST_COMMENTS, rnd.int(1, 2)).join(' ') : '',
    kind: rnd.pick(ANNOTATION_KINDS),
    credibility: rnd.pick([1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 6]),
    entityIds: [...new Set(sentence.entityIds)],
    tags: rnd.sample(W.TAGS, rnd.pick([0, 0, 0, 1, 1, 1, 1, 2, 2, 3])),
    anchor: { state: 'exact' },
  }
  sentence.annotate?.relation?.evidence.push(annotation.id)
  return annotation
}

function sourceTitle(rnd: Random, members: readonly CastMember[], published: number): string {
  const of = (type: KnownEntityType): string | undefined =>
    members.find((m) => m.type === type)?.entity.name
  const group = of('group')
  const place = of('place')
  const person = of('person')
  const community = of('community')
  const date = new Date(published)
  const monthYear = `${W.MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
  const options: string[] = [`${monthYear} security roundup`]
  if (group && place) {
    options.push(
      `${group} ${rnd.pick(['expands into', 'loses ground in', 'regroups in'])} ${place}`,
    )
  }
  if (person) {
    options.push(
      `Interview: ${person} on ${rnd.pick(['the armed opposition', 'the winter campaign', 'negotiations'])}`,
    )
  }
  if (place)
    options.push(`Situation report: ${place}, ${monthYear}`, `Clashes reported in ${place}`)
  if (community) options.push(`The ${community} and the armed opposition`)
  if (group) options.push(`Who is behind ${group}?`)
  return rnd.pick(options)
}
