import { describe, expect, it } from 'vitest'
import { notesToOffer, RECENT_NOTES } from './notes-to-offer'

const note = (id: string, title: string, updatedAt: string) => ({ id, title, updatedAt })
const NOTES = [
  note('n1', 'Oldest', '2025-01-01T00:00:00.000Z'),
  note('n2', 'Newest', '2025-06-01T00:00:00.000Z'),
  note('n3', 'Middle', '2025-03-01T00:00:00.000Z'),
  ...Array.from({ length: 6 }, (_, i) =>
    note(`x${i}`, `Draft ${i}`, `2024-0${i + 1}-01T00:00:00.000Z`),
  ),
]

describe('notesToOffer', () => {
  it('offers the open note first, then the most recently changed, a handful only', () => {
    const offered = notesToOffer(NOTES, 'n1', '')
    expect(offered.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'x5', 'x4'])
    expect(offered).toHaveLength(RECENT_NOTES)
  })

  it('offers the newest first when no note is open', () => {
    expect(notesToOffer(NOTES, null, '')[0]!.id).toBe('n2')
  })

  it('searches every note by title, whatever its age', () => {
    expect(notesToOffer(NOTES, 'n2', ' draft 0').map((n) => n.id)).toEqual(['x0'])
  })
})
