/**
 * What the fuzzers check after a refused call: that the store is as it was. Serializing the
 * whole project before and after each call took 40% of the dispatch fuzz's time, so saved
 * records, which are frozen (an edit in place throws, and the fuzzers fail on the 'internal'
 * error that follows), are compared by identity, position by position; records not yet
 * frozen (made by an earlier call, their batch not yet on disk) and the small fields
 * (project meta, views) by their JSON.
 */
import { COLLECTIONS, FIELDS } from '../../src/main/core/store/collections'
import type { Workspace } from '../../src/main/core/workspace'

export interface StoreState {
  store: unknown
  revision: number | undefined
  records: readonly (readonly object[])[]
  fields: string
  /** Records not yet frozen, and their JSON then: they could be edited in place. */
  unfrozen: readonly object[]
  unfrozenJson: string
}

export function storeState(workspace: Workspace): StoreState {
  const store = workspace.isOpen ? workspace.current : null
  const data = (store?.data ?? {}) as Record<string, unknown>
  const records = COLLECTIONS.map((name) => [...((data[name] ?? []) as object[])])
  const unfrozen = records.flat().filter((record) => !Object.isFrozen(record))
  return {
    store,
    revision: store?.revision,
    records,
    fields: JSON.stringify(FIELDS.map((name) => data[name])),
    unfrozen,
    unfrozenJson: JSON.stringify(unfrozen),
  }
}

/** The first way `after` differs from `before`, or null. */
export function stateChange(before: StoreState, after: StoreState): string | null {
  if (after.store !== before.store) return 'another store is open'
  if (after.revision !== before.revision) return `revision ${before.revision} → ${after.revision}`
  for (const [at, records] of before.records.entries()) {
    const now = after.records[at] ?? []
    if (now.length !== records.length || now.some((record, i) => record !== records[i])) {
      return `${COLLECTIONS[at]} changed`
    }
  }
  if (after.fields !== before.fields) return 'a field changed'
  // The same objects as before (the batch may have frozen them since): edited in place?
  return JSON.stringify(before.unfrozen) === before.unfrozenJson
    ? null
    : 'an unsaved record changed'
}

/** An assertion for a fuzzer's hot loop: vitest's expect costs more than most dispatches. */
export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message)
}
