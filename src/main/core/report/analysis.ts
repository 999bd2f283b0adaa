/**
 * The "analysis" section of a report: an ACH matrix with its ratings, the scores under each
 * hypothesis, the ranking, and a numbered citation for each quote row. Gathered once from
 * the store, scored with the same shared code as the matrix view, then rendered as HTML or
 * Markdown; the caller numbers citations, so they run on across the whole report.
 */
import {
  analyseMatrix,
  evidenceLabel,
  formatScore,
  hypothesisLabel,
  hypothesisNamer,
  leadSentence,
  linchpinSentence,
  RATING_LABELS,
  RATING_LEGEND,
  RELEVANCE_LABELS,
  REFUTATION_NOTE,
  toMatrix,
  WEIGHT_RULE,
  type Diagnosticity,
  type Linchpin,
  type Scores,
} from '../../../shared/ach'
import type { EvidenceView } from '../../../shared/contract'
import type { Hypothesis } from '../../../shared/model'
import type { ProjectStore } from '../project-store'
import { analysisMatrix } from '../services/analyses'
import { escapeHtml } from './escape'

export interface AnalysisSectionData {
  question: string
  description: string
  hypotheses: Hypothesis[]
  evidence: EvidenceView[]
  scores: Scores
  /** By row, in row order. */
  diagnosticity: Diagnosticity[]
  linchpins: ReadonlyMap<string, Linchpin>
}

/** The analysis scored, or null when it is no longer in the project. */
export function gatherAnalysis(
  store: ProjectStore,
  analysisId: string,
): AnalysisSectionData | null {
  if (!store.data.analyses.some((a) => a.id === analysisId)) return null
  const { analysis, evidence } = analysisMatrix(store, analysisId)
  const { scores, diagnosticity, linchpins } = analyseMatrix(
    toMatrix(analysis.hypotheses, evidence),
  )
  return {
    question: analysis.question,
    description: analysis.description,
    hypotheses: analysis.hypotheses,
    evidence,
    scores,
    diagnosticity,
    linchpins: new Map(linchpins.map((l) => [l.rowId, l])),
  }
}

/** The annotations an analysis section cites, in row order (deleted quotes left out). */
export function analysisCitations(data: AnalysisSectionData | null): string[] {
  return (data?.evidence ?? []).flatMap((view) =>
    view.quote && view.quote.status !== 'missing' ? [view.quote.annotationId] : [],
  )
}

function shorten(text: string, max = 220): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}

/** The grade a row shows: the quote's Admiralty pair, or the analyst's credibility for a note. */
function gradeOf(view: EvidenceView): string {
  if (view.quote === null) return `${view.row.credibility ?? ''}`
  return view.quote.status === 'missing' ? '' : `${view.quote.reliability}${view.quote.credibility}`
}

function flagsOf(data: AnalysisSectionData, index: number): string[] {
  const view = data.evidence[index]!
  const flags: string[] = []
  if (view.quote?.status === 'missing') flags.push('Quote deleted, not scored')
  if (data.diagnosticity[index] === 'non-diagnostic') flags.push('Non-diagnostic')
  if (data.linchpins.has(view.row.id)) flags.push('Linchpin')
  return flags
}

function scoreFor(data: AnalysisSectionData, hypothesisId: string) {
  return data.scores.byHypothesis.find((s) => s.hypothesisId === hypothesisId)!
}

/**
 * The section's HTML after its heading. `cite` returns the citation marker of an annotation,
 * numbering it on first use.
 */
