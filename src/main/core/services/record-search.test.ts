import { describe, expect, it } from 'vitest'
import type { ProjectFile } from '../../../shared/model'
import { RecordIndex, typoCost, type IndexedProject } from './record-search'

function entity(id: string, name: string, aliases: string[] = [], acronym?: string) {
  return {
    id,
    type: 'group',
    name,
    aliases,
    attributes: acronym ? { acronym } : {},
  }
}

/** A project in memory whose revision moves when the test edits it. */
function project(
  data: Partial<ProjectFile>,
): IndexedProject & { data: ProjectFile; revision: number } {
  return {
    revision: 1,
    data: { entities: [], sources: [], notes: [], analyses: [], ...data } as unknown as ProjectFile,
  }
}

const GROUPS = [
  entity('grp-nff', 'National Freedom Front', ['Jabhe-ye Azadi'], 'NFF'),
  entity('grp-nrf', 'National Resistance Front', [], 'NRF'),
  entity('grp-free', 'Freedom Council of Panjshir'),
]

async function titles(p: IndexedProject, q: string): Promise<string[]> {
  const index = new RecordIndex(p)
  await index.sync()
  return index.query(q, 10).records.map((r) => r.title)
}

describe('records by name for the palette', () => {
  it('finds a name by the beginnings of its words, as typed', async () => {
    const p = project({ entities: GROUPS as never })
    expect(await titles(p, 'nat fre')).toEqual(['National Freedom Front'])
    expect(await titles(p, 'front')).toEqual(
      expect.arrayContaining(['National Freedom Front', 'National Resistance Front']),
    )
  })

  it('forgives a typo by reading the word as the nearest one the names hold', async () => {
    const p = project({ entities: GROUPS as never })
    expect((await titles(p, 'freedom frnt'))[0]).toBe('National Freedom Front')
    expect((await titles(p, 'natonal fredom'))[0]).toBe('National Freedom Front')
    // Too far from any word: nothing rather than a guess.
    expect(await titles(p, 'xqzvbw')).toEqual([])
  })

  it('puts a whole name, alias or acronym first', async () => {
    const p = project({ entities: GROUPS as never })
    expect((await titles(p, 'NFF'))[0]).toBe('National Freedom Front')
    expect((await titles(p, 'freedom'))[0]).toBe('Freedom Council of Panjshir')
  })

  it('lists sources, notes and analyses with their kind, and follows edits', async () => {
    const p = project({
      entities: GROUPS as never,
      sources: [
        { id: 'src-1', title: 'Armed opposition: an analyst brief', publisher: 'Desk' },
      ] as never,
      notes: [{ id: 'note-1', title: 'Weighing the NFF’s 70% claim' }] as never,
      analyses: [{ id: 'ach-1', question: 'Who controls the valley?' }] as never,
    })
    const index = new RecordIndex(p)
    await index.sync()
    expect(index.query('analyst brief', 5).records).toEqual([
      { kind: 'source', id: 'src-1', title: 'Armed opposition: an analyst brief', detail: 'Desk' },
    ])
    expect(index.query('70% claim', 5).records.map((r) => r.id)).toEqual(['note-1'])
    expect(index.query('valley', 5).records.map((r) => r.kind)).toEqual(['analysis'])

    p.data = { ...p.data, notes: [{ id: 'note-1', title: 'Recruitment figures' }] } as never
    p.revision++
    await index.sync()
    expect(index.query('70% claim', 5).records).toEqual([])
    expect(index.query('recruitment', 5).records.map((r) => r.id)).toEqual(['note-1'])
  })

  it('reads again only the records an edit replaced, and every record not yet frozen', async () => {
    let reads = 0
    const counted = (id: string, name: string) => {
      const record = entity(id, 'unused')
      Object.defineProperty(record, 'name', {
        get: () => {
          reads++
          return name
        },
        enumerable: true,
      })
      return Object.freeze(record)
    }
    const loose = entity('grp-loose', 'Valley Council')
    const p = project({ entities: [counted('grp-a', 'Northern Alliance'), loose] as never })
    const index = new RecordIndex(p)
    await index.sync()
    const readsAfterBuild = reads
    expect(readsAfterBuild).toBeGreaterThan(0)

    // An edit in place of a record the store has not frozen yet is still seen.
    loose.name = 'Mountain Council'
    p.data = { ...p.data, entities: [p.data.entities[0]!, loose] } as never
    p.revision++
    await index.sync()
    expect(reads).toBe(readsAfterBuild)
    expect(index.query('mountain', 5).records.map((r) => r.id)).toEqual(['grp-loose'])
    expect(index.query('northern', 5).records.map((r) => r.id)).toEqual(['grp-a'])

    // A frozen record replaced by an edit is read again.
    p.data = { ...p.data, entities: [counted('grp-a', 'Kandahar Shura'), loose] } as never
    p.revision++
    await index.sync()
    expect(reads).toBeGreaterThan(readsAfterBuild)
    expect(index.query('northern', 5).records).toEqual([])
    expect(index.query('kandahar', 5).records.map((r) => r.id)).toEqual(['grp-a'])
  })
})

describe('typo cost', () => {
  it('counts edits to the word or to a beginning of it, within the allowance', () => {
    expect(typoCost('frnt', 'frunt', 1)).toBe(1)
    expect(typoCost('natunal', 'natiunal', 1)).toBe(1)
    // A beginning costs half an edit more than the whole word.
    expect(typoCost('natina', 'natiunal', 1)).toBe(1.5)
    expect(typoCost('abcd', 'wxyz', 1)).toBeNull()
  })
})
