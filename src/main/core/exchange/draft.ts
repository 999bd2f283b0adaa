/**
 * What an import would do, as records ready to store: the plan of every format (STIX,
 * W3C, CSV) ends as an ImportDraft. The preview is made from it; applying it adds the
 * new records and the additions to existing ones in one edit. An import only adds: new
 * records, and aliases, attributes, links and evidence that existing records lack. It
 * never changes or removes what the project holds.
 */
import { createHash } from 'node:crypto'
import type { ImportItem, ImportItemKind, ImportPreview } from '../../../shared/contract'
import type {
  Annotation,
  Entity,
  EntityAttributes,
  ProjectFile,
  Relation,
  Report,
  SourceRecord,
} from '../../../shared/model'
import { emptyProjectFile } from '../../../shared/model'
import { applyPuts, type RecordPut } from '../store/collections'
import type { Slicer } from './slices'

export interface EntityAdditions {
  aliases: string[]
  attributes: Partial<EntityAttributes>
  description?: string
}

export interface RelationAdditions {
  evidence: string[]
  validFrom?: string
  validTo?: string
  comment?: string
}

export interface AnnotationAdditions {
  entityIds: string[]
  tags: string[]
}

export interface NewSource {
  record: SourceRecord
  text: string
}

export interface ImportDraft {
  items: ImportItem[]
  skippedTypes: Map<string, number>
  notes: string[]
  /** The imported file itself, kept as a source (STIX, CSV). */
  dataset?: NewSource
  sources: NewSource[]
  entities: Entity[]
  entityAdditions: Map<string, EntityAdditions>
  relations: Relation[]
  relationAdditions: Map<string, RelationAdditions>
  annotations: Annotation[]
  annotationAdditions: Map<string, AnnotationAdditions>
  reports: Report[]
}

export function emptyDraft(): ImportDraft {
  return {
    items: [],
    skippedTypes: new Map(),
    notes: [],
    sources: [],
    entities: [],
    entityAdditions: new Map(),
    relations: [],
    relationAdditions: new Map(),
    annotations: [],
    annotationAdditions: new Map(),
    reports: [],
  }
}

/** Creations listed in a preview beyond this many are counted only. */
const LISTED_CREATIONS = 1_000
/** Merges and skips listed beyond this many are counted only. */
const LISTED_OTHERS = 5_000

/** A fingerprint of the decisions: the same file against the same project gives the same one. */
export async function draftDigest(draft: ImportDraft, slicer: Slicer): Promise<string> {
  const hash = createHash('sha256')
  for (const item of draft.items) {
    hash.update(
      `${item.action}\u0000${item.kind}\u0000${item.ref}\u0000${item.target?.id ?? ''}\u0000${item.detail ?? ''}\u0000${item.reason ?? ''}\n`,
    )
    const pause = slicer.tick()
    if (pause) await pause
  }
  return hash.digest('hex').slice(0, 32)
}

export function countItems(
  items: readonly ImportItem[],
): Record<string, { create: number; merge: number; skip: number }> {
  const counts: Record<string, { create: number; merge: number; skip: number }> = {}
  for (const item of items) {
    const row = (counts[item.kind] ??= { create: 0, merge: 0, skip: 0 })
    row[item.action]++
  }
  return counts
}

