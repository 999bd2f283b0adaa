import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSample, type SampleSession } from '../../../../test/support/sample-dispatch'

let s: SampleSession
beforeEach(async () => {
  s = await openSample()
})
afterEach(() => s.close())

const groupRow = async (id: string) => (await s.value('entities.rows', { ids: [id] }))[0]!

describe('relations', () => {
  it('creates a leader link that shows in the group row and its person row', async () => {
    const relation = await s.value('relations.create', {
      type: 'leads',
      from: 'per-ahmad-shah-masoud',
      to: 'grp-nrf',
    })
    expect(relation).toMatchObject({ evidence: [], confidence: 'medium', comment: '' })
    const nrf = await groupRow('grp-nrf')
    expect(nrf.leaders.map((l) => l.name)).toEqual(['Ahmad Masoud', 'Ahmad Shah Masoud'])
    const link = nrf.leaders.find((l) => l.id === 'per-ahmad-shah-masoud')!
    expect(link).toEqual({
      id: 'per-ahmad-shah-masoud',
      name: 'Ahmad Shah Masoud',
      relationId: relation.id,
      supported: false,
    })
    const person = await groupRow('per-ahmad-shah-masoud')
    expect(person.leads.map((l) => l.name)).toEqual(['National Resistance Front'])
    expect((await s.value('relations.list', { entityId: 'grp-nrf' })).map((r) => r.id)).toContain(
      relation.id,
    )
  })

  it('refuses duplicates, also the other way round for symmetric types, and changes nothing', async () => {
    await s.value('relations.create', { type: 'allied-with', from: 'grp-nrf', to: 'grp-nff' })
    const before = s.snapshot()
    const same = await s.error('relations.create', {
      type: 'leads',
      from: 'per-ahmad-masoud',
      to: 'grp-nrf',
    })
    expect(same.code).toBe('conflict')
    expect(same.message).toBe(
      'The project already records that Ahmad Masoud leads National Resistance Front.',
    )
    const reversed = await s.error('relations.create', {
      type: 'allied-with',
      from: 'grp-nff',
      to: 'grp-nrf',
    })
    expect(reversed.message).toMatch(/National Resistance Front is allied with National Freedom/)
    // A directed type the other way round is a different claim.
    await s.value('relations.create', { type: 'opposes', from: 'grp-taliban', to: 'grp-nrf' })
    expect(s.snapshot()).not.toBe(before)
  })

  it('refuses unknown ends, unknown quotes, self links, reversed dates and bad types', async () => {
    const before = s.snapshot()
    const cases: [unknown, string, RegExp][] = [
      [{ type: 'leads', from: 'per-nobody', to: 'grp-nrf' }, 'not_found', /per-nobody/],
      [
        { type: 'leads', from: 'per-ahmad-shah-masoud', to: 'grp-nrf', evidence: ['ann-none'] },
        'not_found',
        /annotation.*ann-none/,
      ],
      [{ type: 'leads', from: 'grp-nrf', to: 'grp-nrf' }, 'invalid_input', /two different/],
      [
        {
          type: 'operates-in',
          from: 'grp-nrf',
          to: 'plc-ghazni',
          validFrom: '2024-01-01',
          validTo: '2023-01-01',
        },
        'invalid_input',
        /cannot end \(2023-01-01\) before it starts/,
      ],
      [{ type: 'commands', from: 'grp-nrf', to: 'plc-ghazni' }, 'invalid_input', /type/],
      [
        { id: 'grp-nff', type: 'leads', from: 'per-ahmad-shah-masoud', to: 'grp-nrf' },
        'conflict',
        /grp-nff/,
      ],
    ]
    for (const [input, code, message] of cases) {
      const error = await s.error('relations.create', input)
      expect(error.code, JSON.stringify(input)).toBe(code)
      expect(error.message).toMatch(message)
    }
    expect(s.snapshot()).toBe(before)
  })

  it('updates evidence and dates, clears a date with null, and checks the result', async () => {
    const r = await s.value('relations.update', {
      id: 'rel-rmj-operates-in-ghazni',
      patch: {
        validFrom: '2022-03-01',
        confidence: 'high',
        evidence: ['ann-rmj-provinces', 'ann-rmj-hazara'],
      },
    })
    expect(r).toMatchObject({ validFrom: '2022-03-01', confidence: 'high' })
    const cleared = await s.value('relations.update', {
      id: r.id,
      patch: { validFrom: null },
    })
    expect(cleared.validFrom).toBeUndefined()
    const extra = await s.value('relations.create', {
      type: 'related-to',
      from: 'grp-nrf',
      to: 'grp-taliban',
    })
    const before = s.snapshot()
    expect(
      (await s.error('relations.update', { id: r.id, patch: { evidence: ['nope'] } })).code,
    ).toBe('not_found')
    expect(
      (
        await s.error('relations.update', {
          id: 'rel-rmj-operates-in-ghazni',
          patch: { type: 'operates-in', comment: 1 },
        })
      ).code,
    ).toBe('invalid_input')
    // Turning a link into a duplicate of another is refused too.
    expect(
      (await s.error('relations.update', { id: extra.id, patch: { type: 'opposes' } })).code,
    ).toBe('conflict')
    expect(s.snapshot()).toBe(before)
  })

  it('deletes a relation and puts it back under the same id (undo)', async () => {
    const removed = await s.value('relations.delete', { id: 'rel-ahmad-masoud-leads-nrf' })
    expect((await groupRow('grp-nrf')).leaders).toEqual([])
    const { createdAt: _c, updatedAt: _u, ...draft } = removed
    const restored = await s.value('relations.create', draft)
    expect(restored).toMatchObject({ id: removed.id, evidence: removed.evidence })
    expect((await groupRow('grp-nrf')).leaders).toEqual([
      {
        id: 'per-ahmad-masoud',
        name: 'Ahmad Masoud',
        relationId: 'rel-ahmad-masoud-leads-nrf',
        supported: true,
      },
    ])
    expect((await s.error('relations.delete', { id: 'rel-none' })).code).toBe('not_found')
  })
})
