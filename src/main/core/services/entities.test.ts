import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProjectFile } from '../../../shared/model'
import { ProjectStore } from '../project-store'
import { openSample, type SampleSession } from '../../../../test/support/sample-dispatch'
import { mentionedEntities } from './entities'

let s: SampleSession
beforeEach(async () => {
  s = await openSample()
})
afterEach(() => s.close())

describe('entity rows', () => {
  it('computes the same row for one id as the full table does', async () => {
    const table = await s.value('entities.table', { type: 'group' })
    const nrf = table.find((r) => r.entity.id === 'grp-nrf')!
    const [row] = await s.value('entities.rows', { ids: ['grp-nrf'] })
    expect(row).toEqual(nrf)
    expect(nrf.quoteCount).toBe(3)
    expect(nrf.bestCredibility).toBe(2)
    expect(nrf.newestSourceDate).toBe('2025-05-20')
    expect(nrf.leaders).toEqual([
      {
        id: 'per-ahmad-masoud',
        name: 'Ahmad Masoud',
        relationId: 'rel-ahmad-masoud-leads-nrf',
        supported: true,
      },
    ])
  })

  it('pages through a grid in the same order as the whole table, and sees edits at once', async () => {
    const table = await s.value('entities.table', { type: 'group' })
    const first = await s.value('entities.tablePage', { type: 'group', offset: 0, limit: 4 })
    const rest = await s.value('entities.tablePage', { type: 'group', offset: 4, limit: 100 })
    expect(first.total).toBe(table.length)
    expect([...first.rows, ...rest.rows]).toEqual(table)
    // An attribute edit keeps the order and shows the new value; a rename moves the row.
    await s.value('entities.update', {
      id: 'grp-nrf',
      patch: { attributes: { phase: 'conventional-warfare' } },
    })
    const kept = await s.value('entities.tablePage', { type: 'group', offset: 0, limit: 100 })
    expect(kept.rows.map((r) => r.entity.id)).toEqual(table.map((r) => r.entity.id))
    expect(kept.rows.find((r) => r.entity.id === 'grp-nrf')!.entity.attributes.phase).toBe(
      'conventional-warfare',
    )
    await s.value('entities.update', { id: 'grp-wolf-unit', patch: { name: 'Aardvark Unit' } })
    const again = await s.value('entities.tablePage', { type: 'group', offset: 0, limit: 1 })
    expect(again.rows[0]!.entity.name).toBe('Aardvark Unit')
    const empty = await s.value('entities.tablePage', { type: 'group', offset: 500, limit: 10 })
    expect(empty).toEqual({ rows: [], total: table.length })
  })

  it('fills the link columns of people, places and communities', async () => {
    const [person, place, community] = await s.value('entities.rows', {
      ids: ['per-ahmad-masoud', 'plc-panjshir', 'com-hazara', 'no-such-id'],
    })
    expect(person!.leads.map((r) => r.name)).toEqual(['National Resistance Front'])
    expect(place!.activeGroups.map((r) => r.name)).toEqual(['National Resistance Front'])
    expect(community!.supportedGroups.map((r) => r.name)).toEqual([
      'Resistance Movement for Justice',
    ])
  })

  it('sorts rows by name regardless of case', async () => {
    for (const name of ['zeta front', 'Alpha Front', 'beta front']) {
      await s.value('entities.create', { type: 'group', name })
    }
    const names = (await s.value('entities.table', { type: 'group' })).map((r) => r.entity.name)
    expect(names.slice(0, 3)).toEqual(['Alpha Front', 'beta front', 'Free Tigers of Turkistan'])
    expect(names.at(-1)).toBe('zeta front')
  })
})