/** The preview of a draft: totals, every merge and skip, and the first creations. */
export async function previewOf(
  draft: ImportDraft,
  base: Pick<ImportPreview, 'planId' | 'format' | 'fileName' | 'target' | 'csv'>,
  slicer: Slicer,
): Promise<ImportPreview> {
  // Skips first: they are what the analyst has to read. One pass an action keeps the
  // file's order within each, as a stable sort would, without sorting every item.
  const byAction = {
    skip: [] as ImportItem[],
    merge: [] as ImportItem[],
    create: [] as ImportItem[],
  }
  for (const item of draft.items) byAction[item.action].push(item)
  const listed = [...byAction.skip, ...byAction.merge].slice(0, LISTED_OTHERS)
  const others = byAction.skip.length + byAction.merge.length
  listed.push(...byAction.create.slice(0, LISTED_CREATIONS))
  const omitted =
    Math.max(0, others - LISTED_OTHERS) + Math.max(0, byAction.create.length - LISTED_CREATIONS)
  return {
    ...base,
    digest: await draftDigest(draft, slicer),
    counts: countItems(draft.items),
    items: listed,
    itemsOmitted: omitted,
    skippedTypes: [...draft.skippedTypes]
      .sort((a, b) => b[1] - a[1])
      .map(([type, count]) => ({ type, count })),
    notes: draft.notes,
  }
}

export function item(
  action: ImportItem['action'],
  kind: ImportItemKind,
  ref: string,
  label: string,
  extra: Partial<Pick<ImportItem, 'detail' | 'reason' | 'target'>> = {},
): ImportItem {
  return {
    action,
    kind,
    ref,
    label: label.length > 200 ? `${label.slice(0, 199)}…` : label,
    ...extra,
  }
}

function union(existing: readonly string[], added: readonly string[]): string[] {
  const out = [...existing]
  for (const value of added) if (!out.includes(value)) out.push(value)
  return out
}

/**
 * The records a draft puts in the project: its new records, then new versions of the
 * existing records it adds to (aliases, attributes, evidence, links), stamped `now`. The
 * caller has checked the draft against these very records.
 */
export function draftPuts(
  data: Readonly<ProjectFile>,
  draft: ImportDraft,
  now: string,
): RecordPut[] {
  const puts: RecordPut[] = []
  const put = (collection: string, records: readonly { id: string }[]): void => {
    for (const record of records) puts.push({ collection, record })
  }
  put(
    'sources',
    [...(draft.dataset ? [draft.dataset] : []), ...draft.sources].map((s) => s.record),
  )
  put('entities', draft.entities)
  put('relations', draft.relations)
  put('annotations', draft.annotations)
  put('reports', draft.reports)
  for (const entity of data.entities) {
    const add = draft.entityAdditions.get(entity.id)
    if (!add) continue
    const merged: Entity = {
      ...entity,
      aliases: union(entity.aliases, add.aliases).slice(0, 100),
      attributes: { ...add.attributes, ...entity.attributes } as EntityAttributes,
      description: entity.description || add.description || '',
      updatedAt: now,
    }
    put('entities', [merged])
  }
  for (const relation of data.relations) {
    const add = draft.relationAdditions.get(relation.id)
    if (!add) continue
    const merged: Relation = {
      ...relation,
      evidence: union(relation.evidence, add.evidence).slice(0, 1_000),
      ...(relation.validFrom || !add.validFrom ? {} : { validFrom: add.validFrom }),
      ...(relation.validTo || !add.validTo ? {} : { validTo: add.validTo }),
      comment: relation.comment || add.comment || '',
      updatedAt: now,
    }
    put('relations', [merged])
  }
  for (const annotation of data.annotations) {
    const add = draft.annotationAdditions.get(annotation.id)
    if (!add) continue
    const merged: Annotation = {
      ...annotation,
      entityIds: union(annotation.entityIds, add.entityIds).slice(0, 500),
      tags: union(annotation.tags, add.tags).slice(0, 100),
      updatedAt: now,
    }
    put('annotations', [merged])
  }
  return puts
}

/** Applies a draft to the records in place (see draftPuts). */
export function applyDraft(data: ProjectFile, draft: ImportDraft, now: string): void {
  applyPuts(data, draftPuts(data, draft, now))
}

/** A new project holding only the draft's records (import into a new project). */
export function draftAsProject(draft: ImportDraft, meta: ProjectFile['project']): ProjectFile {
  const file = emptyProjectFile(meta)
  applyDraft(file, draft, meta.updatedAt)
  return file
}
