import { describe, expect, it } from 'vitest'
import type { Report } from '../../../shared/model'
import type { QuoteInfo, ReportDocument, SectionView } from './document'
import { renderReportHtml } from './html'
import { renderReportMarkdown } from './markdown-export'
import { numberCitations } from '../../../shared/citations'
import { printOptionsFor } from './print'
import { reportStyleHashSource, reportStyleSheet } from './style'
import { createHash } from 'node:crypto'

const HOSTILE = `<img src=x onerror="alert(1)">&"'<script>alert(2)</script>`

function report(overrides: Partial<Report> = {}): Report {
  return {
    id: 'rep-1',
    createdAt: '2025-06-01T09:00:00.000Z',
    updatedAt: '2025-06-01T09:00:00.000Z',
    title: 'Brief',
    author: 'A. Analyst',
    date: '2025-06-02',
    classification: 'UNCLASSIFIED',
    sections: [],
    options: { pageSize: 'A4', appendixOfEntityQuotes: false },
    ...overrides,
  }
}

function quote(id: string, overrides: Partial<QuoteInfo> = {}): QuoteInfo {
  return {
    id,
    exact: `exact words of ${id}`,
    prefix: 'before ',
    suffix: ' after',
    comment: '',
    kind: 'claim',
    credibility: 2,
    anchorState: 'exact',
    source: {
      id: 'src-1',
      title: 'The source title',
      publisher: 'The publisher',
      publishedAt: '2025-05-20',
      url: 'https://example.org/brief',
      reliability: 'B',
    },
    ...overrides,
  }
}

function doc(
  sections: SectionView[],
  quotes: QuoteInfo[],
  overrides: Partial<Report> = {},
): ReportDocument {
  return {
    report: report(overrides),
    sections,
    quotes: new Map(quotes.map((q) => [q.id, q])),
    appendix: null,
  }
}

const note = (sectionId: string, title: string, body: string): SectionView => ({
  kind: 'note',
  sectionId,
  noteId: `note-${sectionId}`,
  title,
  body,
  citationIds: numberCitations(body).citations.map((c) => c.annotationId),
})

/** The body of the document, without the stylesheet (whose fonts are long base64). */
function bodyOf(html: string): string {
  return html.slice(html.indexOf('<body'))
}

