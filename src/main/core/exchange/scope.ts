/**
 * Which records an export covers. A grid selection takes the chosen entities, every
 * relation of theirs and the entity at its other end (an analyst who exports a front
 * expects its leaders and areas with it); a report takes what it shows. The quotes are
 * those about the chosen entities or behind the chosen relations, with their sources.
 */
import type { ExportScope } from '../../../shared/contract'
import type {
  Annotation,
  Entity,
  ProjectFile,
  Relation,
  Report,
  SourceRecord,
} from '../../../shared/model'
import { AppError, notFound } from '../errors'
import type { ProjectStore } from '../project-store'
import { gatherReport } from '../report/document'

export interface ExportSelection {
  entities: Entity[]
  relations: Relation[]
  annotations: Annotation[]
  sources: SourceRecord[]
  /** Sightline reports, each with what it shows. */
  reports: ReportContents[]
  /** Said in the export's summary: what the scope left out and why. */
  notes: string[]
}

export interface ReportContents {
  report: Report
  entityIds: ReadonlySet<string>
  quoteIds: ReadonlySet<string>
}

/** What a report shows: its tables' rows, its chart's nodes, its quotes and citations. */
function reportContents(
  store: ProjectStore,
  report: Report,
  annotationById: ReadonlyMap<string, Annotation>,
): ReportContents {
  const document = gatherReport(store, report)
  const entityIds = new Set<string>()
  const quoteIds = new Set(document.quotes.keys())
  for (const section of document.sections) {
    if (section.kind === 'entity-table') for (const row of section.rows) entityIds.add(row.entityId)
    if (section.kind === 'graph') for (const node of section.chart.nodes) entityIds.add(node.id)
  }
  for (const id of quoteIds) {
    for (const entityId of annotationById.get(id)?.entityIds ?? []) entityIds.add(entityId)
  }
  return { report, entityIds, quoteIds }
}

/** The project's quotes by id, made once for all its reports. */
function quotesById(data: Readonly<ProjectFile>): Map<string, Annotation> {
  return new Map(data.annotations.map((a) => [a.id, a]))
}

export function selectForExport(store: ProjectStore, scope: ExportScope): ExportSelection {
  const data = store.data
  switch (scope.kind) {
    case 'project': {
      // A map of every quote costs; only reports need it.
      const byId = data.reports.length > 0 ? quotesById(data) : new Map<string, Annotation>()
      return {
        entities: [...data.entities],
        relations: [...data.relations],
        annotations: [...data.annotations],
        sources: [...data.sources],
        reports: data.reports.map((report) => reportContents(store, report, byId)),
        notes: [],
      }
    }
    case 'entities': {
      const known = new Map(data.entities.map((e) => [e.id, e]))
      const missing = scope.entityIds.filter((id) => !known.has(id))
      if (missing.length > 0) throw notFound('entity', missing[0]!)
      const chosen = new Set(scope.entityIds)
      const relations = data.relations.filter((r) => chosen.has(r.from) || chosen.has(r.to))
      const entityIds = new Set(chosen)
      for (const relation of relations) {
        entityIds.add(relation.from)
        entityIds.add(relation.to)
      }
      return completeSelection(data, entityIds, relations, chosen, [])
    }
    case 'report': {
      const report = data.reports.find((r) => r.id === scope.reportId)
      if (!report) throw notFound('report', scope.reportId)
      const contents = reportContents(store, report, quotesById(data))
      const { entityIds, quoteIds } = contents
      if (entityIds.size === 0 && quoteIds.size === 0) {
        throw new AppError(
          'invalid_input',
          `The report “${report.title}” shows no entities and no quotes yet; there is nothing to export.`,
        )
      }
      const relations = data.relations.filter((r) => entityIds.has(r.from) && entityIds.has(r.to))
      const selection = completeSelection(data, entityIds, relations, entityIds, [...quoteIds])
      selection.reports = [contents]
      return selection
    }
  }
}

/**
 * The quotes that belong with the chosen entities and relations: those linked to an entity
 * of `aboutIds`, the evidence of every relation, and `extraQuotes`; then their sources.
 */
function completeSelection(
  data: Readonly<ProjectFile>,
  entityIds: ReadonlySet<string>,
  relations: Relation[],
  aboutIds: ReadonlySet<string>,
  extraQuotes: readonly string[],
): ExportSelection {
  const quoteIds = new Set(extraQuotes)
  for (const relation of relations) for (const id of relation.evidence) quoteIds.add(id)
  const annotations = data.annotations.filter(
    (a) => quoteIds.has(a.id) || a.entityIds.some((id) => aboutIds.has(id)),
  )
  const sourceIds = new Set(annotations.map((a) => a.sourceId))
  return {
    entities: data.entities.filter((e) => entityIds.has(e.id)),
    relations,
    annotations,
    sources: data.sources.filter((s) => sourceIds.has(s.id)),
    reports: [],
    notes: [],
  }
}
