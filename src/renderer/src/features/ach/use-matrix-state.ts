import { useCallback, useMemo, useState } from 'react'
import type { AnalysisMatrix } from '../../../../shared/contract'
import { buildMatrixModel, type EvidenceGridRow, type MatrixModel } from './matrix-model'

/**
 * The analyst's "what if" exclusions, per analysis, for the session: leaving the view and
 * coming back keeps them, and they are never saved (the report always counts every row).
 */
const exclusionsByAnalysis = new Map<string, ReadonlySet<string>>()

/**
 * The matrix as shown: scored without the rows left out, ordered with non-diagnostic rows
 * last when asked. Row objects that did not change are reused from the previous model.
 */
export function useMatrixState(analysisId: string, matrix: AnalysisMatrix | undefined) {
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(
    () => exclusionsByAnalysis.get(analysisId) ?? new Set(),
  )
  const [nonDiagnosticLast, setNonDiagnosticLast] = useState(false)
  // Kept across renders (never replaced), so unchanged rows keep their objects.
  const [rowCache] = useState(() => new Map<string, EvidenceGridRow>())

  const model: MatrixModel | null = useMemo(() => {
    if (!matrix) return null
    const built = buildMatrixModel(matrix, excluded, nonDiagnosticLast, rowCache)
    rowCache.clear()
    for (const row of built.rows) rowCache.set(row.id, row)
    return built
  }, [matrix, excluded, nonDiagnosticLast, rowCache])

  const setExclusions = useCallback(
    (next: ReadonlySet<string>) => {
      exclusionsByAnalysis.set(analysisId, next)
      setExcluded(next)
    },
    [analysisId],
  )

  const toggleIncluded = useCallback(
    (rowId: string) => {
      const next = new Set(excluded)
      if (!next.delete(rowId)) next.add(rowId)
      setExclusions(next)
    },
    [excluded, setExclusions],
  )

  const includeAll = useCallback(() => setExclusions(new Set()), [setExclusions])

  return {
    model,
    excludedCount: model ? model.rows.filter((r) => r.excluded).length : 0,
    toggleIncluded,
    includeAll,
    nonDiagnosticLast,
    setNonDiagnosticLast,
  }
}
