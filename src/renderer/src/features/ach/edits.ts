/**
 * Every change the ACH view makes, each recorded in the session's edit history with its
 * inverse, so Ctrl+Z takes back a rating, a hypothesis, a row or a whole analysis.
 */
import type {
  AnalysisSnapshot,
  EvidenceView,
  HypothesisSnapshot,
} from '../../../../shared/contract'
import type { AchCell, AchRating, Analysis, Relevance } from '../../../../shared/model'
import * as analyses from '../../api/analyses'
import { editHistory } from '../../ui/edit-history'
import { t } from '../../ui/i18n'

/** A cell's rating and comment after a change; undefined when it ends up empty. */
function changedCell(
  before: AchCell | undefined,
  change: { rating?: AchRating | null; comment?: string | null },
): AchCell | undefined {
  const rating = change.rating === undefined ? before?.rating : (change.rating ?? undefined)
  const comment =
    change.comment === undefined ? before?.comment : change.comment?.trim() || undefined
  if (rating === undefined && comment === undefined) return undefined
  return { ...(rating ? { rating } : {}), ...(comment ? { comment } : {}) }
}

/** Rates a cell and/or comments on it; the matrix shows the change before the answer. */
export async function rateCell(
  analysisId: string,
  view: EvidenceView,
  hypothesisId: string,
  change: { rating?: AchRating | null; comment?: string | null },
  label: string,
): Promise<void> {
  const before = view.row.cells[hypothesisId]
  const after = changedCell(before, change)
  const ref = { analysisId, evidenceId: view.row.id, hypothesisId }
  const put = (cell: AchCell | undefined) =>
    analyses.rateCell(
      { ...ref, rating: cell?.rating ?? null, comment: cell?.comment ?? null },
      cell,
    )
  await analyses.rateCell({ ...ref, ...change }, after)
  editHistory.push({
    label,
    undo: async () => void (await put(before)),
    redo: async () => void (await put(after)),
  })
}

export async function setRelevance(
  analysisId: string,
  view: EvidenceView,
  relevance: Relevance,
  label: string,
): Promise<void> {
  const before = view.row.relevance
  const ref = { analysisId, evidenceId: view.row.id }
  await analyses.updateEvidence({ ...ref, relevance })
  editHistory.push({
    label,
    undo: async () => void (await analyses.updateEvidence({ ...ref, relevance: before })),
    redo: async () => void (await analyses.updateEvidence({ ...ref, relevance })),
  })
}

export async function removeEvidence(
  analysisId: string,
  evidenceIds: string[],
  label: string,
): Promise<void> {
  let removed = await analyses.removeEvidence({ analysisId, evidenceIds })
  editHistory.push({
    label,
    undo: async () => void (await analyses.restoreEvidence(removed)),
    redo: async () => {
      removed = await analyses.removeEvidence({ analysisId, evidenceIds })
    },
  })
}

export async function addHypothesis(
  analysisId: string,
  title: string,
  description: string,
): Promise<Analysis> {
  const analysis = await analyses.addHypothesis({ analysisId, title, description })
  const hypothesisId = analysis.hypotheses.at(-1)!.id
  let removed: HypothesisSnapshot | null = null
  editHistory.push({
    label: t('ach.addTheHypothesis', { trim: title.trim() }),
    undo: async () => {
      removed = await analyses.removeHypothesis({ analysisId, hypothesisId })
    },
    redo: async () => void (removed && (await analyses.restoreHypothesis(removed))),
  })
  return analysis
}

export async function updateHypothesis(
  analysis: Analysis,
  hypothesisId: string,
  patch: { title?: string; description?: string },
): Promise<void> {
  const current = analysis.hypotheses.find((h) => h.id === hypothesisId)
  if (!current) return
  const ref = { analysisId: analysis.id, hypothesisId }
  const before = { title: current.title, description: current.description }
  await analyses.updateHypothesis({ ...ref, ...patch })
  editHistory.push({
    label: t('ach.editTheHypothesis', { title: current.title }),
    undo: async () => void (await analyses.updateHypothesis({ ...ref, ...before })),
    redo: async () => void (await analyses.updateHypothesis({ ...ref, ...patch })),
  })
}

export async function removeHypothesis(analysisId: string, hypothesisId: string): Promise<void> {
  let removed = await analyses.removeHypothesis({ analysisId, hypothesisId })
  editHistory.push({
    label: t('ach.removeTheHypothesis', { title: removed.hypothesis.title }),
    undo: async () => void (await analyses.restoreHypothesis(removed)),
    redo: async () => {
      removed = await analyses.removeHypothesis({ analysisId, hypothesisId })
    },
  })
}

export async function updateAnalysis(
  analysis: Analysis,
  patch: { question?: string; description?: string },
): Promise<void> {
  const before = { question: analysis.question, description: analysis.description }
  await analyses.updateAnalysis({ id: analysis.id, ...patch })
  editHistory.push({
    label: t('ach.editTheQuestion2', { question: analysis.question }),
    undo: async () => void (await analyses.updateAnalysis({ id: analysis.id, ...before })),
    redo: async () => void (await analyses.updateAnalysis({ id: analysis.id, ...patch })),
  })
}

export async function createAnalysis(question: string): Promise<Analysis> {
  const analysis = await analyses.createAnalysis({ question })
  let snapshot: AnalysisSnapshot | null = null
  editHistory.push({
    label: t('ach.startTheAnalysis', { question: analysis.question }),
    undo: async () => {
      snapshot = await analyses.deleteAnalysis(analysis.id)
    },
    redo: async () => void (snapshot && (await analyses.restoreAnalysis(snapshot))),
  })
  return analysis
}

export async function deleteAnalysis(analysis: Analysis): Promise<void> {
  let snapshot = await analyses.deleteAnalysis(analysis.id)
  editHistory.push({
    label: t('ach.deleteTheAnalysis2', { question: analysis.question }),
    undo: async () => void (await analyses.restoreAnalysis(snapshot)),
    redo: async () => {
      snapshot = await analyses.deleteAnalysis(analysis.id)
    },
  })
}
