/**
 * The matrix's columns: the evidence (the quote, linking to its passage), its grades and
 * relevance, one rating column per hypothesis, whether the row counts ("what if"), and the
 * row's flags. Score rows sit pinned under the hypotheses. Rating cells are plain text with
 * a class per rating, so a repaint after a rating costs no React render per cell.
 */
import type { CellClassParams, ColDef, ValueGetterParams } from 'ag-grid-community'
import type { CustomCellRendererProps } from 'ag-grid-react'
import { credibilityLabel, reliabilityLabel } from '../../ui/model-labels'
import {
  BAND_WEIGHTS,
  credibilityBand,
  hypothesisLabel,
  RATING_LABELS,
  RELEVANCE_LABELS,
  rowCredibility,
} from '../../../../shared/ach'
import { RELEVANCE_LEVELS, type Hypothesis } from '../../../../shared/model'
import { readerHref } from '../../routes/links'
import type { EvidenceGridRow, MatrixGridRow } from './matrix-model'
import { t } from '../../ui/i18n'

type Col = ColDef<MatrixGridRow>

/** What the cells call back into the view with. */
export interface MatrixContext {
  toggleIncluded: (row: EvidenceGridRow) => void
}

const HYPOTHESIS_COLUMN_PREFIX = 'h:'

export function hypothesisColumnId(hypothesisId: string): string {
  return `${HYPOTHESIS_COLUMN_PREFIX}${hypothesisId}`
}

export function hypothesisOfColumn(colId: string): string | null {
  return colId.startsWith(HYPOTHESIS_COLUMN_PREFIX)
    ? colId.slice(HYPOTHESIS_COLUMN_PREFIX.length)
    : null
}

const evidenceOf = (data: MatrixGridRow | undefined): EvidenceGridRow | null =>
  data?.kind === 'evidence' ? data : null

/** The words a row stands for, as text (for the CSV and the search of the grid). */
function evidenceText(row: EvidenceGridRow): string {
  const { quote } = row.view
  if (quote === null) return `${row.label} Analyst’s note: ${row.view.row.note ?? ''}`
  if (quote.status === 'missing') return `${row.label} (a quote no longer in the project)`
  return `${row.label} “${quote.exact}” — ${quote.sourceTitle}${quote.sourceDate ? `, ${quote.sourceDate}` : ''}`
}

function gradeText(row: EvidenceGridRow): string {
  const { quote } = row.view
  if (quote === null) return `${row.view.row.credibility ?? ''}`
  return quote.status === 'missing' ? '' : `${quote.reliability}${quote.credibility}`
}

function gradeTooltip(row: EvidenceGridRow): string {
  const credibility = rowCredibility(row.view)
  if (credibility === null) return t('ach.theQuoteWasDeletedThisRow')
  const band = credibilityBand(credibility)
  const weight = `counts with the ${band} credibility weight (${BAND_WEIGHTS[band].toFixed(2)})`
  const credibilityWords = `credibility ${credibility} (${credibilityLabel(credibility)?.toLowerCase() ?? ''})`
  const { quote } = row.view
  if (quote === null || quote.status === 'missing')
    return t('ach.theAnalysts', { credibilityWords, weight })
  return t('ach.sourceReliability', {
    reliability: quote.reliability,
    value: reliabilityLabel(quote.reliability)?.toLowerCase() ?? '',
    credibilityWords,
    weight,
  })
}

function flagsText(row: EvidenceGridRow): string {
  const flags: string[] = []
  if (row.excluded) flags.push(t('ach.leftOut'))
  if (row.view.quote?.status === 'missing') flags.push(t('ach.notScored'))
  if (row.linchpin) flags.push(t('ach.linchpin'))
  if (row.diagnosticity === 'non-diagnostic') flags.push('Non-diagnostic')
  return flags.join(' · ')
}

/** Every comment of a row, for the CSV: "H2: comment; H3: comment". */
function commentsText(row: EvidenceGridRow, hypotheses: readonly Hypothesis[]): string {
  return hypotheses
    .flatMap((h, i) => {
      const comment = row.view.row.cells[h.id]?.comment
      return comment ? [`${hypothesisLabel(i)}: ${comment}`] : []
    })
    .join('; ')
}

function IncludeCell({
  data,
  context,
}: CustomCellRendererProps<MatrixGridRow, unknown, MatrixContext>) {
  const row = evidenceOf(data)
  if (!row) return null
  return (
    <input
      type="checkbox"
      aria-label={t('ach.countInTheScores', { label: row.label })}
      checked={!row.excluded}
      onChange={() => context.toggleIncluded(row)}
    />
  )
}

