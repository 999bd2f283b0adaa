/**
 * A report as one self-contained HTML document: the bundled fonts and the chart are
 * inside it, nothing is fetched and nothing runs. Every string that comes from the
 * project is escaped here or by rehype-stringify (note bodies).
 */
import { credibilityLabel, reliabilityLabel } from '../../../shared/admiralty'
import { stripBidiControls } from '../../../shared/bidi'
import { LAYER_VALUE_HEADINGS } from '../../../shared/geo/map-layers'
import { renderAnalysisHtml } from './analysis'
import { drawChartSvg } from './chart-svg'
import { drawMapSvg } from './map-svg'
import { mapTableRows, unlocatedNote } from './map-section'
import type { QuoteInfo, ReportDocument, SectionView } from './document'
import { escapeHtml, safeLinkUrl } from './escape'
import { renderNoteMarkdown } from './markdown'
import { reportStyleSheet } from './style'
import { timelineSectionSvg, type TimelineSectionView } from './timeline-section'

/** Numbers quotes across the whole report in order of first appearance. */
export class CitationNumbers {
  private readonly numbers = new Map<string, number>()

  number(annotationId: string): number {
    let n = this.numbers.get(annotationId)
    if (n === undefined) {
      n = this.numbers.size + 1
      this.numbers.set(annotationId, n)
    }
    return n
  }

  lookup(annotationId: string): number | undefined {
    return this.numbers.get(annotationId)
  }

  /** Cited annotation ids, by number. */
  get order(): string[] {
    return [...this.numbers.keys()]
  }
}

const ANCHOR_LABELS: Record<string, string> = {
  exact: 'found exactly where it was quoted',
  moved: 'found elsewhere in the source (the text changed)',
  fuzzy: 'found approximately (the text changed)',
  orphaned: 'no longer found in the source',
}

const TYPE_TITLES: Record<string, string> = {
  group: 'Groups',
  person: 'People',
  place: 'Places',
  community: 'Communities',
  event: 'Events',
}

/** The heading of an entity-table section: "Groups", "People"… */
export function tableTitle(entityType: string): string {
  return TYPE_TITLES[entityType] ?? capitalize(entityType)
}

export interface RenderedReport {
  html: string
  /** How many distinct quotes the report cites. */
  citations: number
}

/**
 * Walks the sections in order, numbering citations as they first appear: a note's
 * citations in the order the note parser gives them, then each listed quote.
 */
export function renderReportHtml(doc: ReportDocument): RenderedReport {
  const { report } = doc
  const numbers = new CitationNumbers()
  const body: string[] = []
  const pageClass = report.options.pageSize === 'Letter' ? 'page-letter' : 'page-a4'
  const marginClass = `margins-${report.options.margins ?? 'normal'}`
  const classification = escapeHtml(report.classification)

  body.push('<div class="sheet">')
  if (report.classification) {
    body.push(`<p class="classification-banner screen-only">${classification}</p>`)
  }
  body.push('<header class="title-block">')
  body.push(`<h1 dir="auto">${escapeHtml(stripBidiControls(report.title))}</h1>`)
  const meta: string[] = []
  if (report.author) meta.push(`<span>By ${isolated(report.author)}</span>`)
  if (report.date) meta.push(`<span>${escapeHtml(formatDate(report.date))}</span>`)
  if (report.classification) meta.push(`<span>${classification}</span>`)
  if (meta.length > 0) body.push(`<p class="meta">${meta.join('')}</p>`)
  body.push('</header>')

  doc.sections.forEach((section, index) => {
    body.push(renderSection(section, index, doc, numbers))
  })

  body.push(renderSources(doc, numbers))
  if (doc.appendix) body.push(renderAppendix(doc, numbers))
  if (report.classification) {
    body.push(`<p class="classification-banner bottom screen-only">${classification}</p>`)
  }
  body.push('</div>')

  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // The exported file, opened anywhere, fetches nothing and runs nothing.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>${reportStyleSheet()}</style>`,
    '</head>',
    `<body class="${pageClass} ${marginClass}">`,
    ...body,
    '</body>',
    '</html>',
  ].join('\n')
  return { html, citations: numbers.order.length }
}

