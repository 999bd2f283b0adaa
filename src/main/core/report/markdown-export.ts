/**
 * A report as Markdown: the notes as their authors wrote them, with each citation
 * turned into a plain [n] after its text and each mention into its text; tables as GFM
 * tables; the chart as an embedded image; the same "Sources and evidence" list.
 */
import type { Nodes } from 'mdast'
import type { QuoteInfo, ReportDocument } from './document'
import { renderAnalysisMarkdown } from './analysis'
import { drawChartSvg } from './chart-svg'
import { drawMapSvg } from './map-svg'
import { mapTableRows, unlocatedNote } from './map-section'
import { timelineSectionSvg } from './timeline-section'
import { CitationNumbers, formatDate, tableTitle } from './html'
import { credibilityLabel, reliabilityLabel } from '../../../shared/admiralty'
import { stripBidiControls } from '../../../shared/bidi'
import { citationHasOwnWords, extractNoteLinks, parseNoteMarkdown } from '../../../shared/citations'
import { LAYER_VALUE_HEADINGS } from '../../../shared/geo/map-layers'
import { safeLinkUrl } from './escape'

export function renderReportMarkdown(doc: ReportDocument): string {
  const { report } = doc
  const numbers = new CitationNumbers()
  const out: string[] = []
  if (report.classification) out.push(`**${inline(report.classification)}**`, '')
  out.push(`# ${inline(report.title)}`, '')
  const meta = [
    report.author ? `By ${inline(report.author)}` : '',
    report.date ? formatDate(report.date) : '',
  ].filter(Boolean)
  if (meta.length > 0) out.push(meta.join(' · '), '')

  for (const section of doc.sections) {
    switch (section.kind) {
      case 'note': {
        if (section.title === null) {
          out.push('## Missing note', '', '_This note is no longer in the project._', '')
          break
        }
        for (const id of section.citationIds) numbers.number(id)
        out.push(
          `## ${inline(section.title)}`,
          '',
          withoutRawHtml(
            demoteHeadings(rewriteLinks(section.body, section.title, numbers, doc.quotes)),
          ).trim(),
          '',
        )
        break
      }
      case 'entity-table': {
        out.push(`## ${inline(tableTitle(section.entityType))}`, '')
        if (section.rows.length === 0) {
          out.push('_Nothing to show._', '')
          break
        }
        out.push(`| ${section.columns.map((c) => cell(c.label)).join(' | ')} |`)
        out.push(`| ${section.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`)
        for (const row of section.rows) out.push(`| ${row.cells.map(cell).join(' | ')} |`)
        out.push('')
        if (section.filter)
          out.push(
            `_${section.rows.length} of ${section.total}, filtered by “${inline(section.filter)}”._`,
            '',
          )
        break
      }
      case 'graph': {
        out.push(`## ${inline(section.caption || 'Link chart')}`, '')
        const dataUrl =
          section.image?.dataUrl ??
          (section.chart.nodes.length > 0
            ? `data:image/svg+xml;base64,${Buffer.from(drawChartSvg(section.chart, report.title).svg).toString('base64')}`
            : null)
        out.push(
          dataUrl ? `![Link chart](${dataUrl})` : '_The project has no relations to chart yet._',
          '',
        )
        break
      }
      case 'map': {
        const { view } = section
        out.push(`## ${inline(section.caption || view.title)}`, '')
        const svg = drawMapSvg(view, section.data, {
          title: `Map: ${view.title}`,
          labels: 'both',
        }).svg
        out.push(
          `![${inline(view.title)}](data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')})`,
          '',
          `_${inline(view.title)}. ${inline(section.period)}._`,
          '',
        )
        const rows = mapTableRows(section)
        if (rows.length > 0) {
          out.push(
            `| Province | ${LAYER_VALUE_HEADINGS[view.filter.layer]} | Groups operating there |`,
          )
          out.push('| --- | ---: | --- |')
          for (const row of rows) {
            const entries = row.entries
              .map(
                (entry) =>
                  `${cell(entry.text)}${entry.supported ? entry.annotationIds.map((id) => ` [${numbers.number(id)}]`).join('') : ' (unsupported)'}`,
              )
              .join('; ')
            out.push(`| ${cell(`${row.province} ${row.provinceFa}`)} | ${row.value} | ${entries} |`)
          }
          out.push('')
        }
        const note = unlocatedNote(section)
        if (note) out.push(`_${inline(note)}_`, '')
        break
      }
      case 'analysis': {
        if (section.analysis === null) {
          out.push('## Missing analysis', '', '_This analysis is no longer in the project._', '')
          break
        }
        out.push(`## Analysis: ${inline(section.analysis.question)}`, '')
        out.push(
          ...renderAnalysisMarkdown(section.analysis, (id) => `[${numbers.number(id)}]`, inline),
        )
        break
      }
      case 'quotes': {
        out.push('## Selected quotes', '')
        for (const id of section.annotationIds) {
          const n = numbers.number(id)
          const quote = doc.quotes.get(id)
          out.push(
            quote
              ? `> ${inline(quote.exact)} [${n}]`
              : `> _A quote that is no longer in the project._ [${n}]`,
            '',
          )
        }
        break
      }
      case 'timeline': {
        out.push(`## ${inline(section.caption || 'Timeline')}`, '')
        const svg = timelineSectionSvg(section, `Timeline of ${report.title}`).svg
        out.push(
          `![Timeline](data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')})`,
          '',
        )
        for (const event of section.events) {
          const cites = event.annotationIds.map((id) => ` [${numbers.number(id)}]`).join('')
          out.push(`- ${inline(event.date)}: ${inline(event.name)}${cites}`)
        }
        out.push(section.events.length === 0 ? '_No event falls in this range._' : '', '')
        break
      }
    }
  }

  out.push('## Sources and evidence', '')
  numbers.order.forEach((id, i) => {
    const quote = doc.quotes.get(id)
    out.push(
      quote
        ? sourceEntry(i + 1, quote)
        : `[${i + 1}] _A quote that is no longer in the project (${id})._`,
      '',
    )
  })
  if (numbers.order.length === 0) out.push('_The report cites no quotes._', '')

  if (doc.appendix) {
    out.push('## Appendix: the quotes behind each entity', '')
    for (const entry of doc.appendix) {
      out.push(`### ${inline(entry.entity.name)}`, '')
      for (const id of entry.annotationIds) {
        const quote = doc.quotes.get(id)
        if (quote)
          out.push(
            `- “${inline(quote.exact)}” — ${inline(quote.source?.title ?? 'unknown source')}, ${quote.source?.reliability ?? 'F'}${quote.credibility}`,
          )
      }
      out.push('')
    }
  }
  if (report.classification) out.push(`**${inline(report.classification)}**`, '')
  return out.join('\n')
}

