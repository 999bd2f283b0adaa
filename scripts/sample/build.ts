/**
 * Builds the sample project (data/sample) from the source texts here (brief.txt and four more)
 * and spec.ts. Every selector is
 * computed from the normalized text, so the sample cannot carry a hand-typed offset.
 *
 *   npx tsx scripts/sample/build.ts
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeRange } from '../../src/shared/anchoring'
import { ProjectFile, SCHEMA_VERSION } from '../../src/shared/model'
import type { Annotation, Entity, Note, Relation, SourceRecord } from '../../src/shared/model'
import { normalizeText } from '../../src/shared/text'
import {
  ANALYSIS,
  ANALYSIS_EVIDENCE,
  ANNOTATIONS,
  ENTITIES,
  NOTES,
  PROJECT,
  RELATIONS,
  SOURCES,
  TIMESTAMP,
} from './spec'

const here = dirname(fileURLToPath(import.meta.url))

/** Where the built sample lives; the app copies it to the user's data folder on first run. */
export const SAMPLE_DIR = join(here, '..', '..', 'data', 'sample')

const stamps = { createdAt: TIMESTAMP, updatedAt: TIMESTAMP }

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The exact bytes of project.json, shared with the test that guards against hand edits. */
export function serializeProject(file: ProjectFile): string {
  return JSON.stringify(file) + '\n'
}

/** Start offset of the single occurrence of quote in text; a repeat would make the anchor ambiguous. */
function findOnce(text: string, quote: string, annotationId: string, file: string): number {
  if (normalizeText(quote) !== quote) {
    throw new Error(
      `quote of ${annotationId} is not normalized text (spacing or Unicode form): "${quote}"`,
    )
  }
  const first = text.indexOf(quote)
  if (first === -1) throw new Error(`quote of ${annotationId} is not in ${file}: "${quote}"`)
  if (text.indexOf(quote, first + 1) !== -1) {
    throw new Error(`quote of ${annotationId} occurs more than once in ${file}: "${quote}"`)
  }
  return first
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>()
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)))
}

/** Checks zod cannot express: every id a record points to must exist. */
export function checkReferences(file: ProjectFile): string[] {
  const problems: string[] = []
  const allIds = [
    file.project.id,
    ...file.sources.map((s) => s.id),
    ...file.annotations.map((a) => a.id),
    ...file.entities.map((e) => e.id),
    ...file.relations.map((r) => r.id),
    ...file.notes.map((n) => n.id),
    ...file.reports.map((r) => r.id),
    ...file.analyses.map((a) => a.id),
    ...file.analysisEvidence.map((e) => e.id),
  ]
  for (const id of new Set(duplicates(allIds))) problems.push(`id ${id} is used more than once`)

  const sources = new Set(file.sources.map((s) => s.id))
  const annotations = new Map(file.annotations.map((a) => [a.id, a]))
  const entities = new Set(file.entities.map((e) => e.id))

  for (const a of file.annotations) {
    if (!sources.has(a.sourceId)) problems.push(`annotation ${a.id}: unknown source ${a.sourceId}`)
    for (const id of a.entityIds) {
      if (!entities.has(id)) problems.push(`annotation ${a.id}: unknown entity ${id}`)
    }
  }
  for (const r of file.relations) {
    for (const id of [r.from, r.to]) {
      if (!entities.has(id)) problems.push(`relation ${r.id}: unknown entity ${id}`)
    }
    // The sample shows every edge as supported, so an empty evidence list is a mistake here.
    if (r.evidence.length === 0) problems.push(`relation ${r.id} has no evidence`)
    for (const id of r.evidence) {
      const a = annotations.get(id)
      if (!a) {
        problems.push(`relation ${r.id}: unknown evidence annotation ${id}`)
        continue
      }
      // Evidence that does not link both ends would not show up on either entity's quote list.
      for (const end of [r.from, r.to]) {
        if (!a.entityIds.includes(end))
          problems.push(`relation ${r.id}: evidence ${id} does not link ${end}`)
      }
    }
  }
  for (const n of file.notes) {
    for (const m of n.body.matchAll(/\]\((quote|entity):([^)\s]*)\)/g)) {
      const [, scheme, id = ''] = m
      const known = scheme === 'quote' ? annotations.has(id) : entities.has(id)
      if (!known) problems.push(`note ${n.id}: link to unknown ${scheme} "${id}"`)
    }
  }
  const hypotheses = new Map(
    file.analyses.map((a) => [a.id, new Set(a.hypotheses.map((h) => h.id))]),
  )
  for (const row of file.analysisEvidence) {
    const columns = hypotheses.get(row.analysisId)
    if (!columns) problems.push(`evidence row ${row.id}: unknown analysis ${row.analysisId}`)
    if (row.annotationId !== undefined && !annotations.has(row.annotationId)) {
      problems.push(`evidence row ${row.id}: unknown annotation ${row.annotationId}`)
    }
    for (const id of Object.keys(row.cells)) {
      if (!columns?.has(id)) problems.push(`evidence row ${row.id}: unknown hypothesis ${id}`)
    }
  }
  return problems
}

