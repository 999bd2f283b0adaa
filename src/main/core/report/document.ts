/**
 * What a report prints, gathered from the store in one pass: the renderers (HTML,
 * Markdown) are pure functions of this, so they can be tested without a project.
 */
import {
  REPORT_COLUMNS,
  reportColumnsFor,
  type EntityRow,
  type ReportColumnKey,
} from '../../../shared/contract'
import type { Annotation, Entity, ProjectFile, Report } from '../../../shared/model'
import { entityTable } from '../services/entities'
import type { ProjectStore } from '../project-store'
import { numberCitations } from '../../../shared/citations'
import { noteLinks } from '../services/notes'
import { filterTableRows } from './table-filter'
import type { MapData } from '../../../shared/contract'
import type { MapView } from '../../../shared/geo/map-layers'
import { mapData, mapViewFor, periodText } from '../services/map'

export interface SourceInfo {
  id: string
  title: string
  publisher?: string
  author?: string
  publishedAt?: string
  url?: string
  reliability: string
  language?: string
}

export interface QuoteInfo {
  id: string
  exact: string
  prefix: string
  suffix: string
  comment: string
  kind: string
  credibility: number
  anchorState: string
  source: SourceInfo | null
}

export interface TableColumn {
  key: string
  label: string
  numeric: boolean
}

export interface GraphNodeView {
  id: string
  name: string
  type: string
}

export interface GraphEdgeView {
  from: string
  to: string
  type: string
  supported: boolean
}

export interface GraphData {
  nodes: GraphNodeView[]
  edges: GraphEdgeView[]
  positions: Record<string, { x: number; y: number }>
  /** Entities left out to keep the chart legible. */
  omitted: number
}

export type SectionView =
  | {
      kind: 'note'
      sectionId: string
      noteId: string
      title: string | null
      body: string
      /** The annotations the note cites, in order of first appearance (the note parser's). */
      citationIds: string[]
    }
  | {
      kind: 'entity-table'
      sectionId: string
      entityType: string
      columns: TableColumn[]
      rows: { entityId: string; cells: string[] }[]
      total: number
      filter?: string
    }
  | {
      kind: 'graph'
      sectionId: string
      caption?: string
      /** The chart image the graph view kept for reports, when there is one. */
      image: { dataUrl: string; width: number; height: number } | null
      chart: GraphData
    }
  | { kind: 'quotes'; sectionId: string; annotationIds: string[] }
  | {
      kind: 'map'
      sectionId: string
      caption?: string
      /** "1 January 2022 – any date", or "All dates". */
      period: string
      view: MapView
      data: MapData
    }

export interface AppendixEntry {
  entity: { id: string; name: string; type: string }
  annotationIds: string[]
}

export interface ReportDocument {
  report: Report
  sections: SectionView[]
  /** Every annotation the report may print, by id. */
  quotes: ReadonlyMap<string, QuoteInfo>
  /** The optional appendix: the quotes behind each entity the report names. */
  appendix: AppendixEntry[] | null
}

/** The most entities the drawn chart shows; the best-connected are kept. */
const MAX_CHART_NODES = 80

export interface GatherOptions {
  /** The graph view's saved chart image, when the project has one. */
  graphImage?: { dataUrl: string; width: number; height: number } | null
}

