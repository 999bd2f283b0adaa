import { describe, expect, it } from 'vitest'
import {
  entityViewHref,
  graphFocusHref,
  graphHref,
  noteHref,
  noteIdFromHash,
  parseGraphHash,
  type GraphRoute,
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
})

describe('graph links', () => {
  it('keeps an exploration in the URL and reads it back', () => {
    const route: GraphRoute = { kind: 'explore', focus: ['g-1', 'p_2'], depth: 3, expanded: ['x'] }
    expect(graphHref(route)).toBe('#/graph?focus=g-1,p_2&depth=3&expand=x')
    expect(parseGraphHash(graphHref(route))).toEqual(route)
    expect(parseGraphHash(graphFocusHref('g-1'))).toEqual({
      kind: 'explore',
      focus: ['g-1'],
      depth: 2,
      expanded: [],
    })
  })

  it('tells the whole graph from the default opening', () => {
    expect(parseGraphHash(graphHref({ kind: 'all' }))).toEqual({ kind: 'all' })
    expect(parseGraphHash('#/graph')).toEqual({ kind: 'default' })
    expect(parseGraphHash('#/groups')).toEqual({ kind: 'default' })
  })

  it('expands without a focus, and mends a depth out of range', () => {
    expect(parseGraphHash('#/graph?expand=a,a,b')).toEqual({
      kind: 'explore',
      focus: [],
      depth: 2,
      expanded: ['a', 'b'],
    })
    expect(parseGraphHash('#/graph?focus=a&depth=9')).toMatchObject({ depth: 2 })
  })
})