function sourceEntry(n: number, quote: QuoteInfo): string {
  const source = quote.source
  const lines = [
    `[${n}] ${source ? `**${inline(source.title)}**` : '_Source no longer in the project_'}${source?.publisher ? `, ${inline(source.publisher)}` : ''}${source?.publishedAt ? `, ${formatDate(source.publishedAt)}` : ''}${linkTo(source?.url)}`,
    '',
    `> ${quote.prefix ? `…${inline(quote.prefix)}` : ''}**${inline(quote.exact)}**${quote.suffix ? `${inline(quote.suffix)}…` : ''}`,
    '',
    `Reliability ${source?.reliability ?? 'F'} (${reliabilityLabel(source?.reliability ?? 'F')?.toLowerCase() ?? ''}), credibility ${quote.credibility} (${credibilityLabel(quote.credibility)?.toLowerCase() ?? ''}), anchor ${quote.anchorState}.${quote.comment ? ` Comment: ${inline(quote.comment)}` : ''}`,
  ]
  return lines.join('\n')
}

/**
 * Replaces each citation with [n] (after the analyst's own link words, if any; never the
 * quote's opening words), each mention with its text.
 */
function rewriteLinks(
  body: string,
  title: string,
  numbers: CitationNumbers,
  quotes: ReadonlyMap<string, QuoteInfo>,
): string {
  let out = ''
  let at = 0
  for (const link of extractNoteLinks(body)) {
    out += body.slice(at, link.start)
    if (link.kind === 'quote') {
      const marker = `[${numbers.number(link.id)}]`
      const ownWords = citationHasOwnWords(link.text, quotes.get(link.id)?.exact)
      out += ownWords ? `${link.text} ${marker}` : marker
    } else out += link.text
    at = link.end
  }
  out += body.slice(at)
  // The section heading already carries the title.
  const lines = out.split('\n')
  const first = lines.findIndex((line) => line.trim() !== '')
  if (
    first >= 0 &&
    lines[first]!.replace(/^#+\s*/, '').trim() === title.trim() &&
    /^#/.test(lines[first]!)
  ) {
    lines.splice(first, 1)
  }
  return lines.join('\n')
}

/** Pushes the note's headings two levels down, below the section's ##. */
function demoteHeadings(markdown: string): string {
  let fenced = false
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced
      if (fenced) return line
      return line.replace(
        /^(#{1,6})(\s)/,
        (_, hashes: string, space: string) =>
          `${'#'.repeat(Math.min(6, hashes.length + 2))}${space}`,
      )
    })
    .join('\n')
}

/**
 * A source's address as an autolink, only when it is http(s) or mailto; the URL parser
 * percent-encodes every space, quote and angle bracket, so nothing can close the link
 * early and start markup (a canonical link of "…>< img src=…>" stays one harmless URL).
 */
function linkTo(raw: string | undefined): string {
  const url = safeLinkUrl(raw)
  return url && !/[\s<>]/.test(url) ? `. <${url}>` : ''
}

/** How often raw HTML is looked for again, after removing some joined the rest into a new tag. */
const MAX_HTML_PASSES = 8

/**
 * The note's Markdown without raw HTML (the HTML report drops it too): a viewer that renders
 * HTML would otherwise load what a pasted `<img>` or `<iframe>` points at. Removing one tag
 * can join what stood around it into another, so it runs until none is left.
 */
function withoutRawHtml(markdown: string): string {
  let text = markdown
  for (let pass = 0; pass < MAX_HTML_PASSES; pass++) {
    const ranges: Array<[number, number]> = []
    const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0
    const visit = (node: Nodes): void => {
      if (node.type === 'html' && node.position) {
        ranges.push([node.position.start.offset! + shift, node.position.end.offset! + shift])
        return
      }
      if ('children' in node) for (const child of node.children) visit(child)
    }
    visit(parseNoteMarkdown(text))
    if (ranges.length === 0) return text
    for (const [start, end] of ranges.reverse()) text = text.slice(0, start) + text.slice(end)
  }
  // Still some after many passes: a crafted nest of tags; no markup survives this.
  return text.replace(/[<>]/g, (c) => `\\${c}`)
}

/**
 * Text on one line with Markdown's active characters escaped and explicit bidi controls
 * removed (an override in a title would reorder what is printed after it).
 */
function inline(text: string): string {
  return stripBidiControls(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>#|])/g, '\\$1')
}

function cell(text: string): string {
  return inline(text)
}
