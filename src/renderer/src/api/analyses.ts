/**
 * Analyses (ACH matrices): the list, one matrix, the quotes that can be added, and every
 * edit. Each edit puts its answer into the cached matrix at once. A rating shows before its
 * answer arrives (the keyboard rates faster than a round trip) and is put right if refused.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type {
  AnalysisMatrix,
  AnalysisSnapshot,
  EvidenceSnapshot,
  EvidenceView,
  HypothesisSnapshot,
  MethodInput,
} from '../../../shared/contract'
import type { AchCell, Analysis } from '../../../shared/model'
import { call } from './client'
import { queryClient } from './query-client'
import { reportKeys } from './reports'

export const analysisKeys = {
  all: ['analyses'] as const,
  list: () => [...analysisKeys.all, 'list'] as const,
  detail: (id: string) => [...analysisKeys.all, 'detail', id] as const,
  quoteCandidates: (q: string) => [...analysisKeys.all, 'quote-candidates', q] as const,
}

export function useAnalysisList() {
  return useQuery({ queryKey: analysisKeys.list(), queryFn: () => call('analyses.list', {}) })
}

/**
 * One matrix; read afresh whenever a view opens it, since quotes and grades change elsewhere.
 * No structural sharing: the edits below already keep every unchanged row's object, and
 * comparing 2,000 rows deeply on each keystroke would cost more than the scoring.
 */
export function useAnalysis(id: string | null) {
  return useQuery({
    queryKey: analysisKeys.detail(id ?? ''),
    queryFn: () => call('analyses.get', { id: id! }),
    enabled: id !== null,
    staleTime: 0,
    structuralSharing: false,
  })
}

/** Quotes whose words, comment, tags or source title contain `q`, to add as evidence. */
export function useQuoteCandidates(q: string) {
  return useQuery({
    queryKey: analysisKeys.quoteCandidates(q),
    queryFn: () => call('notes.quoteSuggestions', { q, limit: 20 }),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  })
}

// ---------------------------------------------------------------- the cache

function patchMatrix(analysisId: string, change: (matrix: AnalysisMatrix) => AnalysisMatrix) {
  queryClient.setQueryData<AnalysisMatrix>(analysisKeys.detail(analysisId), (matrix) =>
    matrix ? change(matrix) : matrix,
  )
}

function putAnalysis(analysis: Analysis): void {
  patchMatrix(analysis.id, (matrix) => ({ ...matrix, analysis }))
}

function putRows(analysisId: string, views: readonly EvidenceView[]): void {
  const byId = new Map(views.map((v) => [v.row.id, v]))
  patchMatrix(analysisId, (matrix) => {
    const evidence = matrix.evidence.map((v) => {
      const next = byId.get(v.row.id)
      byId.delete(v.row.id)
      return next ?? v
    })
    return { ...matrix, evidence: [...evidence, ...byId.values()] }
  })
}

/** What every edit refreshes besides the matrix: the list's counts, and reports that print it. */
function analysesChanged(): void {
  void queryClient.invalidateQueries({ queryKey: analysisKeys.list() })
  void queryClient.invalidateQueries({ queryKey: reportKeys.all })
}

async function reloadMatrix(analysisId: string): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: analysisKeys.detail(analysisId) })
}

// ---------------------------------------------------------------- edits

export async function createAnalysis(input: MethodInput<'analyses.create'>): Promise<Analysis> {
  const analysis = await call('analyses.create', input)
  analysesChanged()
  return analysis
}

export async function updateAnalysis(input: MethodInput<'analyses.update'>): Promise<Analysis> {
  const analysis = await call('analyses.update', input)
  putAnalysis(analysis)
  analysesChanged()
  return analysis
}

export async function deleteAnalysis(id: string): Promise<AnalysisSnapshot> {
  const snapshot = await call('analyses.delete', { id })
  queryClient.removeQueries({ queryKey: analysisKeys.detail(id) })
  analysesChanged()
  return snapshot
}

