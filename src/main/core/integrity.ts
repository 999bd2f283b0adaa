import type { ProjectFile } from '../../shared/model'

/**
 * Problems a schema cannot see: ids used twice and references to records that do
 * not exist. Returns human-readable lines; empty means sound.
 */
export function findIntegrityProblems(file: ProjectFile, limit = 20): string[] {
  const problems: string[] = []
  const report = (line: string): void => {
    if (problems.length < limit) problems.push(line)
  }
  const ids = new Set<string>()
  const collections = [
    ['source', file.sources],
    ['annotation', file.annotations],
    ['entity', file.entities],
    ['relation', file.relations],
    ['note', file.notes],
    ['report', file.reports],
    ['analysis', file.analyses],
    ['evidence row', file.analysisEvidence],
  ] as const
  for (const [kind, records] of collections) {
    for (const record of records) {
      if (ids.has(record.id)) report(`the id "${record.id}" is used twice (a ${kind})`)
      ids.add(record.id)
    }
  }
  const sourceIds = new Set(file.sources.map((s) => s.id))
  const entityIds = new Set(file.entities.map((e) => e.id))
  const annotationIds = new Set(file.annotations.map((a) => a.id))
  for (const annotation of file.annotations) {
    if (!sourceIds.has(annotation.sourceId)) {
      report(`annotation "${annotation.id}" points to a missing source "${annotation.sourceId}"`)
    }
    for (const entityId of annotation.entityIds) {
      if (!entityIds.has(entityId)) {
        report(`annotation "${annotation.id}" links a missing entity "${entityId}"`)
      }
    }
  }
  for (const relation of file.relations) {
    for (const end of [relation.from, relation.to]) {
      if (!entityIds.has(end)) report(`relation "${relation.id}" links a missing entity "${end}"`)
    }
    for (const evidence of relation.evidence) {
      if (!annotationIds.has(evidence)) {
        report(`relation "${relation.id}" cites a missing annotation "${evidence}"`)
      }
    }
  }
  // A row may name a deleted quote (it shows as missing), never a missing analysis.
  const analysisIds = new Set(file.analyses.map((a) => a.id))
  for (const row of file.analysisEvidence) {
    if (!analysisIds.has(row.analysisId)) {
      report(`evidence row "${row.id}" belongs to a missing analysis "${row.analysisId}"`)
    }
  }
  return problems
}