export function renderAnalysisHtml(
  data: AnalysisSectionData,
  cite: (annotationId: string) => string,
): string {
  const out: string[] = []
  const name = hypothesisNamer(data.hypotheses)
  if (data.description) out.push(`<p dir="auto">${escapeHtml(data.description)}</p>`)
  out.push('<h3>Hypotheses</h3><ol class="ach-hypotheses">')
  data.hypotheses.forEach((h, i) => {
    const description = h.description ? ` — ${escapeHtml(h.description)}` : ''
    out.push(
      `<li><span class="ach-label">${hypothesisLabel(i)}</span> <strong dir="auto">${escapeHtml(h.title)}</strong>${description}</li>`,
    )
  })
  out.push('</ol>')
  if (data.hypotheses.length === 0) {
    out.push('<p class="empty">This analysis has no hypotheses yet.</p>')
    return out.join('')
  }

  const head = data.hypotheses
    .map(
      (h, i) =>
        `<th scope="col" class="ach-rating" title="${escapeHtml(h.title)}">${hypothesisLabel(i)}</th>`,
    )
    .join('')
  const comments: string[] = []
  const rows = data.evidence.map((view, index) => {
    const label = evidenceLabel(index)
    const words =
      view.quote === null
        ? `<span class="ach-note">Analyst’s note:</span> ${escapeHtml(shorten(view.row.note ?? ''))}`
        : view.quote.status === 'missing'
          ? '<span class="empty">A quote no longer in the project</span>'
          : `“${escapeHtml(shorten(view.quote.exact))}”${cite(view.quote.annotationId)}`
    const cells = data.hypotheses
      .map((h, i) => {
        const cell = view.row.cells[h.id]
        if (cell?.comment) {
          comments.push(
            `<li><span class="ach-label">${label} × ${hypothesisLabel(i)}</span> ${escapeHtml(cell.comment)}</li>`,
          )
        }
        const rating = cell?.rating
        return `<td class="ach-rating${rating ? ` rating-${rating}` : ''}"${rating ? ` title="${RATING_LABELS[rating]}"` : ''}>${rating ?? ''}${cell?.comment ? '*' : ''}</td>`
      })
      .join('')
    const flags = flagsOf(data, index)
    const diagnostic =
      data.diagnosticity[index] === 'non-diagnostic' ? ' class="non-diagnostic"' : ''
    return `<tr${diagnostic}><th scope="row" dir="auto"><span class="ach-label">${label}</span> ${words}</th><td>${gradeOf(view)}</td><td>${RELEVANCE_LABELS[view.row.relevance]}</td>${cells}<td>${flags.join(', ')}</td></tr>`
  })
  const footer = (title: string, value: (id: string) => string): string =>
    `<tr><th scope="row" colspan="3">${title}</th>${data.hypotheses
      .map((h) => `<td class="ach-rating">${value(h.id)}</td>`)
      .join('')}<td></td></tr>`
  out.push(
    `<table class="ach-matrix"><thead><tr><th scope="col">Evidence</th><th scope="col">Grade</th><th scope="col">Relevance</th>${head}<th scope="col">Flags</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    `<tfoot>${footer('Weighted inconsistency', (id) => formatScore(scoreFor(data, id).weighted))}${footer('Inconsistencies', (id) => String(scoreFor(data, id).inconsistencies))}${footer('Rank', (id) => String(scoreFor(data, id).rank))}</tfoot></table>`,
  )
  if (data.evidence.length === 0) out.push('<p class="empty">No evidence has been added yet.</p>')
  out.push(
    `<p class="table-note">${escapeHtml(RATING_LEGEND)}. * the rating has a comment. ${escapeHtml(WEIGHT_RULE)}</p>`,
  )

  out.push('<h3>Ranking</h3><ol class="ach-ranking">')
  for (const id of data.scores.ranking) {
    const score = scoreFor(data, id)
    const h = data.hypotheses.find((x) => x.id === id)!
    out.push(
      `<li><span class="ach-label">${name(id)}</span> <span dir="auto">${escapeHtml(h.title)}</span>: ${formatScore(score.weighted)}, ${plural(score.inconsistencies, 'inconsistency', 'inconsistencies')}${score.tied ? ' (tied)' : ''}</li>`,
    )
  }
  out.push('</ol>')
  out.push(`<p>${escapeHtml(leadSentence(data.scores, name))} ${escapeHtml(REFUTATION_NOTE)}</p>`)

  const linchpins = data.evidence.flatMap((view, index) => {
    const linchpin = data.linchpins.get(view.row.id)
    return linchpin
      ? [
          `<li><span class="ach-label">${evidenceLabel(index)}</span> ${escapeHtml(linchpinSentence(linchpin, name))}</li>`,
        ]
      : []
  })
  if (linchpins.length > 0) {
    out.push(`<h3>Linchpins</h3><ul class="ach-linchpins">${linchpins.join('')}</ul>`)
  }
  if (comments.length > 0) {
    out.push(`<h3>Comments on ratings</h3><ul class="ach-comments">${comments.join('')}</ul>`)
  }
  return out.join('')
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** The section as Markdown after its heading; `cite` returns "[n]" for an annotation. */
export function renderAnalysisMarkdown(
  data: AnalysisSectionData,
  cite: (annotationId: string) => string,
  inline: (text: string) => string,
): string[] {
  const name = hypothesisNamer(data.hypotheses)
  const out: string[] = []
  if (data.description) out.push(inline(data.description), '')
  data.hypotheses.forEach((h, i) => {
    out.push(
      `- **${hypothesisLabel(i)}** ${inline(h.title)}${h.description ? ` — ${inline(h.description)}` : ''}`,
    )
  })
  out.push('')
  if (data.hypotheses.length === 0) return [...out, '_This analysis has no hypotheses yet._', '']
  const labels = data.hypotheses.map((_, i) => hypothesisLabel(i))
  out.push(`| Evidence | Grade | Relevance | ${labels.join(' | ')} | Flags |`)
  out.push(`| --- | --- | --- | ${labels.map(() => ':---:').join(' | ')} | --- |`)
  data.evidence.forEach((view, index) => {
    const words =
      view.quote === null
        ? `Analyst’s note: ${inline(shorten(view.row.note ?? ''))}`
        : view.quote.status === 'missing'
          ? '_A quote no longer in the project_'
          : `“${inline(shorten(view.quote.exact))}” ${cite(view.quote.annotationId)}`
    const ratings = data.hypotheses.map((h) => {
      const c = view.row.cells[h.id]
      return `${c?.rating ?? ''}${c?.comment ? '*' : ''}`
    })
    out.push(
      `| ${evidenceLabel(index)} ${words} | ${gradeOf(view)} | ${RELEVANCE_LABELS[view.row.relevance]} | ${ratings.join(' | ')} | ${flagsOf(data, index).join(', ')} |`,
    )
  })
  const footer = (title: string, value: (id: string) => string): string =>
    `| **${title}** | | | ${data.hypotheses.map((h) => value(h.id)).join(' | ')} | |`
  out.push(footer('Weighted inconsistency', (id) => formatScore(scoreFor(data, id).weighted)))
  out.push(footer('Inconsistencies', (id) => String(scoreFor(data, id).inconsistencies)))
  out.push('', `_${RATING_LEGEND}. * the rating has a comment. ${WEIGHT_RULE}_`, '')
  data.scores.ranking.forEach((id, i) => {
    const score = scoreFor(data, id)
    const h = data.hypotheses.find((x) => x.id === id)!
    out.push(
      `${i + 1}. **${name(id)}** ${inline(h.title)}: ${formatScore(score.weighted)}, ${plural(score.inconsistencies, 'inconsistency', 'inconsistencies')}${score.tied ? ' (tied)' : ''}`,
    )
  })
  out.push('', `${leadSentence(data.scores, name)} ${REFUTATION_NOTE}`, '')
  data.evidence.forEach((view, index) => {
    const linchpin = data.linchpins.get(view.row.id)
    if (linchpin)
      out.push(`- Linchpin ${evidenceLabel(index)}: ${linchpinSentence(linchpin, name)}`)
  })
  data.evidence.forEach((view, index) => {
    data.hypotheses.forEach((h, i) => {
      const comment = view.row.cells[h.id]?.comment
      if (comment) out.push(`- ${evidenceLabel(index)} × ${hypothesisLabel(i)}: ${inline(comment)}`)
    })
  })
  out.push('')
  return out
}