export function gatherReport(
  store: ProjectStore,
  report: Report,
  options: GatherOptions = {},
): ReportDocument {
  const data = store.data
  const notes = new Map(data.notes.map((n) => [n.id, n]))
  const tables = new Map<string, EntityRow[]>()
  const tableOf = (type: string): EntityRow[] => {
    let rows = tables.get(type)
    if (!rows) {
      rows = entityTable(store, { type })
      tables.set(type, rows)
    }
    return rows
  }
  const wantedQuotes = new Set<string>()
  const namedEntities: string[] = []
  const sections: SectionView[] = report.sections.map((section): SectionView => {
    switch (section.kind) {
      case 'note': {
        const note = notes.get(section.noteId)
        const links = note ? noteLinks(store, note) : []
        const citationIds = numberCitations(links).citations.map((c) => c.annotationId)
        for (const id of citationIds) wantedQuotes.add(id)
        for (const link of links) if (link.kind === 'entity') namedEntities.push(link.id)
        return {
          kind: 'note',
          sectionId: section.id,
          noteId: section.noteId,
          title: note?.title ?? null,
          body: note?.body ?? '',
          citationIds,
        }
      }
      case 'entity-table': {
        const offered = reportColumnsFor(section.entityType)
        const chosen = section.columns.filter((key): key is ReportColumnKey =>
          (offered as string[]).includes(key),
        )
        const keys = chosen.length > 0 ? chosen : (['name'] as ReportColumnKey[])
        const describe = (key: ReportColumnKey): TableColumn => ({
          key,
          label: REPORT_COLUMNS[key].label,
          numeric: NUMERIC_COLUMNS.has(key),
        })
        const all = tableOf(section.entityType)
        // The filter may name any column of the type, shown or not.
        const everyColumn = offered.map(describe)
        const rows = all.map((row) => ({
          entityId: row.entity.id,
          cells: offered.map((key) => cellText(row, key)),
        }))
        const shown = filterTableRows(everyColumn, rows, section.filter)
        for (const row of shown) namedEntities.push(row.entityId)
        const picks = keys.map((key) => offered.indexOf(key))
        return {
          kind: 'entity-table',
          sectionId: section.id,
          entityType: section.entityType,
          columns: keys.map(describe),
          rows: shown.map((row) => ({
            entityId: row.entityId,
            cells: picks.map((i) => row.cells[i] ?? ''),
          })),
          total: all.length,
          ...(section.filter ? { filter: section.filter } : {}),
        }
      }
      case 'graph':
        return {
          kind: 'graph',
          sectionId: section.id,
          ...(section.caption ? { caption: section.caption } : {}),
          image: options.graphImage ?? null,
          chart: chartData(data),
        }
      case 'quotes':
        for (const id of section.annotationIds) wantedQuotes.add(id)
        return { kind: 'quotes', sectionId: section.id, annotationIds: [...section.annotationIds] }
      case 'map': {
        const view = mapViewFor(store, section)
        for (const relation of view.relations)
          for (const id of relation.evidence) wantedQuotes.add(id)
        for (const relation of view.relations)
          namedEntities.push(relation.groupId, relation.placeId)
        return {
          kind: 'map',
          sectionId: section.id,
          ...(section.caption ? { caption: section.caption } : {}),
          period: periodText(section.from, section.to),
          view,
          data: mapData(store),
        }
      }
    }
  })

  let appendix: AppendixEntry[] | null = null
  if (report.options.appendixOfEntityQuotes) {
    const behind = quotesBehindEntities(data)
    const entityById = new Map(data.entities.map((e) => [e.id, e]))
    appendix = []
    for (const id of new Set(namedEntities)) {
      const entity = entityById.get(id)
      if (!entity) continue
      const annotationIds = behind.get(id) ?? []
      for (const a of annotationIds) wantedQuotes.add(a)
      appendix.push({ entity: { id, name: entity.name, type: entity.type }, annotationIds })
    }
  }

  const annotationById = new Map(data.annotations.map((a) => [a.id, a]))
  const sourceById = new Map(data.sources.map((s) => [s.id, s]))
  const quotes = new Map<string, QuoteInfo>()
  for (const id of wantedQuotes) {
    const annotation = annotationById.get(id)
    if (annotation) quotes.set(id, quoteInfo(annotation, sourceById))
  }
  return { report, sections, quotes, appendix }
}

const NUMERIC_COLUMNS = new Set<string>(['quoteCount', 'bestCredibility', 'estimatedStrength'])

