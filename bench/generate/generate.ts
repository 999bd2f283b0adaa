/**
 * A seeded, deterministic generator of realistic projects for the benchmarks. Records go
 * through the model's schemas and the store's integrity check, texts through
 * normalizeText, and every selector is built with describeRange on the final text, so a
 * generated project is one the app itself could have written.
 */
import { findIntegrityProblems } from '../../src/main/core/integrity'
import { ProjectFile, SCHEMA_VERSION } from '../../src/shared/model'
import { Clock, FIRST_DAY, LAST_DAY } from './clock'
import { makeEntities } from './entities'
import { makeNotes } from './notes'
import { DEFAULT_SEED, type ProjectCounts } from './presets'
import { Random } from './random'
import { makeRelations } from './relations'
import { makeSources } from './sources'

export interface GenerateOptions extends ProjectCounts {
  seed?: number
  /** The project's name; a default names the counts and the seed. */
  name?: string
  /** Parse the result with ProjectFile and check integrity (default true). */
  validate?: boolean
}

export interface GeneratedProject {
  file: ProjectFile
  /** Each source's normalized text by its content hash (sources/<hash>.txt). */
  texts: Map<string, string>
}

// ---------------------------------------------------------------- entry point

export function generateProject(options: GenerateOptions): GeneratedProject {
  checkCounts(options)
  const seed = options.seed ?? DEFAULT_SEED
  const rnd = new Random(seed)
  const clock = new Clock(rnd)

  const cast = makeEntities(rnd, clock, options.entities)
  const relations = makeRelations(rnd, clock, cast, options.relations)
  const { sources, annotations, texts } = makeSources(rnd, clock, cast, relations, options)
  const notes = makeNotes(rnd, clock, cast, relations, annotations, options.notes)

  const created = clock.iso(FIRST_DAY)
  const counts = `${options.sources} sources, ${options.annotations} quotes, ${options.entities} entities`
  const raw: ProjectFile = {
    schemaVersion: SCHEMA_VERSION,
    project: {
      id: `generated-${seed}`,
      createdAt: created,
      updatedAt: clock.iso(LAST_DAY),
      name: options.name ?? `Generated project (${counts}; seed ${seed})`,
      description:
        'Generated for benchmarks: invented groups, people and places in varied prose, some of it in Arabic script. Not real reporting.',
    },
    sources,
    annotations,
    entities: cast.all.map((e) => e.entity),
    relations,
    notes,
    reports: [],
    analyses: [],
    analysisEvidence: [],
    views: {},
    suggestionDismissals: [],
  }
  if (options.validate === false) return { file: raw, texts }
  const parsed = ProjectFile.safeParse(raw)
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`the generated project does not match the schema: ${lines.join('; ')}`)
  }
  const problems = findIntegrityProblems(parsed.data, 5)
  if (problems.length > 0)
    throw new Error(`the generated project is inconsistent: ${problems.join('; ')}`)
  return { file: parsed.data, texts }
}

const COUNT_KEYS = ['sources', 'annotations', 'entities', 'relations', 'notes'] as const

function checkCounts(counts: ProjectCounts): void {
  for (const kind of COUNT_KEYS) {
    const n = counts[kind]
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`${kind} must be a whole number ≥ 0, not ${String(n)}`)
    }
  }
  if (counts.relations > 0 && counts.entities < 4) {
    throw new RangeError('relations need at least 4 entities (one of each type)')
  }
  if (counts.annotations > 0 && counts.sources === 0) {
    throw new RangeError('annotations need at least one source')
  }
}
