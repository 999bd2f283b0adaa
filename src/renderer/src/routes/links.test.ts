import { describe, expect, it } from 'vitest'
import {
  analysisHref,
  analysisIdFromHash,
  entityViewHref,
  noteHref,
  noteIdFromHash,
  parseReaderHash,
  readerHref,
  readerRangeHref,
} from './links'

describe('links between views', () => {
  it('builds and reads reader links', () => {
    expect(readerHref('src-1')).toBe('#/sources/src-1')
    expect(parseReaderHash(readerHref('src-1', 'ann-2'))).toEqual({
      sourceId: 'src-1',
      annotationId: 'ann-2',
      range: null,
    })
    expect(parseReaderHash(readerRangeHref('s', 4, 9)).range).toEqual({ start: 4, end: 9 })
    expect(parseReaderHash('#/sources').sourceId).toBeNull()
  })

  it('links to the reader at one annotation', () => {
    expect(readerHref('src-brief', 'ann-nrf-leader')).toBe('#/sources/src-brief?a=ann-nrf-leader')
  })

  it('builds and reads note links, whatever the id holds', () => {
    expect(noteIdFromHash(noteHref('note/1 ä'))).toBe('note/1 ä')
    expect(noteIdFromHash('#/notes')).toBeNull()
    expect(noteIdFromHash('#/notes/%E0%A4%A')).toBeNull()
  })

  it('opens an entity in the grid of its type, groups for types without one', () => {
    expect(entityViewHref('per 1', 'person')).toBe('#/people?e=per%201')
    expect(entityViewHref('x', 'vessel')).toBe('#/groups?e=x')
  })

  it('builds and reads analysis links', () => {
    expect(analysisHref('a b')).toBe('#/analyses/a%20b')
    expect(analysisIdFromHash(analysisHref('a/1 ä'))).toBe('a/1 ä')
    expect(analysisIdFromHash('#/analyses')).toBeNull()
    expect(analysisIdFromHash('#/notes/x')).toBeNull()
  })
})
