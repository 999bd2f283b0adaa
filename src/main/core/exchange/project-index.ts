/**
 * The project as an import sees it: entities by their STIX id and by name or alias (per
 * type, case and accents ignored), relations by their ends, sources by address and hash.
 * Records the plan decides to create are added as it goes, so a file that names the same
 * actor twice makes one entity.
 */
import type { Entity, ProjectFile, Relation, SourceRecord } from '../../../shared/model'
import { recordUuid } from './ids'
import { nameKey } from './names'
import type { Slicer } from './slices'

export class ProjectIndex {
  private readonly byUuid = new Map<string, Entity>()
  private readonly byName = new Map<string, Entity[]>()
  private readonly byAnyName = new Map<string, Entity[]>()
  private readonly relationsByEnds = new Map<string, Relation>()
  private readonly relationUuids = new Map<string, Relation>()
  private readonly relationIds = new Map<string, Relation>()
  /** Records the import creates; the rest were in the project. */
  private readonly created = new Set<string>()
  private readonly annotationUuids = new Map<string, string>()
  /** Annotations by source and start offset, with their quotes (compared on lookup). */
  private readonly annotationPlaces = new Map<string, { id: string; exact: string }[]>()
  private readonly sourcesByUrl = new Map<string, SourceRecord>()
  private readonly sourcesByHash = new Map<string, SourceRecord>()
  private readonly sourceUuids = new Map<string, SourceRecord>()
  readonly entityById = new Map<string, Entity>()
  readonly ids = new Set<string>()

  static async of(data: Readonly<ProjectFile>, slicer: Slicer): Promise<ProjectIndex> {
    const index = new ProjectIndex()
    for (const entity of data.entities) {
      index.addEntity(entity)
      const paused = slicer.tick()
      if (paused) await paused
    }
    for (const relation of data.relations) {
      index.addRelation(relation)
      const paused = slicer.tick()
      if (paused) await paused
    }
    for (const annotation of data.annotations) {
      index.addAnnotationId(annotation.id, null, annotation.sourceId, annotation.target)
      const paused = slicer.tick()
      if (paused) await paused
    }
    for (const source of data.sources) index.addSource(source)
    for (const record of [...data.notes, ...data.reports]) index.ids.add(record.id)
    return index
  }

  addEntity(entity: Entity): void {
    this.ids.add(entity.id)
    this.entityById.set(entity.id, entity)
    this.byUuid.set(recordUuid('entity', entity.id), entity)
    this.addNames(entity, [entity.name, ...entity.aliases])
  }

  /** Adds names to an entity already indexed (a merge that brings aliases). */
  addNames(entity: Entity, names: readonly string[]): void {
    for (const name of names) {
      const key = nameKey(name)
      addTo(this.byName, `${entity.type}\u0000${key}`, entity)
      addTo(this.byAnyName, key, entity)
    }
  }

  addRelation(relation: Relation, isNew = false): void {
    this.ids.add(relation.id)
    this.relationIds.set(relation.id, relation)
    if (isNew) this.created.add(relation.id)
    this.relationsByEnds.set(relationKey(relation.type, relation.from, relation.to), relation)
    this.relationUuids.set(recordUuid('relation', relation.id), relation)
  }

  addSource(source: SourceRecord): void {
    this.ids.add(source.id)
    this.sourceUuids.set(recordUuid('source', source.id), source)
    if (source.url) this.sourcesByUrl.set(normalizeUrl(source.url), source)
    this.sourcesByHash.set(source.contentHash, source)
    for (const version of source.history ?? []) {
      if (!this.sourcesByHash.has(version.contentHash)) {
        this.sourcesByHash.set(version.contentHash, source)
      }
    }
  }

  /** An annotation, with the UUID it travels under (its own STIX one when it came from STIX). */
  addAnnotationId(
    id: string,
    uuid: string | null,
    sourceId: string,
    target: { quote: { exact: string }; position: { start: number } },
  ): void {
    this.ids.add(id)
    this.annotationUuids.set(uuid ?? recordUuid('annotation', id), id)
    const key = placeKey(sourceId, target.position.start)
    const list = this.annotationPlaces.get(key)
    const entry = { id, exact: target.quote.exact }
    if (list) list.push(entry)
    else this.annotationPlaces.set(key, [entry])
  }

  /** An annotation known by its UUID only (a new source's quote, which no other can share a place with). */
  addAnnotationUuid(id: string, uuid: string): void {
    this.ids.add(id)
    this.annotationUuids.set(uuid, id)
  }

  annotationIdByUuid(uuid: string): string | undefined {
    return this.annotationUuids.get(uuid)
  }

  /** The annotation quoting `exact` at `start` of a source, if there is one. */
  annotationAt(sourceId: string, start: number, exact: string): string | undefined {
    return this.annotationPlaces.get(placeKey(sourceId, start))?.find((a) => a.exact === exact)?.id
  }

  relationById(id: string): Relation | undefined {
    return this.relationIds.get(id)
  }

  isNew(id: string): boolean {
    return this.created.has(id)
  }

  /** The entity a STIX UUID names: one exported from here, or one imported with that id. */
  entityByUuid(uuid: string): Entity | undefined {
    return this.byUuid.get(uuid)
  }

  /** Entities of `type` called `name` (as name or alias). */
  entitiesNamed(type: string, name: string): Entity[] {
    return this.byName.get(`${type}\u0000${nameKey(name)}`) ?? []
  }

  /** Entities of any type called `name`. */
  entitiesNamedAnyType(name: string): Entity[] {
    return this.byAnyName.get(nameKey(name)) ?? []
  }

  relation(type: string, from: string, to: string): Relation | undefined {
    return this.relationsByEnds.get(relationKey(type, from, to))
  }

  relationByUuid(uuid: string): Relation | undefined {
    return this.relationUuids.get(uuid)
  }

  sourceByUuid(uuid: string): SourceRecord | undefined {
    return this.sourceUuids.get(uuid)
  }

  sourceByUrl(url: string): SourceRecord | undefined {
    return this.sourcesByUrl.get(normalizeUrl(url))
  }

  sourceByHash(hash: string): SourceRecord | undefined {
    return this.sourcesByHash.get(hash.toLowerCase())
  }
}

function addTo(map: Map<string, Entity[]>, key: string, entity: Entity): void {
  const list = map.get(key)
  if (!list) map.set(key, [entity])
  else if (!list.includes(entity)) list.push(entity)
}

function placeKey(sourceId: string, start: number): string {
  return `${sourceId}\u0000${start}`
}

function relationKey(type: string, from: string, to: string): string {
  return `${type}\u0000${from}\u0000${to}`
}

/** Addresses compare without their fragment and trailing slash, scheme and host in lower case. */
function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.hash = ''
    return parsed.href.replace(/\/$/, '')
  } catch {
    return url.trim()
  }
}