function EvidenceCell({ data }: CustomCellRendererProps<MatrixGridRow>) {
  if (!data) return null
  if (data.kind === 'score') return <strong className="ach-score-label">{data.label}</strong>
  const { quote } = data.view
  const label = <span className="ach-evidence-label">{data.label}</span>
  if (quote === null) {
    return (
      <div className="ach-evidence">
        {label}
        <span className="ach-evidence-text ach-note-text" dir="auto">
          {data.view.row.note}
        </span>
        <span className="ach-evidence-source">{t('ach.analystsNote')}</span>
      </div>
    )
  }
  if (quote.status === 'missing') {
    return (
      <div className="ach-evidence">
        {label}
        <span className="ach-evidence-text muted">{t('ach.aQuoteNoLongerInThe')}</span>
      </div>
    )
  }
  return (
    <div className="ach-evidence">
      {label}
      <a
        className="ach-evidence-text"
        dir="auto"
        href={readerHref(quote.sourceId, quote.annotationId)}
        title={t('ach.openInTheReader', { exact: quote.exact })}
      >
        “{quote.exact}”
      </a>
      <span className="ach-evidence-source" dir="auto">
        {quote.sourceTitle}
        {quote.sourceDate ? `, ${quote.sourceDate}` : ''}
        {quote.status === 'orphaned' ? t('ach.passageLost') : ''}
      </span>
    </div>
  )
}

function ratingClass(p: CellClassParams<MatrixGridRow>, hypothesisId: string): string[] {
  const row = evidenceOf(p.data)
  if (!row) return ['ach-rating', 'ach-score']
  const cell = row.view.row.cells[hypothesisId]
  const classes = ['ach-rating']
  if (cell?.rating) classes.push(`rating-${cell.rating}`)
  if (cell?.comment) classes.push('has-comment')
  return classes
}

function hypothesisColumn(hypothesis: Hypothesis, index: number): Col {
  const id = hypothesis.id
  return {
    colId: hypothesisColumnId(id),
    headerName: `${hypothesisLabel(index)} ${hypothesis.title}`,
    headerTooltip: hypothesis.description
      ? `${hypothesis.title}: ${hypothesis.description}`
      : hypothesis.title,
    width: 104,
    valueGetter: (p: ValueGetterParams<MatrixGridRow>) => {
      if (!p.data) return ''
      if (p.data.kind === 'score') return p.data.values[id] ?? ''
      return p.data.view.row.cells[id]?.rating ?? ''
    },
    cellClass: (p) => ratingClass(p, id),
    tooltipValueGetter: (p) => {
      const row = evidenceOf(p.data)
      const cell = row?.view.row.cells[id]
      if (!row || !cell) return undefined
      const rating = cell.rating
        ? `${cell.rating}: ${RATING_LABELS[cell.rating]}`
        : t('ach.notRated')
      return cell.comment ? `${rating}. ${cell.comment}` : rating
    },
  }
}

export function matrixColumns(hypotheses: readonly Hypothesis[]): Col[] {
  return [
    {
      colId: 'evidence',
      headerName: t('ach.evidence'),
      width: 260,
      pinned: 'left',
      cellRenderer: EvidenceCell,
      valueGetter: (p) => {
        if (!p.data) return ''
        return p.data.kind === 'score' ? p.data.label : evidenceText(p.data)
      },
    },
    {
      colId: 'grade',
      headerName: t('ach.grade'),
      headerTooltip: t('ach.sourceReliabilityAFAndInformation'),
      width: 80,
      valueGetter: (p) => {
        const row = evidenceOf(p.data)
        return row ? gradeText(row) : ''
      },
      tooltipValueGetter: (p) => {
        const row = evidenceOf(p.data)
        return row ? gradeTooltip(row) : undefined
      },
    },
    {
      colId: 'relevance',
      headerName: t('ach.relevance'),
      width: 108,
      editable: (p) => p.data?.kind === 'evidence',
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: [...RELEVANCE_LEVELS] },
      valueGetter: (p) => evidenceOf(p.data)?.view.row.relevance ?? '',
      valueFormatter: (p) =>
        typeof p.value === 'string' && p.value in RELEVANCE_LABELS
          ? RELEVANCE_LABELS[p.value as keyof typeof RELEVANCE_LABELS]
          : '',
    },
    ...hypotheses.map(hypothesisColumn),
    {
      colId: 'include',
      headerName: t('ach.counts'),
      headerTooltip: t('ach.untickARowToSeeThe'),
      width: 90,
      cellRenderer: IncludeCell,
      valueGetter: (p) => (evidenceOf(p.data)?.excluded ? 'no' : 'yes'),
    },
    {
      colId: 'flags',
      headerName: t('ach.flags'),
      width: 170,
      valueGetter: (p) => {
        const row = evidenceOf(p.data)
        return row ? flagsText(row) : ''
      },
      tooltipValueGetter: (p) => evidenceOf(p.data)?.linchpin ?? undefined,
    },
    {
      colId: 'comments',
      headerName: t('ach.comments'),
      hide: true,
      valueGetter: (p) => {
        const row = evidenceOf(p.data)
        return row ? commentsText(row, hypotheses) : ''
      },
    },
  ]
}

export const defaultMatrixColDef: ColDef<MatrixGridRow> = {
  sortable: false,
  resizable: true,
  suppressMovable: true,
}
