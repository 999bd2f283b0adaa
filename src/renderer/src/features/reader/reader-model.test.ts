import { describe, expect, it } from 'vitest'
import type { Annotation, SourceRecord } from '../../../../shared/model'
import { commandForKey } from '../../ui/commands'
import type { FocusedElement } from '../../ui/keys'
import {
  annotateCommands,
  describeReanchor,
  initialScroll,
  nextScroll,
  pageLabel,
  placedAnnotations,
  readerHighlights,
  revealOffset,
  SEARCH_HIT_ID,
  SUGGESTION_ID,
  selectedPassage,
  sourceMetaLine,
} from './reader-model'

const STAMP = '2024-01-01T00:00:00.000Z'

function annotation(
  id: string,
  start: number,
  end: number,
  overrides: Partial<Pick<Annotation, 'kind' | 'anchor'>> = {},
): Annotation {
  return {
    id,
    createdAt: STAMP,
    updatedAt: STAMP,
    sourceId: 's1',
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end },
    },
    comment: '',
    kind: overrides.kind ?? 'claim',
    credibility: 2,
    entityIds: [],
    tags: [],
    anchor: overrides.anchor ?? { state: 'exact' },
  }
}

const source: SourceRecord = {
  id: 's1',
  createdAt: STAMP,
  updatedAt: STAMP,
  title: 'Field report',
  kind: 'report',
  reliability: 'B',
  contentHash: 'a'.repeat(64),
  length: 100,
  origin: { fileName: 'report.txt', format: 'txt' },
}

describe('placedAnnotations', () => {
  it('keeps the annotations that fit the text, in text order, and leaves its input alone', () => {
    const input = [
      annotation('late', 40, 50),
      annotation('lost', 0, 5, { anchor: { state: 'orphaned' } }),
      annotation('past-end', 90, 120),
      annotation('early', 2, 8, { anchor: { state: 'fuzzy', score: 0.8 } }),
      annotation('at-end', 95, 100),
    ]
    expect(placedAnnotations(input, 100).map((a) => a.id)).toEqual(['early', 'late', 'at-end'])
    expect(input.map((a) => a.id)).toEqual(['late', 'lost', 'past-end', 'early', 'at-end'])
  })
})

describe('readerHighlights', () => {
  const placed = [annotation('a1', 2, 8, { kind: 'fact', anchor: { state: 'moved' } })]

  it('draws each annotation with its kind and anchor state', () => {
    expect(readerHighlights(placed, null, 100)).toEqual([
      { id: 'a1', start: 2, end: 8, className: 'hl-fact anchor-moved' },
    ])
  })

  it('marks each annotation with its full grade when the source reliability is known', () => {
    expect(readerHighlights(placed, null, 100, null, 'B')[0]?.grade).toBe(
      `B${placed[0]!.credibility}`,
    )
  })

  it('adds the search hit when it is a range inside the text', () => {
    expect(readerHighlights(placed, { start: 10, end: 20 }, 100).at(-1)).toEqual({
      id: SEARCH_HIT_ID,
      start: 10,
      end: 20,
      className: 'search-hit',
    })
    expect(readerHighlights(placed, { start: 20, end: 20 }, 100)).toHaveLength(1)
    expect(readerHighlights(placed, { start: 90, end: 101 }, 100)).toHaveLength(1)
  })

  it('adds the sentence of the suggestion shown, and reveals where it starts', () => {
    const sentence = { start: 30, end: 60 }
    expect(readerHighlights(placed, null, 100, sentence).at(-1)).toEqual({
      id: SUGGESTION_ID,
      ...sentence,
      className: 'suggestion-hit',
    })
    expect(readerHighlights(placed, null, 50, sentence)).toHaveLength(1)
    expect(revealOffset({ id: SUGGESTION_ID, nonce: 2 }, null, new Map(), sentence)).toBe(30)
  })
})

describe('scroll requests', () => {
  it('start at the link’s annotation, else its search hit, else nowhere', () => {
    const range = { start: 3, end: 9 }
    expect(initialScroll({ annotationId: 'a1', range })).toEqual({ id: 'a1', nonce: 0 })
    expect(initialScroll({ annotationId: null, range })).toEqual({ id: SEARCH_HIT_ID, nonce: 0 })
    expect(initialScroll({ annotationId: null, range: null })).toBeNull()
  })

  it('are new each time, even for the same annotation', () => {
    const first = nextScroll(null, 'a1')
    const again = nextScroll(first, 'a1')
    expect(first.id).toBe('a1')
    expect(again.id).toBe('a1')
    expect(again.nonce).not.toBe(first.nonce)
  })

  it('reveal where their highlight starts', () => {
    const byId = new Map([['a1', annotation('a1', 42, 50)]])
    const range = { start: 7, end: 9 }
    expect(revealOffset(null, range, byId)).toBeNull()
    expect(revealOffset({ id: 'a1', nonce: 1 }, range, byId)).toBe(42)
    expect(revealOffset({ id: SEARCH_HIT_ID, nonce: 0 }, range, byId)).toBe(7)
    expect(revealOffset({ id: SEARCH_HIT_ID, nonce: 0 }, null, byId)).toBeNull()
    expect(revealOffset({ id: 'gone', nonce: 2 }, range, byId)).toBeNull()
  })
})

