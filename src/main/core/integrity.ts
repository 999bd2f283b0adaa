import type { ProjectFile } from '../../shared/model'
import { collectionOf, COLLECTIONS } from './store/collections'
import type { Slicer } from './store/lines'

/** How many records a check visits between two looks at the clock. */
const STEP = 2_000

/** "entities" → "entity", "analyses" stays readable enough as "analyse". */
function singular(collection: string): string {
  if (collection.endsWith('ies')) return `${collection.slice(0, -3)}y`
  return collection.endsWith('s') ? collection.slice(0, -1) : collection
}

/**
 * Problems a schema cannot see: ids used twice within a collection (the model's own and
 * those added later) and references to records that do not exist. Ids are unique per
 * collection, as the journal addresses records (collection, id): a collection added later
 * may key its records by another record's id (a dismissal per suggestion, say) without
 * its project being refused as damaged. Yields every few thousand records so a caller on
 * the main thread can let the event loop run.
 */
function* integrityChecks(file: ProjectFile, report: (line: string) => void): Generator<void> {
  // Indexed loops and no array per record: at 100k+ quotes the pass is mostly cache misses,
  // and iterators over frozen arrays added about a tenth to it (large preset).
  let visited = 0
  /** Each collection's ids, made once: the references below are looked up in them. */
  const idsOf = new Map<string, Set<string>>()
  for (const collection of COLLECTIONS) {
    const kind = singular(collection)
    const ids = new Set<string>()
    idsOf.set(collection, ids)
    const records = collectionOf(file, collection)
    for (let at = 0; at < records.length; at++) {
      const id = records[at]!.id
      const before = ids.size
      ids.add(id)
      if (ids.size === before) report(`the id "${id}" is used twice (a ${kind})`)
      if (++visited % STEP === 0) yield
    }
  }
  const sourceIds = idsOf.get('sources')!
  const entityIds = idsOf.get('entities')!
  const annotationIds = idsOf.get('annotations')!
  const annotations = file.annotations
  for (let at = 0; at < annotations.length; at++) {
    const annotation = annotations[at]!
    if (!sourceIds.has(annotation.sourceId)) {
      report(`annotation "${annotation.id}" points to a missing source "${annotation.sourceId}"`)
    }
    const linked = annotation.entityIds
    for (let index = 0; index < linked.length; index++) {
      const entityId = linked[index]!
      if (!entityIds.has(entityId)) {
        report(`annotation "${annotation.id}" links a missing entity "${entityId}"`)
      }
    }
    if (++visited % STEP === 0) yield
  }
  const relations = file.relations
  for (let at = 0; at < relations.length; at++) {
    const relation = relations[at]!
    if (!entityIds.has(relation.from)) {
      report(`relation "${relation.id}" links a missing entity "${relation.from}"`)
    }
    if (!entityIds.has(relation.to)) {
      report(`relation "${relation.id}" links a missing entity "${relation.to}"`)
    }
    const evidence = relation.evidence
    for (let index = 0; index < evidence.length; index++) {
      if (!annotationIds.has(evidence[index]!)) {
        report(`relation "${relation.id}" cites a missing annotation "${evidence[index]}"`)
      }
    }
    if (++visited % STEP === 0) yield
  }
  for (const dismissal of file.suggestionDismissals) {
    if (!sourceIds.has(dismissal.sourceId)) {
      report(
        `dismissed suggestion "${dismissal.id}" points to a missing source "${dismissal.sourceId}"`,
      )
    }
    if (++visited % STEP === 0) yield
  }
  // A row may name a deleted quote (it shows as missing), never a missing analysis.
  const analysisIds = idsOf.get('analyses')!
  for (const row of file.analysisEvidence) {
    if (!analysisIds.has(row.analysisId)) {
      report(`evidence row "${row.id}" belongs to a missing analysis "${row.analysisId}"`)
    }
    if (++visited % STEP === 0) yield
  }
}

function collector(limit: number): { problems: string[]; report: (line: string) => void } {
  const problems: string[] = []
  return {
    problems,
    report: (line) => {
      if (problems.length < limit) problems.push(line)
    },
  }
}

/** Human-readable lines; empty means sound. */
export function findIntegrityProblems(file: ProjectFile, limit = 20): string[] {
  const { problems, report } = collector(limit)
  for (const _ of integrityChecks(file, report)) {
    if (problems.length >= limit) break
  }
  return problems
}

/** The same checks in slices, for opening a large project on the main thread. */
export async function findIntegrityProblemsInSlices(
  file: ProjectFile,
  limit: number,
  slicer: Slicer,
): Promise<string[]> {
  const { problems, report } = collector(limit)
  for (const _ of integrityChecks(file, report)) {
    if (problems.length >= limit) break
    await slicer.maybePause()
  }
  return problems
}