function renderSection(
  section: SectionView,
  index: number,
  doc: ReportDocument,
  numbers: CitationNumbers,
): string {
  const open = (title: string, kind: string): string =>
    `<section class="report-section ${kind}" id="section-${index + 1}"><h2 dir="auto">${escapeHtml(title)}</h2>`
  switch (section.kind) {
    case 'note': {
      if (section.title === null) {
        return `${open('Missing note', 'note')}<p class="empty">This note is no longer in the project.</p></section>`
      }
      for (const id of section.citationIds) numbers.number(id)
      const html = renderNoteMarkdown(section.body, {
        title: section.title,
        cite: (id) => {
          const quote = doc.quotes.get(id)
          return {
            number: numbers.number(id),
            known: quote !== undefined,
            ...(quote ? { exact: quote.exact } : {}),
          }
        },
      })
      return `${open(section.title, 'note')}<div class="note-body">${html}</div></section>`
    }
    case 'entity-table':
      return `${open(tableTitle(section.entityType), 'entity-table')}${renderTable(section)}</section>`
    case 'graph':
      return `${open(section.caption || 'Link chart', 'graph')}${renderGraph(section, doc.report.title)}</section>`
    case 'quotes': {
      const items = section.annotationIds.map((id) => {
        const n = numbers.number(id)
        const quote = doc.quotes.get(id)
        if (!quote) return `<li>${missingQuote(id)} ${citeMarker(n)}</li>`
        return `<li>${quoteBlock(quote, false)}<p class="quote-meta">${sourceLine(quote, false)} · ${grades(quote)} ${citeMarker(n)}</p>${commentLine(quote)}</li>`
      })
      return `${open('Selected quotes', 'quotes')}${
        items.length > 0
          ? `<ol class="quote-list">${items.join('')}</ol>`
          : '<p class="empty">No quotes were chosen.</p>'
      }</section>`
    }
    case 'map':
      return `${open(section.caption || section.view.title, 'map')}${renderMap(section, index, numbers)}</section>`
    case 'analysis': {
      if (section.analysis === null) {
        return `${open('Missing analysis', 'analysis')}<p class="empty">This analysis is no longer in the project.</p></section>`
      }
      const html = renderAnalysisHtml(section.analysis, (id) => citeMarker(numbers.number(id)))
      return `${open(`Analysis: ${section.analysis.question}`, 'analysis')}${html}</section>`
    }
    case 'timeline':
      return `${open(section.caption || 'Timeline', 'timeline')}${renderTimeline(section, doc.report.title, numbers)}</section>`
  }
}

function renderMap(
  section: Extract<SectionView, { kind: 'map' }>,
  index: number,
  numbers: CitationNumbers,
): string {
  const { view } = section
  const drawing = drawMapSvg(view, section.data, {
    title: `Map: ${view.title}`,
    labels: 'both',
    idPrefix: `map${index + 1}-`,
  })
  const caption = `${escapeHtml(view.title)}. ${escapeHtml(section.period)}. Dashed outlines: relations no quote supports.`
  const rows = mapTableRows(section)
  const figure = `<figure>${drawing.svg}<figcaption>${caption}</figcaption></figure>`
  const note = unlocatedNote(section)
  const noteHtml = note ? `<p class="table-note">${escapeHtml(note)}</p>` : ''
  if (rows.length === 0) {
    return `${figure}<p class="empty">No province has anything to show on this layer${section.period === 'All dates' ? '' : ' in this period'}.</p>${noteHtml}`
  }
  const body = rows
    .map((row) => {
      const entries = row.entries
        .map((entry) => {
          const marks = entry.annotationIds.map((id) => citeMarker(numbers.number(id))).join('')
          const mark = entry.supported ? marks : ' <span class="empty">(unsupported)</span>'
          return `<li dir="auto">${escapeHtml(entry.text)}${mark}</li>`
        })
        .join('')
      return `<tr><th scope="row">${escapeHtml(row.province)} <span lang="fa" dir="rtl">${escapeHtml(row.provinceFa)}</span></th><td class="number">${row.value}</td><td>${entries ? `<ul class="map-groups">${entries}</ul>` : ''}</td></tr>`
    })
    .join('')
  return `${figure}<table class="map-table"><thead><tr><th scope="col">Province</th><th scope="col" class="number">${LAYER_VALUE_HEADINGS[view.filter.layer]}</th><th scope="col">Groups operating there</th></tr></thead><tbody>${body}</tbody></table>${noteHtml}`
}

