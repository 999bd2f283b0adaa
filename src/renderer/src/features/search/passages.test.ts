import { describe, expect, it } from 'vitest'
import type { SearchHit } from '../../../../shared/contract'
import { onePerPassage } from './passages'

const hit = (patch: Partial<SearchHit>): SearchHit => ({
  kind: 'text',
  sourceId: 's1',
  sourceTitle: 'Brief',
  snippet: { before: '', match: 'NFF', after: '' },
  ...patch,
})

describe('onePerPassage', () => {
  it('lists a passage once when two quotes and the text all point at it', () => {
    const hits = [
      hit({ kind: 'quote', annotationId: 'a1', start: 100, end: 180 }),
      hit({ kind: 'quote', annotationId: 'a2', start: 120, end: 160 }),
      hit({ kind: 'text', start: 130, end: 133 }),
    ]
    expect(onePerPassage(hits)).toEqual([hits[0]])
  })

  it('keeps passages elsewhere in the source, in other sources, and titles', () => {
    const hits = [
      hit({ kind: 'quote', annotationId: 'a1', start: 100, end: 180 }),
      hit({ kind: 'text', start: 400, end: 403 }),
      hit({ kind: 'text', sourceId: 's2', start: 130, end: 133 }),
      hit({ kind: 'title', start: undefined, end: undefined }),
    ]
    expect(onePerPassage(hits)).toEqual(hits)
  })

  it('drops a second hit of the same annotation or title', () => {
    const quote = hit({ kind: 'quote', annotationId: 'a1', start: 10, end: 20 })
    const title = hit({ kind: 'title' })
    expect(onePerPassage([quote, { ...quote, kind: 'comment' }, title, title])).toEqual([
      quote,
      title,
    ])
  })
})
