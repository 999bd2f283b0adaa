import { afterEach, describe, expect, it } from 'vitest'
import type { EntityRow } from '../../../shared/contract'
import { entityKeys } from './entities'
import { queryClient } from './queryClient'
import { applyRows, beginTableLoad, registerTableSink, type RowTransaction } from './rowSync'

function row(id: string, name = id, type = 'group'): EntityRow {
  const stamp = '2025-06-01T09:00:00.000Z'
  return {
    entity: {
      id,
      type,
      name,
      aliases: [],
      description: '',
      attributes: {},
      createdAt: stamp,
      updatedAt: stamp,
    },
    leaders: [],
    areas: [],
    ethnicBase: [],
    allies: [],
    rivals: [],
    leads: [],
    memberOf: [],
    activeGroups: [],
    supportedGroups: [],
    quoteCount: 0,
  }
}

const ids = (rows: readonly EntityRow[] | undefined) => rows?.map((r) => r.entity.name)

afterEach(() => queryClient.clear())

describe('row sync', () => {
  it('turns fresh rows into one transaction for the grid on screen and updates the cache', () => {
    queryClient.setQueryData(entityKeys.table('group'), [row('a'), row('b'), row('c')])
    queryClient.setQueryData(entityKeys.table('person'), [row('p', 'p', 'person')])
    const seen: RowTransaction[] = []
    const stop = registerTableSink('group', { apply: (tx) => seen.push(tx) })

    applyRows([row('b', 'b2'), row('d'), row('p', 'p2', 'person')], ['c'])
    stop()

    expect(seen).toHaveLength(1)
    expect(ids(seen[0]!.update)).toEqual(['b2'])
    expect(ids(seen[0]!.add)).toEqual(['d'])
    expect(ids(seen[0]!.remove)).toEqual(['c'])
    expect(ids(queryClient.getQueryData(entityKeys.table('group')))).toEqual(['a', 'b2', 'd'])
    expect(ids(queryClient.getQueryData(entityKeys.table('person')))).toEqual(['p2'])
  })

  it('keeps edits made while a table loads from being undone by later pages', () => {
    const load = beginTableLoad('group')
    applyRows([row('b', 'b-edited'), row('z', 'new')], ['c'])
    expect(ids(load.reconcile([row('a'), row('b'), row('c')]))).toEqual(['a', 'b-edited'])
    expect(ids(load.finish([row('a'), row('b'), row('c'), row('e')]))).toEqual([
      'a',
      'b-edited',
      'e',
      'new',
    ])
    // Once finished, later edits are no longer replayed into loads.
    applyRows([row('a', 'a2')])
    expect(ids(beginTableLoad('group').finish([row('a')]))).toEqual(['a'])
  })
})
