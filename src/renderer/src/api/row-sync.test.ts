import { afterEach, describe, expect, it, vi } from 'vitest'
import type { EntityRow } from '../../../shared/contract'
import { call } from './client'
import { entityKeys, updateEntity } from './entities'
import { evidenceKeys } from './evidence'
import { queryClient } from './query-client'
import { applyRows, beginTableLoad, registerTableSink, type RowTransaction } from './row-sync'

vi.mock('./client', () => ({ call: vi.fn() }))
const mockedCall = vi.mocked(call)

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
    groupsInvolved: [],
    peopleInvolved: [],
    eventPlaces: [],
    quoteCount: 0,
  }
}

const ids = (rows: readonly EntityRow[] | undefined) => rows?.map((r) => r.entity.name)

afterEach(() => {
  queryClient.clear()
  mockedCall.mockReset()
})

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

describe('entity edits', () => {
  const front = row('g1', 'Front')
  const leader = row('p1', 'Massoud', 'person')
  const leaderLink = { id: 'p1', name: 'Massoud', relationId: 'r1', supported: true }
  const frontLink = { id: 'g1', name: 'Front', relationId: 'r1', supported: true }
  const loadTables = () => {
    queryClient.setQueryData(entityKeys.table('group'), [{ ...front, leaders: [leaderLink] }])
    queryClient.setQueryData(entityKeys.table('person'), [{ ...leader, leads: [frontLink] }])
    queryClient.setQueryData(evidenceKeys.entity('g1'), { loaded: true })
  }

  it('patch the cached row of an edit that keeps the name, without a round trip', async () => {
    loadTables()
    const described = { ...front.entity, description: 'An armed front' }
    mockedCall.mockResolvedValueOnce(described)

    await updateEntity(front.entity, { description: 'An armed front' })

    expect(mockedCall.mock.calls.map(([method]) => method)).toEqual(['entities.update'])
    const [cached] = queryClient.getQueryData<EntityRow[]>(entityKeys.table('group'))!
    expect(cached!.entity.description).toBe('An armed front')
    expect(cached!.leaders).toEqual([leaderLink])
    expect(queryClient.getQueryState(evidenceKeys.entity('g1'))?.isInvalidated).toBe(true)
  })

  it('after a rename refresh the rows that show the name, in every loaded table', async () => {
    loadTables()
    const renamed = { ...front.entity, name: 'National Front' }
    const renamedLink = { ...frontLink, name: 'National Front' }
    const fresh = [
      { ...front, entity: renamed, leaders: [leaderLink] },
      { ...leader, leads: [renamedLink] },
    ]
    mockedCall.mockImplementation(async (method, input) => {
      if (method === 'entities.update') return renamed
      return fresh.filter((r) => (input as { ids: string[] }).ids.includes(r.entity.id))
    })

    await updateEntity(front.entity, { name: 'National Front' })

    expect(mockedCall).toHaveBeenLastCalledWith('entities.rows', { ids: ['g1', 'p1'] })
    expect(ids(queryClient.getQueryData(entityKeys.table('group')))).toEqual(['National Front'])
    const [person] = queryClient.getQueryData<EntityRow[]>(entityKeys.table('person'))!
    expect(person!.leads).toEqual([renamedLink])
  })
})
