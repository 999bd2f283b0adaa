/**
 * Keeps every loaded entity table, and the grid on screen, in step after an edit without
 * reloading them: only the rows an edit touched are fetched again, and the grid applies
 * them as a transaction, so on 100k rows one edit costs one row, not a rebuild. Part of the
 * entities domain (entities.ts owns the keys and the edits that call this).
 */
import { partialMatchKey, type QueryKey } from '@tanstack/react-query'
import type { EntityRow } from '../../../shared/contract'
import { call } from './client'
import { entityKeys } from './entities'
import { gridKeys } from './grid'
import { queryClient } from './query-client'

export interface RowTransaction {
  add: EntityRow[]
  update: EntityRow[]
  remove: EntityRow[]
}

/** A mounted grid: applies a transaction and remembers `next` as the data it now shows. */
interface TableSink {
  apply(transaction: RowTransaction, next: EntityRow[]): void
}

const sinks = new Map<string, TableSink>()

/** Edits made while a table is still loading page by page, to apply to the pages still to come. */
interface LoadingEdits {
  updated: Map<string, EntityRow>
  removed: Set<string>
}
const loading = new Map<string, LoadingEdits>()

/**
 * Called by a table loader before its first page: rows edited or removed meanwhile are
 * taken from here, so a page fetched before an edit cannot bring back the old row.
 */
export function beginTableLoad(type: string): {
  reconcile(rows: EntityRow[]): EntityRow[]
  finish(rows: EntityRow[]): EntityRow[]
} {
  const edits: LoadingEdits = { updated: new Map(), removed: new Set() }
  loading.set(type, edits)
  const reconcile = (rows: EntityRow[]): EntityRow[] =>
    edits.updated.size === 0 && edits.removed.size === 0
      ? rows
      : rows
          .filter((r) => !edits.removed.has(r.entity.id))
          .map((r) => edits.updated.get(r.entity.id) ?? r)
  return {
    reconcile,
    finish(rows) {
      if (loading.get(type) === edits) loading.delete(type)
      const result = reconcile(rows)
      const present = new Set(result.map((r) => r.entity.id))
      for (const [id, row] of edits.updated) if (!present.has(id)) result.push(row)
      return result
    },
  }
}

export function registerTableSink(type: string, sink: TableSink): () => void {
  sinks.set(type, sink)
  return () => {
    if (sinks.get(type) === sink) sinks.delete(type)
  }
}

function isTableKey(key: QueryKey): boolean {
  return partialMatchKey(key, entityKeys.tables())
}

/** Fetches the rows of some entities again and puts them wherever they are shown. */
export async function refreshRows(ids: Iterable<string>): Promise<void> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return
  const rows = await call('entities.rows', { ids: unique })
  const found = new Set(rows.map((r) => r.entity.id))
  applyRows(
    rows,
    unique.filter((id) => !found.has(id)),
  )
}

/** Puts fresh rows into the loaded tables (adding new ones) and drops removed ids. */
export function applyRows(rows: readonly EntityRow[], removedIds: readonly string[] = []): void {
  const removed = new Set(removedIds)
  for (const row of rows) loading.get(row.entity.type)?.updated.set(row.entity.id, row)
  for (const edits of loading.values()) for (const id of removed) edits.removed.add(id)
  for (const [key, data] of queryClient.getQueriesData<EntityRow[]>({
    queryKey: entityKeys.tables(),
  })) {
    if (!data) continue
    const type = key[2]
    const fresh = new Map(rows.filter((r) => r.entity.type === type).map((r) => [r.entity.id, r]))
    const transaction: RowTransaction = { add: [], update: [], remove: [] }
    let next: EntityRow[] | undefined
    if (removed.size === 0) {
      // The usual edit: a few rows replaced in one copy, stopping once all are found.
      for (let i = 0; i < data.length && fresh.size > 0; i++) {
        const replacement = fresh.get(data[i]!.entity.id)
        if (!replacement) continue
        next ??= data.slice()
        next[i] = replacement
        transaction.update.push(replacement)
        fresh.delete(replacement.entity.id)
      }
    } else {
      next = []
      for (const row of data) {
        const id = row.entity.id
        if (removed.has(id)) {
          transaction.remove.push(row)
          continue
        }
        const replacement = fresh.get(id)
        if (replacement) {
          transaction.update.push(replacement)
          fresh.delete(id)
        }
        next.push(replacement ?? row)
      }
    }
    for (const row of fresh.values()) {
      transaction.add.push(row)
      ;(next ??= data.slice()).push(row)
    }
    const changed =
      transaction.add.length + transaction.update.length + transaction.remove.length > 0
    if (!next || !changed) continue
    sinks.get(String(type))?.apply(transaction, next)
    queryClient.setQueryData(key, next)
  }
  // Everything else derived from entities (counts, evidence, lists, other views) reloads.
  void queryClient.invalidateQueries({
    predicate: (query) =>
      !isTableKey(query.queryKey) && !partialMatchKey(query.queryKey, gridKeys.all),
  })
}

/** The row of an entity as a loaded table holds it, if one does. */
export function cachedRow(type: string, id: string): EntityRow | undefined {
  return queryClient
    .getQueryData<EntityRow[]>(entityKeys.table(type))
    ?.find((row) => row.entity.id === id)
}

/** After a rename: the entity's row and every row that shows its name in a link column. */
export async function refreshRowAndLinks(id: string): Promise<void> {
  const [row] = await call('entities.rows', { ids: [id] })
  await refreshRows([id, ...(row ? linkedIds(row) : [])])
}

/** Ids shown in a row's link columns: the rows that display this entity's name. */
function linkedIds(row: EntityRow): string[] {
  const ids = new Set<string>()
  for (const value of Object.values(row)) {
    if (!Array.isArray(value)) continue
    for (const ref of value as { id?: unknown }[]) if (typeof ref.id === 'string') ids.add(ref.id)
  }
  return [...ids]
}
