import { renderToStaticMarkup } from 'react-dom/server'
import Markdown from 'react-markdown'
import { describe, expect, it } from 'vitest'
import sample from '../../../../../data/sample/project.json'
import { extractNoteLinks } from '../../../../shared/citations'
import { splitMarkdownBlocks } from './blocks'
import { linksOfBody, remarkPlugins } from './note-markdown'
import { realisticNote } from '../../../../../test/support/notes'
import { seededRandom } from '../../../../shared/random'

const html = (markdown: string): string =>
  renderToStaticMarkup(
    <Markdown
      remarkPlugins={remarkPlugins}
      urlTransform={(url) => url}
      // React hoists image preloads to the top of a document; what matters here is the text.
      components={{ img: ({ alt }) => <span>{alt}</span> }}
    >
      {markdown}
    </Markdown>,
  )

/** The blocks rendered one by one must read exactly like the note rendered whole. */
function expectSameRendering(body: string): void {
  const whole = html(body).replace(/\n/g, '')
  const parts = splitMarkdownBlocks(body)
    .map((block) => html(block.source))
    .join('')
    .replace(/\n/g, '')
  expect(parts).toBe(whole)
}

describe('splitMarkdownBlocks', () => {
  it('splits at blank lines between paragraphs, headings and lists', () => {
    const body = '# Title\n\nOne\ntwo\n\n- a\n\n- b\n  more\n\n  indented\n\nAfter'
    expect(splitMarkdownBlocks(body).map((b) => b.source)).toEqual([
      '# Title\n',
      'One\ntwo\n',
      '- a\n\n- b\n  more\n\n  indented\n',
      'After',
    ])
    expectSameRendering(body)
  })

  it('keeps fenced code with blank lines in one block', () => {
    const body = 'Before\n\n```\ncode\n\nmore code\n```\n\nAfter'
    expect(splitMarkdownBlocks(body)).toHaveLength(3)
    expectSameRendering(body)
  })

  it('lets reference links resolve from any block', () => {
    const body = 'See [the claim][c].\n\nAnd [again][c].\n\n[c]: quote:ann-1'
    expectSameRendering(body)
    expect(splitMarkdownBlocks(body)[0]!.source).toContain('[c]: quote:ann-1')
  })

  it('does not split a note with footnotes', () => {
    expect(splitMarkdownBlocks('A[^1]\n\nB\n\n[^1]: note')).toHaveLength(1)
  })

  it('gives repeated blocks distinct keys that survive edits elsewhere', () => {
    const before = splitMarkdownBlocks('Same\n\nSame\n\nOther')
    const after = splitMarkdownBlocks('New first\n\nSame\n\nSame\n\nOther edited')
    expect(new Set(before.map((b) => b.key)).size).toBe(3)
    expect(after.filter((b) => before.some((old) => old.key === b.key))).toHaveLength(2)
  })

  it('finds the same citations block by block as in the whole note, at the same offsets', () => {
    const ids = (links: { kind: string; id: string }[]) => links.map((l) => `${l.kind}:${l.id}`)
    const next = seededRandom(5)
    const bodies = [
      ...sample.notes.map((n) => n.body),
      ...Array.from({ length: 150 }, () => realisticNote(next)),
    ]
    const at = (links: { id: string; start: number; end: number }[]) =>
      links.map((l) => `${l.id}@${l.start}-${l.end}`)
    for (const body of bodies) {
      const blocks = splitMarkdownBlocks(body)
      const whole = extractNoteLinks(body)
      const byBlock = blocks.flatMap((block) => extractNoteLinks(block.source))
      expect(ids(byBlock), body).toEqual(ids(whole))
      // Each block knows where it stands, so its links map back to their place in the note.
      for (const block of blocks) {
        expect(block.source.startsWith(body.slice(block.start, block.start + block.length))).toBe(
          true,
        )
      }
      expect(at(linksOfBody(body)), body).toEqual(at(whole))
    }
  })

  it('renders the sample notes and generated notes the same split as whole', () => {
    for (const note of sample.notes) expectSameRendering(note.body)
    const next = seededRandom(11)
    for (let n = 0; n < 150; n++) expectSameRendering(realisticNote(next))
  })
})