export function buildSampleProject(): { file: ProjectFile; texts: Map<string, string> } {
  const built = SOURCES.map(({ record, file }) => {
    const text = normalizeText(readFileSync(join(here, file), 'utf8'))
    const contentHash = sha256(text)
    const source: SourceRecord = { ...record, ...stamps, contentHash, length: text.length }
    return { source, text, file }
  })
  const byId = new Map(built.map((b) => [b.source.id, b]))

  const annotations: Annotation[] = ANNOTATIONS.map(
    ({ quote, sourceId = 'src-brief', ...spec }) => {
      const from = byId.get(sourceId)
      if (!from) throw new Error(`annotation ${spec.id}: unknown source ${sourceId}`)
      const start = findOnce(from.text, quote, spec.id, from.file)
      return {
        ...spec,
        ...stamps,
        sourceId,
        target: describeRange(from.text, start, start + quote.length),
        anchor: { state: 'exact' },
      }
    },
  )

  const entities: Entity[] = ENTITIES.map((e) => ({ ...e, ...stamps }))
  const relations: Relation[] = RELATIONS.map((r) => ({ ...r, ...stamps }))
  const notes: Note[] = NOTES.map((n) => ({ ...n, ...stamps }))

  // Parsing returns the schema's own key order, which keeps the written JSON stable.
  const file = ProjectFile.parse({
    schemaVersion: SCHEMA_VERSION,
    project: { ...PROJECT, ...stamps },
    sources: built.map((b) => b.source),
    annotations,
    entities,
    relations,
    notes,
    reports: [],
    analyses: [{ ...ANALYSIS, ...stamps }],
    analysisEvidence: ANALYSIS_EVIDENCE.map((row) => ({
      ...row,
      ...stamps,
      analysisId: ANALYSIS.id,
    })),
    views: {},
  })

  const problems = checkReferences(file)
  if (problems.length > 0)
    throw new Error(`sample project is inconsistent:\n  ${problems.join('\n  ')}`)

  return { file, texts: new Map(built.map((b) => [b.source.contentHash, b.text])) }
}

/** Writes project.json and the content-addressed sources, dropping texts no source names any more. */
export function writeSampleProject(dir = SAMPLE_DIR): {
  file: ProjectFile
  texts: Map<string, string>
} {
  const built = buildSampleProject()
  const sourcesDir = join(dir, 'sources')
  mkdirSync(sourcesDir, { recursive: true })
  for (const name of readdirSync(sourcesDir)) {
    if (name.endsWith('.txt') && !built.texts.has(name.slice(0, -'.txt'.length))) {
      rmSync(join(sourcesDir, name))
    }
  }
  for (const [hash, text] of built.texts)
    writeFileSync(join(sourcesDir, `${hash}.txt`), text, 'utf8')
  writeFileSync(join(dir, 'project.json'), serializeProject(built.file), 'utf8')
  return built
}

function isMain(): boolean {
  const entry = process.argv[1]
  if (!entry) return false
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isMain()) {
  const { file, texts } = writeSampleProject()
  console.log(
    `wrote ${SAMPLE_DIR}: ${file.entities.length} entities, ${file.annotations.length} annotations, ` +
      `${file.relations.length} relations, ${file.notes.length} notes, ${file.analyses.length} analysis, ` +
      `${texts.size} source text(s)`,
  )
}