describe('renderReportHtml', () => {
  it('prints the sections in their order, then the sources', () => {
    const { html } = renderReportHtml(
      doc(
        [
          note('a', 'First note', 'One.'),
          {
            kind: 'entity-table',
            sectionId: 'b',
            entityType: 'group',
            columns: [{ key: 'name', label: 'Name', numeric: false }],
            rows: [{ entityId: 'g1', cells: ['Wolf Unit'] }],
            total: 1,
          },
          { kind: 'quotes', sectionId: 'c', annotationIds: ['q1'] },
          note('d', 'Last note', 'Four.'),
        ],
        [quote('q1')],
      ),
    )
    const body = bodyOf(html)
    const order = ['First note', '>Groups<', 'Selected quotes', 'Last note', 'Sources and evidence']
    const positions = order.map((text) => body.indexOf(text))
    expect(positions.every((p) => p > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('numbers citations by first appearance across the whole report, one number per quote', () => {
    const { html, citations } = renderReportHtml(
      doc(
        [
          note('a', 'A', 'Claim [x](quote:q2) then [y](quote:q1) and [again](quote:q2).'),
          note('b', 'B', 'Later [z](quote:q1) and [new](quote:q3).'),
          { kind: 'quotes', sectionId: 'c', annotationIds: ['q3', 'q4'] },
        ],
        ['q1', 'q2', 'q3', 'q4'].map((id) => quote(id)),
      ),
    )
    expect(citations).toBe(4)
    const markers = [...bodyOf(html).matchAll(/href="#source-(\d+)">\[(\d+)\]/g)].map((m) => {
      expect(m[1]).toBe(m[2])
      return Number(m[1])
    })
    // Note A: q2 -> 1, q1 -> 2, q2 again -> 1; note B: q1 -> 2, q3 -> 3; quotes: q3, q4 -> 4.
    expect(markers).toEqual([1, 2, 1, 2, 3, 3, 4])
    const sources = bodyOf(html).slice(bodyOf(html).indexOf('Sources and evidence'))
    const listed = [...sources.matchAll(/<li id="source-(\d+)">.*?exact words of (q\d)/g)].map(
      (m) => [Number(m[1]), m[2]],
    )
    expect(listed).toEqual([
      [1, 'q2'],
      [2, 'q1'],
      [3, 'q3'],
      [4, 'q4'],
    ])
  })

  it('lists each source with its context, publisher, date, url, grades and anchor state', () => {
    const { html } = renderReportHtml(
      doc([note('a', 'A', '[x](quote:q1)')], [quote('q1', { anchorState: 'orphaned' })]),
    )
    const entry = /<li id="source-1">(.*?)<\/li>/s.exec(bodyOf(html))?.[1] ?? ''
    for (const text of [
      '…before ',
      'exact words of q1',
      ' after…',
      'The source title',
      'The publisher',
      '20 May 2025',
      'href="https://example.org/brief"',
      'Reliability <span class="grade">B</span>',
      'Credibility <span class="grade">2</span>',
      'no longer found in the source',
    ]) {
      expect(entry, text).toContain(text)
    }
  })

  it('marks a citation of a quote no longer in the project instead of dropping it', () => {
    const { html } = renderReportHtml(doc([note('a', 'A', 'Gone [x](quote:q-gone).')], []))
    expect(bodyOf(html)).toContain('<sup class="cite missing">[1]</sup>')
    expect(bodyOf(html)).toContain('no longer in the project (q-gone)')
  })

  it('escapes every user string: title, author, classification, entity names, quotes, note bodies', () => {
    const { html } = renderReportHtml(
      doc(
        [
          note('a', HOSTILE, `Body ${HOSTILE} [cite ${HOSTILE}](quote:q1) [m](entity:e1)`),
          {
            kind: 'entity-table',
            sectionId: 'b',
            entityType: 'group',
            columns: [{ key: 'name', label: 'Name', numeric: false }],
            rows: [{ entityId: 'g1', cells: [HOSTILE] }],
            total: 1,
            filter: HOSTILE,
          },
          {
            kind: 'graph',
            sectionId: 'c',
            caption: HOSTILE,
            image: null,
            chart: {
              nodes: [
                { id: 'g1', name: HOSTILE, type: 'group' },
                { id: 'p1', name: 'Person', type: 'person' },
              ],
              edges: [{ from: 'p1', to: 'g1', type: 'leads', supported: true }],
              positions: {},
              omitted: 0,
            },
          },
          { kind: 'quotes', sectionId: 'd', annotationIds: ['q1'] },
        ],
        [
          quote('q1', {
            exact: HOSTILE,
            prefix: HOSTILE,
            suffix: HOSTILE,
            comment: HOSTILE,
            source: {
              id: 's',
              title: HOSTILE,
              publisher: HOSTILE,
              author: HOSTILE,
              reliability: 'C',
              url: 'javascript:alert(3)',
            },
          }),
        ],
        { title: HOSTILE, author: HOSTILE, classification: HOSTILE },
      ),
    )
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<img src=x/i)
    expect(html).not.toContain('onerror="')
    expect(html).not.toContain('javascript:')
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&quot;&#39;')
    // Every place a user string appears, it appears escaped.
    const escapedCount = html.split('&lt;script&gt;alert(2)&lt;/script&gt;').length - 1
    expect(escapedCount).toBeGreaterThanOrEqual(12)
  })

  it('passes right-to-left text through unchanged and lets the direction follow it', () => {
    const dari = 'در دری دره را پنجشیر می‌نویسند'
    const { html } = renderReportHtml(
      doc([note('a', 'A', `${dari} [x](quote:q1)`)], [quote('q1', { exact: dari })]),
    )
    expect(bodyOf(html).split(dari).length - 1).toBe(2)
    expect(bodyOf(html)).toContain(`<p dir="auto">${dari}`)
    expect(bodyOf(html)).toMatch(/<blockquote class="quote" dir="auto">/)
  })

  it('renders note Markdown without raw HTML, and keeps only http, https and mailto links', () => {
    const body = [
      '# A',
      '',
      'Text <b onclick="x()">bold</b> and <span>raw</span>.',
      '',
      '<div>block html</div>',
      '',
      '[web](https://example.org) [mail](mailto:a@b.c) [bad](javascript:alert(1)) [file](file:///etc/passwd)',
      '',
      '![pic](https://example.org/x.png)',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | 2 |',
    ].join('\n')
    const { html } = renderReportHtml(doc([note('a', 'A', body)], []))
    const section = bodyOf(html)
    expect(section).not.toMatch(/<b[ >]/)
    expect(section).not.toContain('<div>block')
    expect(section).not.toContain('onclick')
    expect(section).toContain('<a href="https://example.org/">web</a>')
    expect(section).toContain('<a href="mailto:a@b.c">mail</a>')
    expect(section).not.toContain('javascript:')
    expect(section).not.toContain('file://')
    expect(section).not.toContain('<img')
    expect(section).toContain('<table>')
    // The note's own "# A" repeats the section heading and is dropped.
    expect(section.match(/>A<\/h\d>/g)).toHaveLength(1)
  })

  it('gives tables a header that repeats on every page and rows that do not split', () => {
    const css = reportStyleSheet()
    expect(css).toContain('thead { display: table-header-group; }')
    expect(css).toMatch(/h1, h2, h3, h4, h5, h6 \{\s*break-after: avoid;/)
    expect(css).toMatch(/tr \{ break-inside: avoid;/)
  })

  it('embeds the bundled fonts as data: URLs and fetches nothing', () => {
    const { html } = renderReportHtml(doc([], []))
    expect(html).toMatch(/@font-face\{font-family: ?'Noto Sans'/)
    expect(html).toMatch(/@font-face\{font-family: ?'Noto Naskh Arabic'/)
    expect(html).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}\)/)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
    expect(html).not.toMatch(/url\((?!data:)/)
  })

  it('has one <style> whose hash is the CSP source the app allows for the preview', () => {
    const { html } = renderReportHtml(doc([note('a', 'A', 'x')], []))
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)]
    expect(styles).toHaveLength(1)
    const hash = createHash('sha256').update(styles[0]![1]!, 'utf8').digest('base64')
    expect(reportStyleHashSource()).toBe(`'sha256-${hash}'`)
    expect(html).not.toMatch(/ style="/)
  })
})

describe('printOptionsFor', () => {
  it('puts the escaped classification in header and footer, and page numbers in the footer', () => {
    const options = printOptionsFor(report({ classification: HOSTILE, title: HOSTILE }))
    for (const template of [options.headerTemplate, options.footerTemplate]) {
      expect(template).toContain('&lt;script&gt;alert(2)&lt;/script&gt;')
      expect(template).not.toContain('<script')
    }
    expect(options.footerTemplate).toContain('<span class="pageNumber"></span>')
    expect(options.footerTemplate).toContain('<span class="totalPages"></span>')
    expect(options.pageSize).toBe('A4')
    expect(options.margins.top).toBeGreaterThan(15)
  })

  it('follows the page size and margins of the report', () => {
    const options = printOptionsFor(
      report({ options: { pageSize: 'Letter', appendixOfEntityQuotes: false, margins: 'wide' } }),
    )
    expect(options.pageSize).toBe('Letter')
    expect(options.margins.left).toBe(25.4)
  })
})

describe('renderReportMarkdown', () => {
  it('turns citations into [n] with the same numbering as the HTML, and lists the sources', () => {
    const markdown = renderReportMarkdown(
      doc(
        [
          note(
            'a',
            'A',
            '# A\n\nClaim [x](quote:q2), [y](quote:q1), [x again](quote:q2), [m](entity:e1).',
          ),
          { kind: 'quotes', sectionId: 'c', annotationIds: ['q3'] },
        ],
        ['q1', 'q2', 'q3'].map((id) => quote(id)),
      ),
    )
    expect(markdown).toContain('Claim x [1], y [2], x again [1], m.')
    expect(markdown).toContain('> exact words of q3 [3]')
    const sources = markdown.slice(markdown.indexOf('## Sources and evidence'))
    expect(sources.indexOf('[1] **The source title**')).toBeGreaterThan(0)
    expect(sources).toContain('**exact words of q2**')
    expect(markdown).not.toContain('quote:')
    expect(markdown.match(/^## A$/m)).not.toBeNull()
    expect(markdown.match(/^# A$/m)).toBeNull()
  })
})

describe('renderReportMarkdown with hostile input', () => {
  const trackerUrl = 'https://example.org/page?x=1><img src=https://tracker.example/p.gif>'

  it('keeps a source URL that holds ">" and markup one harmless link', () => {
    const markdown = renderReportMarkdown(
      doc(
        [note('a', 'A', 'Claim [x](quote:q1).')],
        [quote('q1', { source: { ...quote('q1').source!, url: trackerUrl } })],
      ),
    )
    expect(markdown).not.toContain('<img')
    const link = /<(https:[^>\s]*)>/.exec(markdown)?.[1]
    expect(link).toBe(
      'https://example.org/page?x=1%3E%3Cimg%20src=https://tracker.example/p.gif%3E',
    )
  })

  it('writes no link for an address that is not http(s) or mailto', () => {
    const markdown = renderReportMarkdown(
      doc(
        [note('a', 'A', 'Claim [x](quote:q1).')],
        [quote('q1', { source: { ...quote('q1').source!, url: 'javascript:alert(1)' } })],
      ),
    )
    expect(markdown).not.toContain('javascript:')
  })

  it('drops raw HTML from note bodies, also where removing one tag forms another', () => {
    const body = `Before ${HOSTILE} after.\n\n<iframe src="https://tracker.example"></iframe>\n\nText <<b>img src=x onerror=alert(3)> end.`
    const markdown = renderReportMarkdown(doc([note('a', 'A', body)], []))
    expect(markdown).toContain('Before')
    expect(markdown).toContain('after.')
    expect(markdown).not.toMatch(/<(img|script|iframe|b)\b/i)
    expect(markdown).not.toContain('onerror="alert(1)"')
  })

  it('strips right-to-left overrides from titles, authors and publishers', () => {
    const rlo = '\u202E'
    const source = {
      ...quote('q1').source!,
      title: `Invoice ${rlo}fdp.exe`,
      publisher: `Pub${rlo}X`,
    }
    const markdown = renderReportMarkdown(
      doc([note('a', 'A', 'Claim [x](quote:q1).')], [quote('q1', { source })], {
        title: `Brief ${rlo}1`,
        author: `Ann${rlo}a`,
      }),
    )
    expect(markdown).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
    expect(markdown).toContain('Invoice fdp.exe')
  })
})

describe('renderReportHtml with names from outside', () => {
  it('isolates titles, authors and publishers in <bdi> without their bidi overrides', () => {
    const rlo = '\u202E'
    const source = {
      ...quote('q1').source!,
      title: `Invoice ${rlo}fdp.exe`,
      author: `Ann${rlo}a`,
      publisher: `Pub${rlo}X`,
    }
    const { html } = renderReportHtml(
      doc([note('a', 'A', 'Claim [x](quote:q1).')], [quote('q1', { source })], {
        author: `Ann${rlo}a`,
      }),
    )
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
    expect(html).toContain('<bdi>Invoice fdp.exe</bdi>')
    expect(html).toContain('<bdi>PubX</bdi>')
    expect(html).toContain('By <bdi>Anna</bdi>')
  })
})

describe('citations read as citations', () => {
  const claim = quote('q1', {
    exact: 'Another significant actor is the National Freedom Front, active in Takhar.',
  })
  const body =
    'It operates without naming a source [Another significant actor is the National…](quote:q1). ' +
    'It is [a second front](quote:q1) in the north, as [](quote:q1) says.'

  it('prints a marker, never the quote opening words pasted in the sentence, in the HTML', () => {
    const { html } = renderReportHtml(doc([note('a', 'A', body)], [claim]))
    const text = html.replace(/<[^>]+>/g, '')
    expect(text).toContain('It operates without naming a source [1].')
    expect(text).not.toContain('source Another')
    expect(text).toContain('It is a second front[1] in the north, as [1] says.')
  })

  it('does the same in the Markdown export', () => {
    const markdown = renderReportMarkdown(doc([note('a', 'A', body)], [claim]))
    expect(markdown).toContain('It operates without naming a source [1].')
    expect(markdown).toContain('It is a second front [1] in the north, as [1] says.')
  })
})
