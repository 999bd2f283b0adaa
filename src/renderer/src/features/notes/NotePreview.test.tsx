import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { numberCitations } from '../../../../shared/citations'
import type { CitedQuote, MentionedEntity } from '../../../../shared/contract'
import { splitMarkdownBlocks } from './blocks'
import type { ResolvedLinks } from './link-targets'
import { safeUrl } from './note-markdown'
import { RenderedMarkdown } from './RenderedMarkdown'

const QUOTE: CitedQuote = {
  annotationId: 'ann-1',
  status: 'ok',
  exact: 'About 70% of former personnel <b>joined</b>.',
  comment: '',
  kind: 'claim',
  credibility: 4,
  sourceId: 'src-1',
  sourceTitle: 'Brief <script>x</script>',
  sourceDate: '2024-03-04',
  reliability: 'B',
}
const ENTITY: MentionedEntity = {
  entityId: 'grp-1',
  status: 'ok',
  name: 'National Freedom Front',
  type: 'group',
}

function render(body: string, quotes: CitedQuote[] = [QUOTE], entities = [ENTITY]): string {
  const resolved: ResolvedLinks = {
    quotes: new Map(quotes.map((q) => [q.annotationId, q])),
    entities: new Map(entities.map((e) => [e.entityId, e])),
    loaded: true,
  }
  const targets = { numberOf: numberCitations(body).numberOf, resolved }
  return renderToStaticMarkup(
    <RenderedMarkdown blocks={splitMarkdownBlocks(body)} targets={targets} />,
  )
}

describe('safeUrl', () => {
  it('keeps http, https, mailto, quote and entity links and drops everything else', () => {
    for (const url of ['https://a.org/x', 'http://a.org', 'mailto:a@b.org', 'quote:a', 'entity:b'])
      expect(safeUrl(url)).toBe(url)
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'file:///etc/passwd',
      '/api/notes.delete',
      '//evil.example/x',
      '#top',
      'x.png',
    ])
      expect(safeUrl(url), url).toBeNull()
  })
})

describe('the preview', () => {
  it('numbers citations as chips linking to the reader, with quote, source, date and grade', () => {
    const html = render('Claim [about 70%](quote:ann-1), again [here](quote:ann-1).')
    expect(html.match(/>\[1\]</g)).toHaveLength(2)
    expect(html).toContain('href="#/sources/src-1?a=ann-1"')
    expect(html).toContain('aria-label="Citation [1]"')
    expect(html).toContain('About 70% of former personnel &lt;b&gt;joined&lt;/b&gt;.')
    expect(html).toContain('Brief &lt;script&gt;x&lt;/script&gt;')
    expect(html).toContain('4 Mar 2024 · grade B4 (source usually reliable, information doubtful)')
  })

  it('shows the marker alone when the link text only repeats the quote, the words otherwise', () => {
    const html = render(
      'Most joined [About 70% of former…](quote:ann-1); [my reading](quote:ann-1).',
    )
    const text = html
      .replace(/<span role="tooltip".*?<\/span><\/span>/g, '')
      .replace(/<[^>]+>/g, '')
    expect(text).toContain('Most joined [1]; my reading[1].')
    expect(text).not.toContain('About 70%')
  })

  it('shows a citation of a missing quote as broken, with an explanation, never hidden', () => {
    const html = render('Gone [text](quote:ann-deleted) and fine [x](quote:ann-1)')
    expect(html).toContain('[broken citation]')
    expect(html).toContain('no longer exists')
    expect(html).toContain('ann-deleted')
    expect(html).toContain('>[2]<')
  })

  it('shows an orphaned quote as broken too, still opening the reader', () => {
    const html = render('[x](quote:ann-1)', [{ ...QUOTE, status: 'orphaned' }])
    expect(html).toContain('[broken citation]')
    expect(html).toContain('href="#/sources/src-1?a=ann-1"')
    expect(html).toContain('could not be found again')
  })

  it('renders mentions as links to the entity, and unknown ones as flagged text', () => {
    const html = render('[NFF](entity:grp-1) and [ghost](entity:grp-gone)')
    expect(html).toContain('href="#/groups?e=grp-1"')
    expect(html).toContain('[unknown entity]')
  })

  it('keeps untrusted HTML, scripts and dangerous links inert', () => {
    const html = render(
      [
        '<img src=x onerror="window.__pwned=1">',
        '<script>window.__pwned=1</script>',
        '<iframe src="https://evil.example"></iframe>',
        '[click](javascript:window.__pwned=1) [data](data:text/html,hi) <javascript:alert(1)>',
        '![tracker](https://evil.example/pixel.png) ![local](x.png)',
        '<a href="javascript:alert(1)">raw anchor</a>',
        '[ok](https://example.org)',
      ].join('\n\n'),
    )
    expect(html).not.toMatch(/<img|<script|<iframe|<a href="javascript|onerror="|src="/i)
    expect(html).not.toMatch(/href="(?!https:\/\/example\.org|#\/)/)
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;')
    expect(html).toContain('[image: tracker]')
    expect(html).toContain('class="removed-link"')
    expect(html).toContain('href="https://example.org" target="_blank" rel="noopener noreferrer"')
  })
})