describe('labels', () => {
  it('name the page of an offset only in a paged source', () => {
    expect(pageLabel(50, undefined)).toBe('')
    expect(pageLabel(50, [])).toBe('')
    expect(pageLabel(50, [0, 40, 80])).toBe('p. 2')
  })

  it('print the source’s details that are set, with the reliability in words', () => {
    expect(sourceMetaLine(source)).toBe('reliability B (Usually reliable)')
    expect(
      sourceMetaLine({
        ...source,
        publisher: 'Wire',
        publishedAt: '2024-03-01',
        url: 'https://x.org/',
      }),
    ).toBe('Wire · 2024-03-01 · reliability B (Usually reliable) · https://x.org/')
  })

  it('count what a re-anchoring kept and what it sent to review', () => {
    const none = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 }
    expect(describeReanchor(none)).toBe('There were no annotations to re-anchor.')
    expect(describeReanchor({ ...none, moved: 1 })).toBe('1 annotation kept its place.')
    expect(describeReanchor({ exact: 2, moved: 1, fuzzy: 1, orphaned: 0 })).toBe(
      '3 annotations kept their place; 1 needs review.',
    )
    expect(describeReanchor({ ...none, fuzzy: 1, orphaned: 1 })).toBe(
      '0 annotations kept their place; 2 need review.',
    )
  })
})

describe('selectedPassage', () => {
  const text = 'One.  Two words here.\n Three.'

  it('is the text between the offsets in either order, without the space around it', () => {
    const passage = { start: 6, end: 21, exact: 'Two words here.' }
    expect(selectedPassage(text, 4, 22)).toEqual(passage)
    expect(selectedPassage(text, 22, 4)).toEqual(passage)
  })

  it('is nothing when only space is selected', () => {
    expect(selectedPassage(text, 4, 6)).toBeNull()
    expect(selectedPassage(text, 9, 9)).toBeNull()
  })
})

/**
 * What a key press over the reader does through the registry's handler: the grade `act` was
 * called with ("none" for a plain annotate), or null when the key ran nothing.
 */
function pressed(
  press: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; code?: string },
  focused: FocusedElement | null,
  editorOpen: boolean,
  { reselecting = false, hasSelection = true } = {},
): number | 'none' | null {
  let ran: number | 'none' | null = null
  const commands = annotateCommands({
    hasSelection,
    editorOpen,
    reselecting,
    act: (grade) => {
      ran = grade ?? 'none'
    },
  })
  commandForKey(commands, { code: '', shiftKey: false, ...press }, focused, false)?.run()
  return ran
}

describe('A over a selection', () => {
  const press = { key: 'a', ctrlKey: false, metaKey: false, altKey: false }
  const body = { tagName: 'BODY' }

  it('is A, either case, outside fields and the editor', () => {
    expect(pressed(press, body, false)).toBe('none')
    expect(pressed({ ...press, key: 'A' }, body, false)).toBe('none')
    expect(pressed(press, { tagName: 'BUTTON' }, false)).toBe('none')
    expect(pressed(press, null, false)).toBe('none')
  })

  it('is not another key, a chord, a key typed in a field, or one pressed in the editor', () => {
    expect(pressed({ ...press, key: 'b' }, body, false)).toBeNull()
    expect(pressed({ ...press, ctrlKey: true }, body, false)).toBeNull()
    expect(pressed({ ...press, metaKey: true }, body, false)).toBeNull()
    expect(pressed({ ...press, altKey: true }, body, false)).toBeNull()
    expect(pressed(press, { tagName: 'INPUT', type: 'text' }, false)).toBeNull()
    expect(pressed(press, { tagName: 'TEXTAREA' }, false)).toBeNull()
    expect(pressed(press, body, true)).toBeNull()
    expect(pressed(press, body, false, { hasSelection: false })).toBeNull()
  })
})

describe('a credibility digit over a selection', () => {
  const press = { key: '4', ctrlKey: false, metaKey: false, altKey: false }
  const body = { tagName: 'BODY' }

  it('grades with a digit 1–6 outside fields and the editor', () => {
    expect(pressed(press, body, false)).toBe(4)
    expect(pressed({ ...press, key: '1' }, null, false)).toBe(1)
    expect(pressed({ ...press, key: '6' }, { tagName: 'BUTTON' }, false)).toBe(6)
  })

  it('ignores other digits, chords, typing in a field, the open editor and a re-anchoring', () => {
    expect(pressed({ ...press, key: '7' }, body, false)).toBeNull()
    expect(pressed({ ...press, key: '0' }, body, false)).toBeNull()
    expect(pressed({ ...press, ctrlKey: true }, body, false)).toBeNull()
    expect(pressed(press, { tagName: 'INPUT', type: 'text' }, false)).toBeNull()
    expect(pressed(press, body, true)).toBeNull()
    expect(pressed(press, body, false, { reselecting: true })).toBeNull()
  })

  it('is listed in the registry with its key, so the ? overlay shows it', () => {
    const commands = annotateCommands({
      hasSelection: false,
      editorOpen: false,
      reselecting: false,
      act: () => undefined,
    })
    expect(commands.map((command) => command.keys)).toEqual([
      ['A'],
      ['1'],
      ['2'],
      ['3'],
      ['4'],
      ['5'],
      ['6'],
    ])
    expect(commands[4]?.title).toBe('Annotate the selection, credibility 4 (doubtful)')
  })
})