function cellText(row: EntityRow, key: ReportColumnKey): string {
  const names = (refs: readonly { name: string }[]): string => refs.map((r) => r.name).join(', ')
  const attributes = row.entity.attributes as Record<string, unknown>
  switch (key) {
    case 'name':
      return row.entity.name
    case 'aliases':
      return row.entity.aliases.join(', ')
    case 'description':
      return row.entity.description
    case 'leaders':
    case 'areas':
    case 'ethnicBase':
    case 'allies':
    case 'rivals':
      return names(row[key])
    case 'quoteCount':
      return String(row.quoteCount)
    case 'bestCredibility':
      return row.bestCredibility === undefined ? '' : String(row.bestCredibility)
    case 'newestSourceDate':
      return row.newestSourceDate ?? ''
    case 'phase':
    case 'status':
    case 'placeKind':
    case 'communityKind':
      return enumLabel(attributes[key])
    default: {
      const value = attributes[key]
      if (value === undefined || value === null) return ''
      if (Array.isArray(value)) return value.join(', ')
      return String(value)
    }
  }
}

/** "guerrilla-warfare" -> "Guerrilla warfare". */
function enumLabel(value: unknown): string {
  if (typeof value !== 'string' || value === '') return ''
  const words = value.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function quoteInfo(
  annotation: Annotation,
  sources: ReadonlyMap<string, ProjectFile['sources'][number]>,
): QuoteInfo {
  const source = sources.get(annotation.sourceId)
  const { quote } = annotation.target
  return {
    id: annotation.id,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    comment: annotation.comment,
    kind: annotation.kind,
    credibility: annotation.credibility,
    anchorState: annotation.anchor.state,
    source: source
      ? {
          id: source.id,
          title: source.title,
          reliability: source.reliability,
          ...(source.publisher ? { publisher: source.publisher } : {}),
          ...(source.author ? { author: source.author } : {}),
          ...(source.publishedAt ? { publishedAt: source.publishedAt } : {}),
          ...(source.url ? { url: source.url } : {}),
          ...(source.language ? { language: source.language } : {}),
        }
      : null,
  }
}

/** For each entity, the annotations linked to it or cited by its relations, in store order. */
function quotesBehindEntities(data: Readonly<ProjectFile>): Map<string, string[]> {
  const behind = new Map<string, Set<string>>()
  const add = (entityId: string, annotationId: string): void => {
    let set = behind.get(entityId)
    if (!set) behind.set(entityId, (set = new Set()))
    set.add(annotationId)
  }
  for (const a of data.annotations) for (const e of a.entityIds) add(e, a.id)
  for (const r of data.relations) {
    for (const a of r.evidence) {
      add(r.from, a)
      add(r.to, a)
    }
  }
  return new Map([...behind].map(([id, set]) => [id, [...set]]))
}

function chartData(data: Readonly<ProjectFile>): GraphData {
  const degree = new Map<string, number>()
  for (const r of data.relations) {
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1)
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1)
  }
  const connected = data.entities.filter((e) => degree.has(e.id))
  const kept: Entity[] =
    connected.length > MAX_CHART_NODES
      ? [...connected]
          .sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0))
          .slice(0, MAX_CHART_NODES)
      : connected
  const keptIds = new Set(kept.map((e) => e.id))
  const annotationIds = new Set(data.annotations.map((a) => a.id))
  return {
    nodes: kept.map((e) => ({ id: e.id, name: e.name, type: e.type })),
    edges: data.relations
      .filter((r) => keptIds.has(r.from) && keptIds.has(r.to))
      .map((r) => ({
        from: r.from,
        to: r.to,
        type: r.type,
        supported: r.evidence.some((a) => annotationIds.has(a)),
      })),
    positions: Object.fromEntries(
      Object.entries(data.views.graphPositions ?? {}).filter(([id]) => keptIds.has(id)),
    ),
    omitted: connected.length - kept.length,
  }
}
