import type { GridApi } from 'ag-grid-community'
import { useCallback, useMemo, useRef, useState } from 'react'
import { RATING_LABELS, RELEVANCE_LABELS } from '../../../../shared/ach'
import type { AchRating, Relevance } from '../../../../shared/model'
import { useAnalysis } from '../../api/analyses'
import { useUndoRedo } from '../../ui/use-undo-redo'
import { AddEvidenceDialog } from './AddEvidenceDialog'
import { AnalysisHeader } from './AnalysisHeader'
import { CellPanel } from './CellPanel'
import { rateCell, removeEvidence, setRelevance } from './edits'
import { HypothesesBar } from './HypothesesBar'
import { hypothesisColumnId } from './matrix-columns'
import { exportMatrixCsv } from './matrix-csv'
import { MatrixGrid, type FocusedCell } from './MatrixGrid'
import type { EvidenceGridRow, MatrixGridRow } from './matrix-model'
import { RankingPanel } from './RankingPanel'
import { useMatrixState } from './use-matrix-state'
import { errorMessage } from '../../ui/error-message'
import { t } from '../../ui/i18n'

/**
 * One analysis: its question and hypotheses, the matrix, and beside it the ranking, the
 * linchpins and the focused cell. Every edit goes through the edit history (Ctrl+Z).
 */
