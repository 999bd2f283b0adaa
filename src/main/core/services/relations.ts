import { randomUUID } from 'node:crypto'
import {
  RELATION_PHRASES,
  SYMMETRIC_RELATION_TYPES,
  type ParsedInput,
  type RelationDraft,
} from '../../../shared/contract'
import { Relation, type ProjectFile, type RelationType } from '../../../shared/model'
import { AppError, appError, notFound } from '../errors'
import type { ProjectStore } from '../project-store'
import { validRecord } from './validate'

export function listRelations(
  store: ProjectStore,
  input: ParsedInput<'relations.list'>,
): Relation[] {
  const { relations } = store.data
  const { entityId } = input
  return entityId
    ? relations.filter((r) => r.from === entityId || r.to === entityId)
    : [...relations]
}

export function getRelation(store: ProjectStore, id: string): Relation {
  const relation = store.data.relations.find((r) => r.id === id)
  if (!relation) throw notFound('relation', id)
  return relation
}

export function createRelation(store: ProjectStore, input: RelationDraft): Relation {
  const data = store.data
  if (input.id !== undefined && hasId(data, input.id)) {
    throw appError('conflict', 'recordIdTaken', { id: input.id })
  }
  const now = new Date().toISOString()
  const relation = validRecord(
    Relation,
    {
      id: input.id ?? randomUUID(),
      createdAt: now,
      updatedAt: now,
      type: input.type,
      from: input.from,
      to: input.to,
      evidence: input.evidence ?? [],
      confidence: input.confidence ?? 'medium',
      ...(input.validFrom !== undefined ? { validFrom: input.validFrom } : {}),
      ...(input.validTo !== undefined ? { validTo: input.validTo } : {}),
      comment: input.comment ?? '',
    },
    'relation',
  )
  checkRelation(data, relation)
  store.mutate((file) => file.relations.push(relation))
  return relation
}

export function updateRelation(
  store: ProjectStore,
  input: ParsedInput<'relations.update'>,
): Relation {
  const index = store.data.relations.findIndex((r) => r.id === input.id)
  const current = store.data.relations[index]
  if (!current) throw notFound('relation', input.id)
  const { patch } = input
  const merged: Record<string, unknown> = { ...current, updatedAt: new Date().toISOString() }
  for (const key of ['type', 'evidence', 'confidence', 'comment'] as const) {
    if (patch[key] !== undefined) merged[key] = patch[key]
  }
  for (const key of ['validFrom', 'validTo'] as const) {
    if (patch[key] === null) delete merged[key]
    else if (patch[key] !== undefined) merged[key] = patch[key]
  }
  const next = validRecord(Relation, merged, 'relation')
  checkRelation(store.data, next)
  store.mutate((file) => {
    file.relations[index] = next
  })
  return next
}

export function deleteRelation(store: ProjectStore, id: string): Relation {
  const relation = getRelation(store, id)
  store.mutate((file) => {
    file.relations = file.relations.filter((r) => r.id !== id)
  })
  return relation
}

/** What a schema cannot check: both ends and every cited quote exist, no duplicate, sane dates. */
function checkRelation(data: Readonly<ProjectFile>, relation: Relation): void {
  const names = new Map<string, string>()
  for (const e of data.entities) {
    if (e.id === relation.from || e.id === relation.to) names.set(e.id, e.name)
  }
  for (const end of [relation.from, relation.to]) {
    if (!names.has(end)) throw notFound('entity', end)
  }
  if (relation.evidence.length > 0) {
    const cited = new Set(relation.evidence)
    for (const a of data.annotations) cited.delete(a.id)
    const [missing] = cited
    if (missing !== undefined) throw notFound('annotation', missing)
  }
  if (relation.validFrom && relation.validTo && relation.validFrom > relation.validTo) {
    throw appError('invalid_input', 'relationEndsBeforeStart', {
      end: relation.validTo,
      start: relation.validFrom,
    })
  }
  const duplicate = data.relations.find(
    (r) => r.id !== relation.id && sameLink(r, relation.type, relation.from, relation.to),
  )
  if (duplicate) {
    throw new AppError(
      'conflict',
      `The project already records that ${names.get(duplicate.from)} ${RELATION_PHRASES[relation.type]} ${names.get(duplicate.to)}.`,
    )
  }
}

function sameLink(r: Relation, type: RelationType, from: string, to: string): boolean {
  if (r.type !== type) return false
  if (r.from === from && r.to === to) return true
  return SYMMETRIC_RELATION_TYPES.includes(type) && r.from === to && r.to === from
}

function hasId(data: Readonly<ProjectFile>, id: string): boolean {
  return (
    data.relations.some((r) => r.id === id) ||
    data.entities.some((e) => e.id === id) ||
    data.annotations.some((a) => a.id === id)
  )
}
