import { describe, expect, it } from 'vitest'
import {
  citationHasOwnWords,
  citationMarkdown,
  citationText,
  extractNoteLinks,
  mentionedEntityIds,
  mentionMarkdown,
  numberCitations,
  parseNoteHref,
} from './citations'

const ids = (markdown: string): string[] =>
  extractNoteLinks(markdown).map((link) => `${link.kind}:${link.id}`)

describe('extractNoteLinks', () => {
  it('finds citations and mentions in order, with their text and place in the body', () => {
    const body = 'The [NFF](entity:grp-nff) says [about 70%](quote:ann-nff-70-percent).'
    const links = extractNoteLinks(body)
    expect(links).toEqual([
      { kind: 'entity', id: 'grp-nff', valid: true, text: 'NFF', start: 4, end: 25 },
      {
        kind: 'quote',
        id: 'ann-nff-70-percent',
        valid: true,
        text: 'about 70%',
        start: 31,
        end: 68,
      },
    ])
    expect(body.slice(links[1]!.start, links[1]!.end)).toBe('[about 70%](quote:ann-nff-70-percent)')
  })

  it('ignores other links, images and plain mentions of the schemes', () => {
    expect(
      ids(
        '[web](https://example.org) [mail](mailto:a@b.org) ![pic](quote:img) quote:ann-1 ' +
          '[anchor](#quote:x) [q](quote:ann-2)',
      ),
    ).toEqual(['quote:ann-2'])
  })

  it('finds nothing inside code spans, fenced, indented or HTML blocks', () => {
    const body = [
      'Before `[a](quote:in-code)` after [b](quote:ok-1).',
      '',
      '```md',
      '[c](quote:in-fence)',
      '```',
      '',
      '    [d](quote:indented)',
      '',
      '<div>',
      '[e](quote:in-html)',
      '</div>',
      '',
      '<script>',
      '[f](quote:in-script)',
      '</script>',
      '',
      '<!-- [g](quote:in-comment) -->',
      '',
      '~~~',
      '[h](quote:in-tilde)',
      '~~~~',
      '[i](quote:ok-2)',
    ].join('\n')
    expect(ids(body)).toEqual(['quote:ok-1', 'quote:ok-2'])
  })

  it('keeps links in list items continued by indented lines (not code)', () => {
    const body = '- item\n\n    [a](quote:in-item)\n- [b](entity:e-1)\n  [c](quote:lazy)'
    expect(ids(body)).toEqual(['quote:in-item', 'entity:e-1', 'quote:lazy'])
  })

  it('reads escapes, nested brackets, angle destinations, titles and line breaks', () => {
    expect(ids('\\[not](quote:escaped) [a [b] c](quote:nested)')).toEqual(['quote:nested'])
    expect(ids('[a](<quote:angled>) [b](quote:titled "a title") [c](\nquote:next-line\n)')).toEqual(
      ['quote:angled', 'quote:titled', 'quote:next-line'],
    )
    expect(ids('[a `]` b](quote:code-in-text)')).toEqual(['quote:code-in-text'])
    expect(ids('[a](quote:ann\\-x)')).toEqual(['quote:ann-x'])
  })

  it('never counts a link inside a link, and reads autolinks and block quotes', () => {
    expect(ids('[outer [inner](quote:in) text](quote:out)')).toEqual(['quote:in'])
    expect(ids('See <quote:auto-1> and <entity:auto-2>.')).toEqual([
      'quote:auto-1',
      'entity:auto-2',
    ])
    expect(ids('> quoted [a](quote:in-quote)\n> > [b](quote:deeper)')).toEqual([
      'quote:in-quote',
      'quote:deeper',
    ])
  })

  it('resolves reference links through their definitions, wherever they are', () => {
    const body = [
      'Full [claim][c1], collapsed [c2][], shortcut [C1] and [unknown][nope].',
      '',
      '[c1]: quote:ann-ref-1',
      '[c2]: <quote:ann-ref-2> "title"',
      '[c1]: quote:ignored-second-definition',
    ].join('\n')
    expect(ids(body)).toEqual(['quote:ann-ref-1', 'quote:ann-ref-2', 'quote:ann-ref-1'])
  })

  it('does not take raw HTML for links, nor a link broken across paragraphs', () => {
    expect(ids('<a href="quote:html">x</a> [a\n\nb](quote:split)')).toEqual([])
    expect(ids('<span title="[x](quote:in-attr)">y</span>')).toEqual([])
  })

  it('keeps offsets and text exact after a byte order mark, CRLF line ends and astral characters', () => {
    const body = '\uFEFF😀 one\r\ntwo [**bold** cite](quote:q-1) <entity:e-1>'
    const links = extractNoteLinks(body)
    expect(links.map((l) => body.slice(l.start, l.end))).toEqual([
      '[**bold** cite](quote:q-1)',
      '<entity:e-1>',
    ])
    expect(links.map((l) => l.text)).toEqual(['**bold** cite', 'entity:e-1'])
  })

  it('counts an autolink inside a link, as the preview renders both', () => {
    expect(ids('[see <quote:inner> here](entity:outer)')).toEqual(['entity:outer', 'quote:inner'])
  })

  it('marks ids that cannot be record ids as invalid instead of dropping them', () => {
    const [link] = extractNoteLinks('[x](quote:a%20b)')
    expect(link).toMatchObject({ kind: 'quote', id: 'a%20b', valid: false })
    expect(parseNoteHref('QUOTE:Ann_1')).toEqual({ kind: 'quote', id: 'Ann_1', valid: true })
    expect(parseNoteHref('javascript:alert(1)')).toBeNull()
  })

  it('handles a long body in linear time', () => {
    // Unclosed brackets and backticks are what make a Markdown scanner go quadratic; the
    // same length of plain words, timed alternately, is the yardstick, so a loaded machine
    // slows both alike.
    const paragraph = 'word '.repeat(200) + '[c](quote:ann-1) [[unclosed ' + '`tick '
    const body = `${paragraph}\n\n`.repeat(200)
    const plain = `${'word '.repeat(Math.ceil(paragraph.length / 5))}\n\n`.repeat(200)
    const time = (text: string): number => {
      const started = performance.now()
      extractNoteLinks(text)
      return performance.now() - started
    }
    const median = (values: number[]): number => values.sort((a, b) => a - b)[1]!
    const hostile: number[] = []
    const yardstick: number[] = []
    for (let run = 0; run < 3; run++) {
      hostile.push(time(body))
      yardstick.push(time(plain))
    }
    expect(extractNoteLinks(body)).toHaveLength(200)
    expect(median(hostile)).toBeLessThan(3 * median(yardstick) + 50)
  })
})