describe('entity edits', () => {
  it('refuses an unknown phase and an empty name with a typed error, leaving the store as it was', async () => {
    const before = s.snapshot()
    const phase = await s.error('entities.update', {
      id: 'grp-nrf',
      patch: { attributes: { phase: 'final-victory' } },
    })
    expect(phase.code).toBe('invalid_input')
    expect(phase.message).toMatch(/^This entity was not saved: attributes\.phase: /)
    expect(phase.issues?.[0]?.path).toBe('attributes.phase')
    const name = await s.error('entities.update', { id: 'grp-nrf', patch: { name: '  ' } })
    expect(name.message).toBe('This entity was not saved: name: a name is required.')
    const alias = await s.error('entities.update', { id: 'grp-nrf', patch: { aliases: [''] } })
    expect(alias.code).toBe('invalid_input')
    expect(s.snapshot()).toBe(before)
  })

  it('names what depends on an entity before it is deleted', async () => {
    const [nrf] = await s.value('entities.dependents', { ids: ['grp-nrf'] })
    expect(nrf!.entity).toEqual({ id: 'grp-nrf', name: 'National Resistance Front' })
    expect(nrf!.relations).toContainEqual({
      id: 'rel-ahmad-masoud-leads-nrf',
      type: 'leads',
      direction: 'in',
      other: { id: 'per-ahmad-masoud', name: 'Ahmad Masoud' },
    })
    expect(nrf!.relations).toHaveLength(5)
    expect(nrf!.annotations.map((a) => a.id).sort()).toEqual([
      'ann-nrf-guerrilla',
      'ann-nrf-leader',
      'ann-nrf-panjshir',
    ])
    expect(nrf!.annotations[0]!.sourceTitle).toMatch(/analyst brief/)
    expect(nrf!.notes.map((n) => n.title)).toEqual([
      'The armed opposition at a glance',
      'Where the groups stand on Mao’s three stages',
    ])
    expect((await s.error('entities.dependents', { ids: ['grp-nrf', 'nope'] })).code).toBe(
      'not_found',
    )
  })

  it('deletes several entities at once and restores them exactly (undo), on disk too', async () => {
    const before = JSON.parse(s.snapshot()) as ProjectFile
    const { removed } = await s.value('entities.deleteMany', {
      ids: ['grp-nrf', 'per-ahmad-masoud'],
    })
    expect(removed.map((r) => r.entity.id)).toEqual(['grp-nrf', 'per-ahmad-masoud'])
    // The relation between the two is kept once, with the first entity that held it.
    const relationIds = removed.flatMap((r) => r.relations.map((x) => x.id))
    expect(new Set(relationIds).size).toBe(relationIds.length)
    expect(relationIds).toContain('rel-ahmad-masoud-leads-nrf')
    expect(s.workspace.current.data.relations.some((r) => r.from === 'grp-nrf')).toBe(false)

    const restored = await s.value('entities.restore', { snapshots: removed })
    expect(restored.map((e) => e.id)).toEqual(['grp-nrf', 'per-ahmad-masoud'])
    const after = s.workspace.current.data
    const sortById = <T extends { id: string }>(list: readonly T[]) =>
      [...list].sort((a, b) => a.id.localeCompare(b.id))
    expect(sortById(after.entities)).toEqual(sortById(before.entities))
    expect(sortById(after.relations)).toEqual(sortById(before.relations))
    expect(after.annotations.map((a) => [a.id, [...a.entityIds].sort()])).toEqual(
      before.annotations.map((a) => [a.id, [...a.entityIds].sort()]),
    )
    await s.workspace.current.flush()
    const reopened = await ProjectStore.open(s.workspace.current.folder)
    expect(reopened.data.entities).toHaveLength(before.entities.length)

    const again = await s.error('entities.restore', { snapshots: removed })
    expect(again.code).toBe('conflict')
  })

  it('deletes nothing when one of the ids does not exist', async () => {
    const before = s.snapshot()
    expect((await s.error('entities.deleteMany', { ids: ['grp-nrf', 'grp-none'] })).code).toBe(
      'not_found',
    )
    expect(s.snapshot()).toBe(before)
  })

  it('restores relations without quotes that were deleted meanwhile, and refuses a restore whose partner is gone', async () => {
    const { removed: wolf } = await s.value('entities.deleteMany', { ids: ['grp-wolf-unit'] })
    const { removed: taliban } = await s.value('entities.deleteMany', { ids: ['grp-taliban'] })
    const refused = await s.error('entities.restore', { snapshots: wolf })
    expect(refused.code).toBe('conflict')
    expect(refused.message).toMatch(/Wolf Unit/)
    await s.value('entities.restore', { snapshots: [...taliban, ...wolf] })
    const rows = await s.value('entities.rows', { ids: ['grp-wolf-unit'] })
    expect(rows[0]!.quoteCount).toBe(1)
  })
})

describe('mentions', () => {
  it('finds entity links in Markdown and nothing else', () => {
    expect([
      ...mentionedEntities('[NRF](entity:grp-nrf) and [q](quote:ann-1) [x]( entity:per-a "t")'),
    ]).toEqual(['grp-nrf', 'per-a'])
  })
})
