import type {
  CellEditRequestEvent,
  CellFocusedEvent,
  CellKeyDownEvent,
  FullWidthCellKeyDownEvent,
  GetRowIdParams,
  GridApi,
  RowClassRules,
  RowHeightParams,
} from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { AchRating, Hypothesis, Relevance } from '../../../../shared/model'
import { readerHref } from '../../routes/links'
import { gridTheme } from '../../ui/data-grid'
import { gridLocaleText } from '../../ui/grid-locale'
import { styleNonce } from '../../ui/style-nonce'
import {
  defaultMatrixColDef,
  hypothesisOfColumn,
  matrixColumns,
  type MatrixContext,
} from './matrix-columns'
import type { EvidenceGridRow, MatrixGridRow, ScoreGridRow } from './matrix-model'
import { DOUBLE_KEY_MS, typeRating } from './rating-keys'
import { currentDirection, t } from '../../ui/i18n'

/** The focused rating cell: the row and the hypothesis it rates. */
export interface FocusedCell {
  rowId: string
  hypothesisId: string
}

const getRowId = ({ data }: GetRowIdParams<MatrixGridRow>): string =>
  data.kind === 'score' ? `score:${data.id}` : data.id

const getRowHeight = ({ data }: RowHeightParams<MatrixGridRow>): number =>
  data?.kind === 'score' ? 36 : 64

const rowClassRules: RowClassRules<MatrixGridRow> = {
  'ach-row-non-diagnostic': ({ data }) =>
    data?.kind === 'evidence' && data.diagnosticity === 'non-diagnostic',
  'ach-row-excluded': ({ data }) => data?.kind === 'evidence' && data.excluded,
  'ach-row-linchpin': ({ data }) => data?.kind === 'evidence' && data.linchpin !== null,
  'ach-row-score': ({ data }) => data?.kind === 'score',
}

/**
 * The ACH matrix: evidence down, hypotheses across. Keyboard first: arrows move between
 * cells; c, cc, n, i, ii, x rate the focused cell (Delete clears it); Enter on a rating opens
 * its comment; Space on "Counts" leaves a row out of the scores; Enter on the evidence opens
 * the quote in the reader.
 */
export function MatrixGrid({
  hypotheses,
  rows,
  footer,
  onRate,
  onRelevance,
  onToggleIncluded,
  onFocusCell,
  onOpenComment,
  onReady,
}: {
  hypotheses: readonly Hypothesis[]
  rows: EvidenceGridRow[]
  footer: ScoreGridRow[]
  onRate: (row: EvidenceGridRow, hypothesisId: string, rating: AchRating | null) => void
  onRelevance: (row: EvidenceGridRow, relevance: Relevance) => void
  onToggleIncluded: (row: EvidenceGridRow) => void
  onFocusCell: (cell: FocusedCell | null) => void
  onOpenComment: () => void
  onReady: (api: GridApi<MatrixGridRow>) => void
}) {
  const columnDefs = useMemo(() => matrixColumns(hypotheses), [hypotheses])
  // The grid keeps its context object; the latest callbacks are read through it.
  const latest = useRef({ onRate, onRelevance, onToggleIncluded, onFocusCell, onOpenComment })
  useEffect(() => {
    latest.current = { onRate, onRelevance, onToggleIncluded, onFocusCell, onOpenComment }
  })
  const context = useMemo<MatrixContext>(
    () => ({ toggleIncluded: (row) => latest.current.onToggleIncluded(row) }),
    [],
  )
  const typed = useRef<{ cell: string; letters: string; at: number } | null>(null)

  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<MatrixGridRow> | FullWidthCellKeyDownEvent<MatrixGridRow>) => {
      const key = event.event
      if (!(key instanceof KeyboardEvent) || !('column' in event)) return
      if (key.ctrlKey || key.metaKey || key.altKey) return
      const row = event.data
      if (row?.kind !== 'evidence') return
      const colId = event.column.getColId()
      if (colId === 'include' && key.key === ' ') {
        key.preventDefault()
        latest.current.onToggleIncluded(row)
        return
      }
      if (colId === 'evidence' && key.key === 'Enter') {
        const { quote } = row.view
        if (quote && quote.status !== 'missing') {
          window.location.hash = readerHref(quote.sourceId, quote.annotationId)
        }
        return
      }
      const hypothesisId = hypothesisOfColumn(colId)
      if (hypothesisId === null) return
      if (key.key === 'Enter') {
        key.preventDefault()
        latest.current.onOpenComment()
        return
      }
      const cell = `${row.id}|${hypothesisId}`
      const now = performance.now()
      const before =
        typed.current?.cell === cell && now - typed.current.at < DOUBLE_KEY_MS
          ? typed.current.letters
          : ''
      const result = typeRating(before, key.key)
      if (!result) return
      key.preventDefault()
      typed.current = { cell, letters: result.typed, at: now }
      latest.current.onRate(row, hypothesisId, result.rating)
    },
    [],
  )

  const onCellFocused = useCallback((event: CellFocusedEvent<MatrixGridRow>) => {
    const column = event.column
    const colId = typeof column === 'object' && column ? column.getColId() : null
    const hypothesisId = colId ? hypothesisOfColumn(colId) : null
    const node =
      event.rowIndex === null ? undefined : event.api.getDisplayedRowAtIndex(event.rowIndex)
    const data = event.rowPinned ? undefined : node?.data
    latest.current.onFocusCell(
      hypothesisId && data?.kind === 'evidence' ? { rowId: data.id, hypothesisId } : null,
    )
  }, [])

  const onCellEditRequest = useCallback((event: CellEditRequestEvent<MatrixGridRow>) => {
    const row = event.data
    const value = event.newValue
    if (row?.kind !== 'evidence' || event.column.getColId() !== 'relevance') return
    if (value === 'low' || value === 'medium' || value === 'high') {
      latest.current.onRelevance(row, value)
    }
  }, [])

  return (
    <AgGridReact<MatrixGridRow>
      enableRtl={currentDirection() === 'rtl'}
      theme={gridTheme}
      styleNonce={styleNonce()}
      columnDefs={columnDefs}
      defaultColDef={defaultMatrixColDef}
      rowData={rows}
      pinnedBottomRowData={footer}
      getRowId={getRowId}
      getRowHeight={getRowHeight}
      rowClassRules={rowClassRules}
      context={context}
      readOnlyEdit
      onCellEditRequest={onCellEditRequest}
      onCellKeyDown={onCellKeyDown}
      onCellFocused={onCellFocused}
      onGridReady={(event) => onReady(event.api)}
      tooltipShowDelay={400}
      enableCellTextSelection
      rowBuffer={5}
      localeText={gridLocaleText({ noRowsToShow: t('ach.noEvidenceYetAddQuotesOrA') })}
    />
  )
}
