/**
 * Keeps every loaded entity table, and the grid on screen, in step after an edit without
 * reloading them: only the rows an edit touched are fetched again, and the grid applies
 * them as a transaction, so on 100k rows one edit costs one row, not a rebuild.
 */
import type { QueryKey } from '@tanstack/react-query'
import type { EntityRow } from '../../../../shared/contract'
import { call } from '../../api/client'
import { keys, queryClient } from '../../api/queries'

export interface RowTransaction {
  add: EntityRow[]
  update: EntityRow[]
  remove: EntityRow[]
}

/** A mounted grid: applies a transaction and remembers `next` as the data it now shows. */
export interface TableSink {
  apply(transaction: RowTransaction, next: EntityRow[]): void
}

const sinks = new Map<string, TableSink>()

export function registerTableSink(type: string, sink: TableSink): () => void {
  sinks.set(type, sink)
  return () => {
    if (sinks.get(type) === sink) sinks.delete(type)
  }
}

function isTableKey(key: QueryKey): boolean {
  return key[0] === keys.entities[0] && key[1] === 'table'
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
  for (const [key, data] of queryClient.getQueriesData<EntityRow[]>({ queryKey: keys.entities })) {
    if (!data || !isTableKey(key)) continue
    const type = key[2]
    const fresh = new Map(rows.filter((r) => r.entity.type === type).map((r) => [r.entity.id, r]))
    const transaction: RowTransaction = { add: [], update: [], remove: [] }
    const next: EntityRow[] = []
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
        next.push(replacement)
      } else next.push(row)
    }
    for (const row of fresh.values()) {
      transaction.add.push(row)
      next.push(row)
    }
    if (!transaction.add.length && !transaction.update.length && !transaction.remove.length)
      continue
    sinks.get(String(type))?.apply(transaction, next)
    queryClient.setQueryData(key, next)
  }
  // Everything else derived from entities (counts, evidence, lists, other views) reloads.
  void queryClient.invalidateQueries({
    predicate: (query) => !isTableKey(query.queryKey) && query.queryKey[0] !== 'grid',
  })
}

/** Ids shown in a row's link columns: the rows that display this entity's name. */
export function linkedIds(row: EntityRow): string[] {
  const ids = new Set<string>()
  for (const value of Object.values(row)) {
    if (!Array.isArray(value)) continue
    for (const ref of value as { id?: unknown }[]) if (typeof ref.id === 'string') ids.add(ref.id)
  }
  return [...ids]
}
