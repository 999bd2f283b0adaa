import { z } from 'zod'
import {
  AchCell,
  AchRating,
  Analysis,
  AnalysisEvidence,
  Credibility,
  Hypothesis,
  Id,
  Relevance,
  Timestamp,
} from '../model'
import { method, NoInput } from './method'
import { CitedQuote } from './notes'

/** An analysis in the list: its question and how big its matrix is. */
export const AnalysisSummary = z.strictObject({
  id: Id,
  question: z.string(),
  hypotheses: z.number().int().nonnegative(),
  evidence: z.number().int().nonnegative(),
  updatedAt: Timestamp,
})
export type AnalysisSummary = z.infer<typeof AnalysisSummary>

/**
 * A row as the matrix shows it: the stored row and, for a quote row, the quote with its
 * source and grades as they are now (missing when the annotation was deleted).
 */
export const EvidenceView = z.strictObject({
  row: AnalysisEvidence,
  quote: CitedQuote.nullable(),
})
export type EvidenceView = z.infer<typeof EvidenceView>

/** One analysis with every row, in the order they were added. */
export const AnalysisMatrix = z.strictObject({
  analysis: Analysis,
  evidence: z.array(EvidenceView),
})
export type AnalysisMatrix = z.infer<typeof AnalysisMatrix>

/** Everything a deleted analysis held, to bring it back (undo). */
export const AnalysisSnapshot = z.strictObject({
  analysis: Analysis,
  evidence: z.array(AnalysisEvidence),
})
export type AnalysisSnapshot = z.infer<typeof AnalysisSnapshot>

/** A removed hypothesis with its place among the columns and the cells it had, by row id. */
export const HypothesisSnapshot = z.strictObject({
  analysisId: Id,
  hypothesis: Hypothesis,
  index: z.number().int().nonnegative(),
  cells: z.record(Id, AchCell),
})
export type HypothesisSnapshot = z.infer<typeof HypothesisSnapshot>

/** A removed row and its place among the analysis's rows. */
export const EvidenceSnapshot = z.strictObject({
  row: AnalysisEvidence,
  position: z.number().int().nonnegative(),
})
export type EvidenceSnapshot = z.infer<typeof EvidenceSnapshot>

const Question = z.string().max(500)
const Description = z.string().max(200_000)
const RowRef = { analysisId: Id, evidenceId: Id }

export const analysisMethods = {
  /** Every analysis, most recently changed first. */
  'analyses.list': method(NoInput, z.array(AnalysisSummary)),
  /** One analysis with its rows and their quotes, for the matrix. */
  'analyses.get': method(z.strictObject({ id: Id }), AnalysisMatrix),
  /** Start an analysis of a question, with no hypotheses or evidence yet. */
  'analyses.create': method(
    z.strictObject({ question: Question, description: Description.optional() }),
    Analysis,
  ),
  /** Change an analysis's question or description. */
  'analyses.update': method(
    z.strictObject({ id: Id, question: Question.optional(), description: Description.optional() }),
    Analysis,
  ),
  /** Delete an analysis and its rows; returns them, so an undo can restore them. */
  'analyses.delete': method(z.strictObject({ id: Id }), AnalysisSnapshot),
  /** Bring back a deleted analysis under its old ids (undo). */
  'analyses.restore': method(AnalysisSnapshot, Analysis),
  /** Add a hypothesis as the last column. */
  'analyses.addHypothesis': method(
    z.strictObject({ analysisId: Id, title: Question, description: Description.optional() }),
    Analysis,
  ),
  /** Change a hypothesis's title or description. */
  'analyses.updateHypothesis': method(
    z.strictObject({
      analysisId: Id,
      hypothesisId: Id,
      title: Question.optional(),
      description: Description.optional(),
    }),
    Analysis,
  ),
  /** Remove a hypothesis and its cells; returns them, so an undo can restore them. */
  'analyses.removeHypothesis': method(
    z.strictObject({ analysisId: Id, hypothesisId: Id }),
    HypothesisSnapshot,
  ),
  /** Put a removed hypothesis back in its place with its cells (undo). */
  'analyses.restoreHypothesis': method(HypothesisSnapshot, Analysis),
  /** Add quotes (annotations) or one note of reasoning as rows; a quote already in it is refused. */
  'analyses.addEvidence': method(
    z
      .strictObject({
        analysisId: Id,
        annotationIds: z.array(Id).min(1).max(500).optional(),
        note: z.string().max(20_000).optional(),
        /** A note's credibility (Admiralty 1–6); quotes bring their own. */
        credibility: Credibility.optional(),
        relevance: Relevance.optional(),
      })
      .refine((input) => (input.annotationIds === undefined) !== (input.note === undefined), {
        message: 'give either annotationIds or a note',
      }),
    z.array(EvidenceView),
  ),
  /** Change a row's relevance, or a note row's text or credibility. */
  'analyses.updateEvidence': method(
    z.strictObject({
      ...RowRef,
      relevance: Relevance.optional(),
      note: z.string().max(20_000).optional(),
      credibility: Credibility.optional(),
    }),
    EvidenceView,
  ),
  /** Remove rows with their cells; returns them, so an undo can restore them. */
  'analyses.removeEvidence': method(
    z.strictObject({ analysisId: Id, evidenceIds: z.array(Id).min(1).max(5_000) }),
    z.array(EvidenceSnapshot),
  ),
  /** Put removed rows back in their places (undo). */
  'analyses.restoreEvidence': method(
    z.strictObject({ rows: z.array(EvidenceSnapshot).min(1).max(5_000) }),
    z.array(EvidenceView),
  ),
  /** Rate one cell and/or comment on it; null clears the rating or the comment. */
  'analyses.rate': method(
    z.strictObject({
      ...RowRef,
      hypothesisId: Id,
      rating: AchRating.nullable().optional(),
      comment: z.string().max(2_000).nullable().optional(),
    }),
    EvidenceView,
  ),
} as const