describe('numberCitations', () => {
  it('numbers quotes by first appearance; citing one again reuses its number', () => {
    const body =
      '[a](quote:q-2) [b](entity:e-1) [c](quote:q-1) [d](quote:q-2) [e](quote:q-3) [f](quote:q-1)'
    const { citations, numberOf } = numberCitations(body)
    expect(citations.map((c) => [c.annotationId, c.number, c.occurrences])).toEqual([
      ['q-2', 1, 2],
      ['q-1', 2, 2],
      ['q-3', 3, 1],
    ])
    expect(numberOf.get('q-1')).toBe(2)
    expect(numberOf.get('e-1')).toBeUndefined()
  })

  it('gives a malformed citation a number too, so it can render broken in its place', () => {
    const { citations } = numberCitations('[a](quote:bad%id) [b](quote:good)')
    expect(citations.map((c) => [c.annotationId, c.number, c.valid])).toEqual([
      ['bad%id', 1, false],
      ['good', 2, true],
    ])
  })
})

describe('writing links', () => {
  it('escapes link text so the link reads back as written', () => {
    const markdown = citationMarkdown('ann-1', 'a [tricky]\n`quote` with \\ and <b>')
    expect(markdown).toBe('[a \\[tricky\\] \\`quote\\` with \\\\ and \\<b\\>](quote:ann-1)')
    expect(extractNoteLinks(markdown)).toMatchObject([{ kind: 'quote', id: 'ann-1' }])
    expect(
      mentionedEntityIds(`${mentionMarkdown('e-1', 'A')} ${mentionMarkdown('e-1', 'B')}`),
    ).toEqual(['e-1'])
  })
})

describe('citationHasOwnWords', () => {
  const quote = 'Another significant actor is the National Freedom Front, active in Takhar.'

  it('treats the label "Cite in note…" writes as no words of the analyst', () => {
    const written = extractNoteLinks(citationMarkdown('ann-1', citationText(quote, 30)))[0]!
    expect(written.text).toBe('Another significant actor is…')
    expect(citationHasOwnWords(written.text, quote)).toBe(false)
    expect(citationHasOwnWords(citationText(quote), quote)).toBe(false)
  })

  it('treats empty text as a bare marker', () => {
    expect(citationHasOwnWords('', quote)).toBe(false)
    expect(citationHasOwnWords('  ', undefined)).toBe(false)
  })

  it("keeps words the analyst wrote, even when they share the quote's first word", () => {
    expect(citationHasOwnWords('a second front', quote)).toBe(true)
    expect(citationHasOwnWords('Another source', quote)).toBe(true)
  })

  it('reads escaped and emphasised labels as their words, in any case', () => {
    const starred = 'The *Wolf* Unit_s statement [draft] was read aloud.'
    const link = extractNoteLinks(citationMarkdown('ann-2', citationText(starred)))[0]!
    expect(citationHasOwnWords(link.text, starred)).toBe(false)
    expect(citationHasOwnWords('ANOTHER SIGNIFICANT ACTOR', quote)).toBe(false)
  })

  it('keeps the words when the quote is unknown', () => {
    expect(citationHasOwnWords('as the UN noted', undefined)).toBe(true)
  })
})
