import { describe, expect, it } from 'vitest'
import { Entity, Relation } from './model'

const base = {
  id: 'e1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

describe('Entity', () => {
  it('accepts typed attributes of its own type and free extension attributes', () => {
    const group = Entity.safeParse({
      ...base,
      type: 'group',
      name: 'National Resistance Front',
      aliases: ['NRF'],
      description: '',
      attributes: {
        acronym: 'NRF',
        phase: 'guerrilla-warfare',
        status: 'active',
        foundedIn: 'Panjshir',
      },
    })
    expect(group.success).toBe(true)
  })

  it("refuses another type's attribute and an unknown phase", () => {
    const person = Entity.safeParse({
      ...base,
      type: 'person',
      name: 'Ahmad Masoud',
      aliases: [],
      description: '',
      attributes: { phase: 'guerrilla-warfare' },
    })
    expect(person.success).toBe(false)
    expect(person.error?.issues[0]?.message).toMatch(/attribute of a group/)
    const group = Entity.safeParse({
      ...base,
      type: 'group',
      name: 'X',
      aliases: [],
      description: '',
      attributes: { phase: 'victory' },
    })
    expect(group.success).toBe(false)
  })

  it('refuses an empty name', () => {
    expect(
      Entity.safeParse({
        ...base,
        type: 'group',
        name: '  ',
        aliases: [],
        description: '',
        attributes: {},
      }).success,
    ).toBe(false)
  })
})

describe('Relation', () => {
  it('refuses a relation from an entity to itself', () => {
    const result = Relation.safeParse({
      ...base,
      type: 'allied-with',
      from: 'a',
      to: 'a',
      evidence: [],
      confidence: 'low',
      comment: '',
    })
    expect(result.success).toBe(false)
  })
})
