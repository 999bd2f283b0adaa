/**
 * The matrix as the grid shows it, derived from the stored analysis and the analyst's "what
 * if" exclusions: one row object per evidence row with its diagnosticity and linchpin flag,
 * and the score rows under the hypotheses. A row whose inputs did not change keeps its
 * object, so after a rating the grid repaints only the rows that moved.
 */
import {
  analyseMatrix,
  evidenceLabel,
  formatScore,
  hypothesisNamer,
  linchpinSentence,
  toMatrix,
  type Diagnosticity,
  type Scores,
} from '../../../../shared/ach'
import type { AnalysisMatrix, EvidenceView } from '../../../../shared/contract'
import { t } from '../../ui/i18n'

export interface EvidenceGridRow {
  kind: 'evidence'
  id: string
  /** E1, E2… in the order rows were added. */
  label: string
  view: EvidenceView
  diagnosticity: Diagnosticity
  /** What removing or downgrading the row would do at the top; null when it changes nothing. */
  linchpin: string | null
  excluded: boolean
}

export interface ScoreGridRow {
  kind: 'score'
  id: 'weighted' | 'inconsistencies'
  label: string
  /** The figure under each hypothesis, by hypothesis id. */
  values: Readonly<Record<string, string>>
}

export type MatrixGridRow = EvidenceGridRow | ScoreGridRow

export interface MatrixModel {
  scores: Scores
  /** In display order: as added, or non-diagnostic rows last when asked. */
  rows: EvidenceGridRow[]
  footer: ScoreGridRow[]
  /** "H2" for a hypothesis id. */
  nameOf: (hypothesisId: string) => string
}

function sameRow(a: EvidenceGridRow, b: Omit<EvidenceGridRow, 'kind'>): boolean {
  return (
    a.view === b.view &&
    a.label === b.label &&
    a.diagnosticity === b.diagnosticity &&
    a.linchpin === b.linchpin &&
    a.excluded === b.excluded
  )
}

/**
 * Scores the matrix without the excluded rows and builds the grid's rows, reusing each
 * object in `previous` (by row id) whose inputs are unchanged.
 */
export function buildMatrixModel(
  matrix: AnalysisMatrix,
  excluded: ReadonlySet<string>,
  nonDiagnosticLast: boolean,
  previous: ReadonlyMap<string, EvidenceGridRow> = new Map(),
): MatrixModel {
  const { hypotheses } = matrix.analysis
  const analysed = analyseMatrix(toMatrix(hypotheses, matrix.evidence), excluded)
  const { scores } = analysed
  const nameOf = hypothesisNamer(hypotheses)
  const linchpins = new Map(analysed.linchpins.map((l) => [l.rowId, l]))
  const rows = matrix.evidence.map((view, index): EvidenceGridRow => {
    const linchpin = linchpins.get(view.row.id)
    const next = {
      id: view.row.id,
      label: evidenceLabel(index),
      view,
      diagnosticity: analysed.diagnosticity[index]!,
      linchpin: linchpin ? linchpinSentence(linchpin, nameOf) : null,
      excluded: excluded.has(view.row.id),
    }
    const before = previous.get(view.row.id)
    return before && sameRow(before, next) ? before : { kind: 'evidence', ...next }
  })
  const ordered = nonDiagnosticLast
    ? [
        ...rows.filter((r) => r.diagnosticity !== 'non-diagnostic'),
        ...rows.filter((r) => r.diagnosticity === 'non-diagnostic'),
      ]
    : rows
  const values = (figure: (s: Scores['byHypothesis'][number]) => string) =>
    Object.fromEntries(scores.byHypothesis.map((s) => [s.hypothesisId, figure(s)]))
  return {
    scores,
    rows: ordered,
    footer: [
      {
        kind: 'score',
        id: 'weighted',
        label: t('ach.weightedInconsistency'),
        values: values((s) => formatScore(s.weighted)),
      },
      {
        kind: 'score',
        id: 'inconsistencies',
        label: t('ach.inconsistencies'),
        values: values((s) => String(s.inconsistencies)),
      },
    ],
    nameOf,
  }
}