export function AnalysisWorkspace({ analysisId }: { analysisId: string }) {
  const query = useAnalysis(analysisId)
  const matrix = query.data
  const state = useMatrixState(analysisId, matrix)
  const [status, announce] = useState('')
  const undoRedo = useUndoRedo(announce)
  const [api, setApi] = useState<GridApi<MatrixGridRow> | null>(null)
  const [focused, setFocused] = useState<FocusedCell | null>(null)
  const [adding, setAdding] = useState(false)
  const commentRef = useRef<HTMLTextAreaElement>(null)

  const model = state.model
  const nameOf = model?.nameOf
  const rowById = useMemo(() => new Map(model?.rows.map((r) => [r.id, r])), [model])
  const inMatrix = useMemo(
    () => new Set((matrix?.evidence ?? []).flatMap((v) => (v.quote ? [v.quote.annotationId] : []))),
    [matrix],
  )

  const onRate = useCallback(
    (row: EvidenceGridRow, hypothesisId: string, rating: AchRating | null) => {
      const name = `${row.label} × ${nameOf?.(hypothesisId) ?? ''}`
      const words = rating ? `${rating} (${RATING_LABELS[rating].toLowerCase()})` : 'unrated'
      rateCell(analysisId, row.view, hypothesisId, { rating }, `rating of ${name}`).then(
        () => announce(`${name}: ${words}.`),
        (e: unknown) => announce(`${name} was not rated: ${errorMessage(e)}`),
      )
    },
    [analysisId, nameOf],
  )

  const onRelevance = useCallback(
    (row: EvidenceGridRow, relevance: Relevance) => {
      setRelevance(analysisId, row.view, relevance, `relevance of ${row.label}`).then(
        () => announce(`${row.label}: relevance ${RELEVANCE_LABELS[relevance].toLowerCase()}.`),
        (e: unknown) =>
          announce(t('ach.theRelevanceWasNotChanged', { errorMessage: errorMessage(e) })),
      )
    },
    [analysisId],
  )

  const { toggleIncluded } = state
  const onToggleIncluded = useCallback(
    (row: EvidenceGridRow) => {
      toggleIncluded(row.id)
      announce(
        row.excluded
          ? `${row.label} counts again.`
          : t('ach.whatIfIsLeftOutOf', { label: row.label }),
      )
    },
    [toggleIncluded],
  )

  const backToGrid = useCallback(() => {
    if (!api || !focused) return
    const node = api.getRowNode(focused.rowId)
    if (node?.rowIndex != null) {
      api.setFocusedCell(node.rowIndex, hypothesisColumnId(focused.hypothesisId))
    }
  }, [api, focused])

  if (query.isError) {
    return (
      <div role="alert" className="error-panel">
        <p>{t('ach.thisAnalysisCouldNotBeOpened', { message: query.error.message })}</p>
        <a href="#/analyses">{t('ach.allAnalyses')}</a>
      </div>
    )
  }
  if (!matrix || !model) return <p className="muted">{t('ach.loadingTheAnalysis')}</p>

  const { analysis } = matrix
  const focusedRow = focused ? rowById.get(focused.rowId) : undefined
  const focusedHypothesis = focused
    ? analysis.hypotheses.find((h) => h.id === focused.hypothesisId)
    : undefined

  return (
    <section className="ach-workspace" aria-labelledby="ach-question">
      <AnalysisHeader analysis={analysis} announce={announce} />
      <HypothesesBar analysis={analysis} announce={announce} />
      <div className="ach-toolbar" role="toolbar" aria-label={t('ach.matrixTools')}>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          {t('ach.addEvidence2')}
        </button>
        <label className="toggle">
          <input
            type="checkbox"
            checked={state.nonDiagnosticLast}
            onChange={(event) => state.setNonDiagnosticLast(event.target.checked)}
          />
          {t('ach.nonDiagnosticRowsLast')}
        </label>
        <span className="toolbar-gap" />
        <button
          type="button"
          disabled={!focusedRow}
          onClick={() => {
            if (!focusedRow) return
            removeEvidence(analysisId, [focusedRow.id], `remove ${focusedRow.label}`).then(
              () => announce(t('ach.removedCtrlZPutsItBack', { label: focusedRow.label })),
              (e: unknown) => announce(t('ach.notRemoved', { errorMessage: errorMessage(e) })),
            )
          }}
        >
          {t('ach.removeRow', { value: focusedRow?.label ?? '' })}
        </button>
        <button
          type="button"
          onClick={() => void undoRedo.run('undo')}
          disabled={!undoRedo.history.undoLabel || undoRedo.history.busy}
          title={
            undoRedo.history.undoLabel
              ? t('ach.undo2', { undoLabel: undoRedo.history.undoLabel })
              : undefined
          }
        >
          {t('ach.undo')}
        </button>
        <button
          type="button"
          onClick={() => void undoRedo.run('redo')}
          disabled={!undoRedo.history.redoLabel || undoRedo.history.busy}
          title={
            undoRedo.history.redoLabel
              ? t('ach.redo2', { redoLabel: undoRedo.history.redoLabel })
              : undefined
          }
        >
          {t('ach.redo')}
        </button>
        <button
          type="button"
          disabled={!api}
          onClick={() => api && announce(exportMatrixCsv(api, analysis.question))}
        >
          {t('ach.exportCsv')}
        </button>
      </div>
      <div className="ach-body">
        <div className="ach-grid-host" role="region" aria-label={t('ach.matrix')}>
          <MatrixGrid
            hypotheses={analysis.hypotheses}
            rows={model.rows}
            footer={model.footer}
            onRate={onRate}
            onRelevance={onRelevance}
            onToggleIncluded={onToggleIncluded}
            onFocusCell={setFocused}
            onOpenComment={() => commentRef.current?.focus()}
            onReady={setApi}
          />
        </div>
        <aside className="ach-side" aria-label={t('ach.scoresAndTheFocusedCell')}>
          <RankingPanel
            model={model}
            hypotheses={analysis.hypotheses}
            excludedCount={state.excludedCount}
            onIncludeAll={state.includeAll}
          />
          {focusedRow && focusedHypothesis && (
            <CellPanel
              key={`${focusedRow.id}|${focusedHypothesis.id}`}
              row={focusedRow}
              hypothesis={focusedHypothesis}
              hypothesisName={model.nameOf(focusedHypothesis.id)}
              commentRef={commentRef}
              onRate={(rating) => onRate(focusedRow, focusedHypothesis.id, rating)}
              onComment={async (comment) => {
                const name = `${focusedRow.label} × ${model.nameOf(focusedHypothesis.id)}`
                try {
                  await rateCell(
                    analysisId,
                    focusedRow.view,
                    focusedHypothesis.id,
                    { comment: comment.trim() === '' ? null : comment },
                    `comment on ${name}`,
                  )
                  announce(t('ach.commentOnSaved', { name }))
                } catch (e) {
                  announce(t('ach.theCommentWasNotSaved', { errorMessage: errorMessage(e) }))
                }
              }}
              onBackToGrid={backToGrid}
            />
          )}
        </aside>
      </div>
      <p className="ach-status" role="status">
        {status}
      </p>
      {adding && (
        <AddEvidenceDialog
          analysisId={analysisId}
          inMatrix={inMatrix}
          onClose={() => setAdding(false)}
          announce={announce}
        />
      )}
    </section>
  )
}
