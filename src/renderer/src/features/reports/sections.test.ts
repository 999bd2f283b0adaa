import { describe, expect, it } from 'vitest'
import { defaultReportColumns, type ReportChoices } from '../../../../shared/contract'
import type { ReportSection } from '../../../../shared/model'
import { moveSection, newSection } from './sections'

const CHOICES: ReportChoices = {
  notes: [
    { id: 'note-1', title: 'Brief', citations: 2 },
    { id: 'note-2', title: 'Annex', citations: 0 },
  ],
  quotes: [],
  entityTypes: [
    { type: 'person', count: 3 },
    { type: 'group', count: 5 },
  ],
  graphImage: false,
  analyses: [{ id: 'analysis-1', question: 'Which stage?' }],
}

describe('newSection', () => {
  it('starts each kind showing something, with an id of its own', () => {
    const note = newSection('note', CHOICES)
    expect(note).toMatchObject({ kind: 'note', noteId: 'note-1' })
    expect(newSection('entity-table', CHOICES)).toMatchObject({
      kind: 'entity-table',
      entityType: 'group',
      columns: defaultReportColumns('group'),
    })
    expect(newSection('graph', CHOICES)).toEqual({ id: expect.any(String), kind: 'graph' })
    expect(newSection('quotes', CHOICES)).toMatchObject({ kind: 'quotes', annotationIds: [] })
    expect(newSection('graph', CHOICES).id).not.toBe(note.id)
  })

  it('starts an analysis section on the first analysis, or on none', () => {
    expect(newSection('analysis', CHOICES)).toMatchObject({
      kind: 'analysis',
      analysisId: 'analysis-1',
    })
    expect(newSection('analysis', undefined)).toMatchObject({ analysisId: 'none' })
  })

  it('points a note section at no note while the choices are loading or there are none', () => {
    expect(newSection('note', undefined)).toMatchObject({ noteId: 'none' })
    expect(newSection('note', { ...CHOICES, notes: [] })).toMatchObject({ noteId: 'none' })
  })
})

describe('moveSection', () => {
  const sections: ReportSection[] = [
    { id: 'a', kind: 'graph' },
    { id: 'b', kind: 'quotes', annotationIds: [] },
    { id: 'c', kind: 'note', noteId: 'note-1' },
  ]
  const ids = (list: readonly ReportSection[]) => list.map((s) => s.id)

  it('swaps a section with its neighbour, leaving the input as it was', () => {
    expect(ids(moveSection(sections, 1, -1))).toEqual(['b', 'a', 'c'])
    expect(ids(moveSection(sections, 1, 1))).toEqual(['a', 'c', 'b'])
    expect(ids(sections)).toEqual(['a', 'b', 'c'])
  })

  it('returns the same array when the section is already at that end', () => {
    expect(moveSection(sections, 0, -1)).toBe(sections)
    expect(moveSection(sections, 2, 1)).toBe(sections)
  })
})
