/**
 * Entities: the lists pickers choose from, the grids' tables (loaded in pages), what a
 * delete would take with it, and the edits. Each edit refreshes only the rows it touched
 * (row-sync.ts), which also reloads every other view derived from entities.
 */
import { useMutation, useQuery, type QueryFunctionContext } from '@tanstack/react-query'
import type { EntityRow, EntitySnapshot, MethodInput } from '../../../shared/contract'
import type { Entity } from '../../../shared/model'
import { call } from './client'
import { applyRows, beginTableLoad, cachedRow, refreshRowAndLinks, refreshRows } from './row-sync'

type EntityFilter = MethodInput<'entities.list'>
type EntityPatch = MethodInput<'entities.update'>['patch']

export const entityKeys = {
  all: ['entities'] as const,
  lists: () => [...entityKeys.all, 'list'] as const,
  list: (filter: EntityFilter) => [...entityKeys.lists(), filter] as const,
  tables: () => [...entityKeys.all, 'table'] as const,
  table: (type: string) => [...entityKeys.tables(), type] as const,
  dependents: (ids: readonly string[]) => [...entityKeys.all, 'dependents', ids] as const,
}

/** Entities for pickers and type-ahead: all of them, or those of one type. */
export function useEntityList(filter: EntityFilter = {}, { enabled = true } = {}) {
  return useQuery({
    queryKey: entityKeys.list(filter),
    queryFn: () => call('entities.list', filter),
    enabled,
  })
}

/** The first page is small so a large grid paints at once; the rest follows in big pages. */
const FIRST_PAGE = 2_000
const NEXT_PAGE = 20_000

/**
 * Loads a table's rows page by page. On a first load each page is shown as it arrives;
 * a reload of rows already on screen swaps them in at the end, matched by id.
 */
async function loadEntityTable({
  queryKey,
  client,
}: QueryFunctionContext<ReturnType<typeof entityKeys.table>>): Promise<EntityRow[]> {
  const type = queryKey[2]
  const showPages = client.getQueryData(queryKey) === undefined
  const load = beginTableLoad(type)
  const rows: EntityRow[] = []
  for (let offset = 0; ;) {
    const limit = offset === 0 ? FIRST_PAGE : NEXT_PAGE
    const page = await call('entities.tablePage', { type, offset, limit })
    for (const row of page.rows) rows.push(row)
    offset += page.rows.length
    if (offset >= page.total || page.rows.length === 0) return load.finish(rows)
    if (showPages) client.setQueryData(queryKey, load.reconcile(rows.slice()))
  }
}

/** A grid's rows: every entity of a type with its relations and evidence count. */
export function useEntityTable(type: string) {
  return useQuery({
    queryKey: entityKeys.table(type),
    queryFn: loadEntityTable,
    // Deep-comparing 100k rows on every reload costs more than it saves; the grid matches
    // rows by id itself.
    structuralSharing: false,
  })
}

/** What deleting these entities would take with it: relations, quote links, note mentions. */
export function useEntityDependents(ids: readonly string[]) {
  return useQuery({
    queryKey: entityKeys.dependents(ids),
    queryFn: () => call('entities.dependents', { ids: [...ids] }),
    staleTime: 0,
  })
}

export async function createEntity(draft: MethodInput<'entities.create'>): Promise<Entity> {
  const entity = await call('entities.create', draft)
  await refreshRows([entity.id])
  return entity
}

export function useCreateEntity() {
  return useMutation({ mutationFn: createEntity })
}

/**
 * Changes an entity. An edit that keeps the name changes nothing computed, so its row is
 * patched without a round trip; a rename also refreshes the rows that show the name.
 */
export async function updateEntity(before: Entity, patch: EntityPatch): Promise<Entity> {
  const after = await call('entities.update', { id: before.id, patch })
  if (before.name !== after.name) {
    await refreshRowAndLinks(after.id)
    return after
  }
  const row = cachedRow(after.type, after.id)
  if (row) applyRows([{ ...row, entity: after }])
  else await refreshRows([after.id])
  return after
}

/** Entities on the other end of the deleted entities' relations: their rows lose a link. */
function neighbours(snapshots: readonly EntitySnapshot[]): string[] {
  const ids = new Set(snapshots.map((s) => s.entity.id))
  const others = new Set<string>()
  for (const s of snapshots) {
    for (const r of s.relations)
      for (const end of [r.from, r.to]) if (!ids.has(end)) others.add(end)
  }
  return [...others]
}

/** Deletes entities with their relations; the snapshots returned bring them back. */
export async function deleteEntities(ids: readonly string[]): Promise<EntitySnapshot[]> {
  const { removed } = await call('entities.deleteMany', { ids: [...ids] })
  applyRows(
    [],
    removed.map((s) => s.entity.id),
  )
  await refreshRows(neighbours(removed))
  return removed
}

export async function restoreEntities(snapshots: readonly EntitySnapshot[]): Promise<void> {
  await call('entities.restore', { snapshots: [...snapshots] })
  await refreshRows([...snapshots.map((s) => s.entity.id), ...neighbours(snapshots)])
}