function renderTimeline(
  section: TimelineSectionView,
  title: string,
  numbers: CitationNumbers,
): string {
  const lanes = section.lanes.map((l) => escapeHtml(l.name)).join(', ')
  const range = `${escapeHtml(formatDate(section.from))} to ${escapeHtml(formatDate(section.to))}`
  if (section.items.length === 0) {
    return `<p class="empty">Nothing dated on these lanes (${lanes}) between ${range}.</p>`
  }
  const chart = timelineSectionSvg(section, `Timeline of ${title}`)
  const rows = section.events.map((event) => {
    const cites = event.annotationIds.map((id) => citeMarker(numbers.number(id))).join('')
    return `<tr><td>${escapeHtml(event.date)}</td><th scope="row" dir="auto">${escapeHtml(event.name)}${cites}</th><td>${escapeHtml(capitalize(event.kind))}</td><td dir="auto">${escapeHtml(event.lanes.join(', '))}</td></tr>`
  })
  const omitted =
    section.omittedEvents > 0 ? ` ${section.omittedEvents} more events are not listed.` : ''
  const table =
    rows.length > 0
      ? `<table><thead><tr><th scope="col">Date</th><th scope="col">Event</th><th scope="col">Kind</th><th scope="col">Lanes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p class="empty">No event falls in this range.</p>'
  return `<figure>${chart.svg}<figcaption>Lanes: ${lanes}; ${range}. Circles: events; triangles: first seen; bars: periods and relations. Dashed: no quote supports it.${omitted}</figcaption></figure>${table}`
}

function renderTable(section: Extract<SectionView, { kind: 'entity-table' }>): string {
  const head = section.columns
    .map((c) => `<th scope="col"${c.numeric ? ' class="number"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('')
  const rows = section.rows
    .map(
      (row) =>
        `<tr>${row.cells
          .map((cell, i) => {
            const numeric = section.columns[i]?.numeric
            const tag = i === 0 ? 'th scope="row"' : 'td'
            const close = i === 0 ? 'th' : 'td'
            return `<${tag} dir="auto"${numeric ? ' class="number"' : ''}>${escapeHtml(cell)}</${close}>`
          })
          .join('')}</tr>`,
    )
    .join('')
  const what = (TYPE_TITLES[section.entityType] ?? section.entityType).toLowerCase()
  const note = section.filter
    ? `<p class="table-note">${section.rows.length} of ${section.total} ${escapeHtml(what)}, filtered by “${escapeHtml(section.filter)}”.</p>`
    : `<p class="table-note">${section.rows.length} ${escapeHtml(what)}.</p>`
  if (section.rows.length === 0)
    return `<p class="empty">No ${escapeHtml(what)} to show.</p>${note}`
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${note}`
}

function renderGraph(section: Extract<SectionView, { kind: 'graph' }>, title: string): string {
  const caption = section.caption
    ? escapeHtml(section.caption)
    : 'Entities and the relations between them.'
  if (
    section.image &&
    /^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(section.image.dataUrl)
  ) {
    return `<figure><img src="${section.image.dataUrl}" width="${section.image.width}" height="${section.image.height}" alt="Link chart of ${escapeHtml(title)}"><figcaption>${caption}</figcaption></figure>`
  }
  if (section.chart.nodes.length === 0) {
    return '<p class="empty">The project has no relations to chart yet.</p>'
  }
  const chart = drawChartSvg(section.chart, `Link chart of ${title}`)
  const omitted =
    section.chart.omitted > 0
      ? ` The ${section.chart.nodes.length} best-connected entities are shown; ${section.chart.omitted} more are left out.`
      : ''
  return `<figure>${chart.svg}<figcaption>${caption} Dashed lines: relations no quote supports.${omitted}</figcaption></figure>`
}

function renderSources(doc: ReportDocument, numbers: CitationNumbers): string {
  const items = numbers.order.map((id, i) => {
    const n = i + 1
    const quote = doc.quotes.get(id)
    if (!quote) {
      return `<li id="source-${n}"><span class="source-number">[${n}]</span> ${missingQuote(id)}</li>`
    }
    return `<li id="source-${n}"><p class="quote-meta"><span class="source-number">[${n}]</span> ${sourceLine(quote, true)}</p>${quoteBlock(quote, true)}<p class="quote-meta">${grades(quote)} · Anchor: <span class="anchor-${escapeHtml(quote.anchorState)}">${escapeHtml(ANCHOR_LABELS[quote.anchorState] ?? quote.anchorState)}</span></p>${commentLine(quote)}</li>`
  })
  return `<section class="report-section sources" id="sources"><h2>Sources and evidence</h2>${
    items.length > 0
      ? `<ol class="source-list">${items.join('')}</ol>`
      : '<p class="empty">The report cites no quotes.</p>'
  }</section>`
}

function renderAppendix(doc: ReportDocument, numbers: CitationNumbers): string {
  const parts = (doc.appendix ?? []).map((entry) => {
    const quotes = entry.annotationIds
      .map((id) => doc.quotes.get(id))
      .filter((q): q is QuoteInfo => q !== undefined)
      .map((quote) => {
        const n = numbers.lookup(quote.id)
        return `<li>${quoteBlock(quote, false)}<p class="quote-meta">${sourceLine(quote, false)} · ${grades(quote)}${n === undefined ? '' : ` ${citeMarker(n)}`}</p></li>`
      })
    return `<div class="appendix-entity"><h3 dir="auto">${escapeHtml(entry.entity.name)}</h3>${
      quotes.length > 0
        ? `<ul class="quote-list">${quotes.join('')}</ul>`
        : '<p class="empty">No quote supports this entity yet.</p>'
    }</div>`
  })
  return `<section class="report-section appendix" id="appendix"><h2>Appendix: the quotes behind each entity</h2>${
    parts.length > 0 ? parts.join('') : '<p class="empty">The report names no entities.</p>'
  }</section>`
}

function quoteBlock(quote: QuoteInfo, withContext: boolean): string {
  const lang = quote.source?.language ? ` lang="${escapeHtml(quote.source.language)}"` : ''
  const before =
    withContext && quote.prefix ? `<span class="context">…${escapeHtml(quote.prefix)}</span>` : ''
  const after =
    withContext && quote.suffix ? `<span class="context">${escapeHtml(quote.suffix)}…</span>` : ''
  return `<blockquote class="quote" dir="auto"${lang}>${before}<span class="exact">${escapeHtml(quote.exact)}</span>${after}</blockquote>`
}

/**
 * A name from outside (a document's title, author, publisher) set apart from the text
 * around it: without its explicit bidi controls, and in <bdi>, so a right-to-left name
 * neither reorders nor is reordered by the separators and dates printed after it.
 */
function isolated(text: string): string {
  return `<bdi>${escapeHtml(stripBidiControls(text))}</bdi>`
}

function sourceLine(quote: QuoteInfo, full: boolean): string {
  const source = quote.source
  if (!source) return '<span class="source-title">Source no longer in the project</span>'
  const parts = [`<span class="source-title">${isolated(source.title)}</span>`]
  if (full && source.author) parts.push(`<span>${isolated(source.author)}</span>`)
  if (source.publisher) parts.push(`<span>${isolated(source.publisher)}</span>`)
  if (source.publishedAt) parts.push(`<span>${escapeHtml(formatDate(source.publishedAt))}</span>`)
  const url = full ? safeLinkUrl(source.url) : null
  if (url) parts.push(`<a class="url" href="${escapeHtml(url)}">${escapeHtml(url)}</a>`)
  return parts.join(' · ')
}

function grades(quote: QuoteInfo): string {
  const reliability = quote.source?.reliability ?? 'F'
  return `Reliability <span class="grade">${escapeHtml(reliability)}</span> ${escapeHtml(reliabilityLabel(reliability)?.toLowerCase() ?? '')} · Credibility <span class="grade">${quote.credibility}</span> ${escapeHtml(credibilityLabel(quote.credibility)?.toLowerCase() ?? '')}`
}

function commentLine(quote: QuoteInfo): string {
  return quote.comment
    ? `<p class="comment" dir="auto">Analyst’s comment: ${escapeHtml(quote.comment)}</p>`
    : ''
}

function citeMarker(n: number): string {
  return `<sup class="cite"><a href="#source-${n}">[${n}]</a></sup>`
}

function missingQuote(id: string): string {
  return `<span class="empty">A quote that is no longer in the project (${escapeHtml(id)}).</span>`
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "2025-06-01" -> "1 June 2025"; anything else is printed as it is. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : iso
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