export async function restoreAnalysis(snapshot: AnalysisSnapshot): Promise<Analysis> {
  const analysis = await call('analyses.restore', snapshot)
  analysesChanged()
  return analysis
}

export async function addHypothesis(
  input: MethodInput<'analyses.addHypothesis'>,
): Promise<Analysis> {
  const analysis = await call('analyses.addHypothesis', input)
  putAnalysis(analysis)
  analysesChanged()
  return analysis
}

export async function updateHypothesis(
  input: MethodInput<'analyses.updateHypothesis'>,
): Promise<Analysis> {
  const analysis = await call('analyses.updateHypothesis', input)
  putAnalysis(analysis)
  analysesChanged()
  return analysis
}

export async function removeHypothesis(
  input: MethodInput<'analyses.removeHypothesis'>,
): Promise<HypothesisSnapshot> {
  const snapshot = await call('analyses.removeHypothesis', input)
  await reloadMatrix(input.analysisId)
  analysesChanged()
  return snapshot
}

export async function restoreHypothesis(snapshot: HypothesisSnapshot): Promise<Analysis> {
  const analysis = await call('analyses.restoreHypothesis', snapshot)
  await reloadMatrix(analysis.id)
  analysesChanged()
  return analysis
}

export async function addEvidence(
  input: MethodInput<'analyses.addEvidence'>,
): Promise<EvidenceView[]> {
  const views = await call('analyses.addEvidence', input)
  putRows(input.analysisId, views)
  analysesChanged()
  return views
}

export async function updateEvidence(
  input: MethodInput<'analyses.updateEvidence'>,
): Promise<EvidenceView> {
  const view = await call('analyses.updateEvidence', input)
  putRows(input.analysisId, [view])
  analysesChanged()
  return view
}

export async function removeEvidence(
  input: MethodInput<'analyses.removeEvidence'>,
): Promise<EvidenceSnapshot[]> {
  const removed = await call('analyses.removeEvidence', input)
  const gone = new Set(input.evidenceIds)
  patchMatrix(input.analysisId, (matrix) => ({
    ...matrix,
    evidence: matrix.evidence.filter((v) => !gone.has(v.row.id)),
  }))
  analysesChanged()
  return removed
}

export async function restoreEvidence(rows: EvidenceSnapshot[]): Promise<EvidenceView[]> {
  const views = await call('analyses.restoreEvidence', { rows })
  const analysisId = rows[0]?.row.analysisId
  if (analysisId) await reloadMatrix(analysisId)
  analysesChanged()
  return views
}

/** The newest rating edit of each row: an older answer must not paint over a newer rating. */
const latestRatingEdit = new Map<string, number>()
let ratingEdits = 0

/**
 * Rates a cell: the cached matrix shows `cell` at once; the answer replaces it unless a newer
 * edit of the row is on its way. A refusal reloads the matrix and rethrows.
 */
export async function rateCell(
  input: MethodInput<'analyses.rate'>,
  cell: AchCell | undefined,
): Promise<EvidenceView> {
  const edit = ++ratingEdits
  latestRatingEdit.set(input.evidenceId, edit)
  patchMatrix(input.analysisId, (matrix) => ({
    ...matrix,
    evidence: matrix.evidence.map((v) => {
      if (v.row.id !== input.evidenceId) return v
      const { [input.hypothesisId]: _old, ...others } = v.row.cells
      return {
        ...v,
        row: { ...v.row, cells: cell ? { ...others, [input.hypothesisId]: cell } : others },
      }
    }),
  }))
  try {
    const view = await call('analyses.rate', input)
    if (latestRatingEdit.get(input.evidenceId) === edit) putRows(input.analysisId, [view])
    analysesChanged()
    return view
  } catch (error) {
    await reloadMatrix(input.analysisId)
    throw error
  }
}
