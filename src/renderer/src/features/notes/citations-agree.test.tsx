/**
 * The citation parser in src/shared must find the same quote and entity links, in the same
 * order, as the Markdown renderer of the preview; otherwise numbers would skip or repeat.
 * Checked on generated notes: realistic ones, and token soup full of edge cases.
 */
import { renderToStaticMarkup } from 'react-dom/server'
import Markdown from 'react-markdown'
import { describe, expect, it } from 'vitest'
import { extractNoteLinks, parseNoteHref } from '../../../../shared/citations'
import { remarkPlugins } from './NotePreview'
import { random, realisticNote, soup } from './test-notes'

function linksRendered(body: string): string[] {
  const found: string[] = []
  renderToStaticMarkup(
    <Markdown
      remarkPlugins={remarkPlugins}
      urlTransform={(url) => url}
      components={{
        a: ({ href, children }) => {
          const link = parseNoteHref(href ?? '')
          if (link) found.push(`${link.kind}:${link.id}`)
          return <a>{children}</a>
        },
      }}
    >
      {body}
    </Markdown>,
  )
  return found
}

const linksParsed = (body: string): string[] =>
  extractNoteLinks(body).map((link) => `${link.kind}:${link.id}`)

/**
 * What the parser does not model, both rare in notes: a block quote opened inside a list
 * item, and a line starting with an HTML tag that lazily follows a list item's paragraph.
 */
const UNMODELLED = [
  /^\s*(?:[-*+]|\d+[.)])[ \t]+>/m,
  /^\s*(?:[-*+]|\d+[.)])[ \t][^\n]*(?:\n[^\n]+)*\n<[A-Za-z/]/m,
]

describe('the citation parser and the preview renderer agree', () => {
  it('on the sample notes', async () => {
    const { default: sample } = await import('../../../../../data/sample/project.json')
    for (const note of sample.notes) {
      expect(linksParsed(note.body), note.id).toEqual(linksRendered(note.body))
      expect(linksParsed(note.body).length).toBeGreaterThan(5)
    }
  })

  it('on realistic generated notes', () => {
    const next = random(7)
    for (let n = 0; n < 200; n++) {
      const body = realisticNote(next)
      expect(linksParsed(body), body).toEqual(linksRendered(body))
    }
  })

  it('on token soup', () => {
    const next = random(42)
    let compared = 0
    for (let n = 0; n < 600; n++) {
      const body = soup(next)
      if (UNMODELLED.some((pattern) => pattern.test(body))) continue
      compared++
      expect(linksParsed(body), JSON.stringify(body)).toEqual(linksRendered(body))
    }
    expect(compared).toBeGreaterThan(500)
  })
})
