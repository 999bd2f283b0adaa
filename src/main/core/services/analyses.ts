/**
 * Analyses of Competing Hypotheses: an analysis record holds the question and the
 * hypotheses (the columns); each evidence row is a record of its own holding its cells, so
 * rating a cell rewrites one small row, not the whole matrix. Scores are not stored: the
 * view and the report compute them from the rows with src/shared/ach.ts.
 */
import { randomUUID } from 'node:crypto'
import type {
  AnalysisMatrix,
  AnalysisSnapshot,
  AnalysisSummary,
  EvidenceSnapshot,
  EvidenceView,
  HypothesisSnapshot,
  ParsedInput,
} from '../../../shared/contract'
import {
  AchCell,
  Analysis,
  AnalysisEvidence,
  MAX_HYPOTHESES,
  type Annotation,
  type ProjectFile,
  type SourceRecord,
} from '../../../shared/model'
import { AppError, appError, notFound } from '../errors'
import type { ProjectStore } from '../project-store'
import { citedQuote } from './notes'
import { validRecord } from './validate'

export function listAnalyses(store: ProjectStore): AnalysisSummary[] {
  const rows = new Map<string, number>()
  for (const row of store.data.analysisEvidence) {
    rows.set(row.analysisId, (rows.get(row.analysisId) ?? 0) + 1)
  }
  return [...store.data.analyses]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map((a) => ({
      id: a.id,
      question: a.question,
      hypotheses: a.hypotheses.length,
      evidence: rows.get(a.id) ?? 0,
      updatedAt: a.updatedAt,
    }))
}

function getAnalysis(store: ProjectStore, id: string): Analysis {
  const analysis = store.data.analyses.find((a) => a.id === id)
  if (!analysis) throw notFound('analysis', id)
  return analysis
}

/** The annotations and sources a set of rows shows, looked up once. */
function quoteLookup(data: Readonly<ProjectFile>) {
  let annotations: Map<string, Annotation> | undefined
  let sources: Map<string, SourceRecord> | undefined
  return (row: AnalysisEvidence): EvidenceView => {
    if (row.annotationId === undefined) return { row, quote: null }
    annotations ??= new Map(data.annotations.map((a) => [a.id, a]))
    sources ??= new Map(data.sources.map((s) => [s.id, s]))
    const annotation = annotations.get(row.annotationId)
    const source = annotation && sources.get(annotation.sourceId)
    return {
      row,
      quote:
        annotation && source
          ? citedQuote(annotation, source)
          : { annotationId: row.annotationId, status: 'missing' },
    }
  }
}

function rowsOf(data: Readonly<ProjectFile>, analysisId: string): AnalysisEvidence[] {
  return data.analysisEvidence.filter((row) => row.analysisId === analysisId)
}

export function analysisMatrix(store: ProjectStore, id: string): AnalysisMatrix {
  const analysis = getAnalysis(store, id)
  const view = quoteLookup(store.data)
  return { analysis, evidence: rowsOf(store.data, id).map(view) }
}

export function createAnalysis(
  store: ProjectStore,
  input: ParsedInput<'analyses.create'>,
): Analysis {
  const now = new Date().toISOString()
  const analysis = validRecord(
    Analysis,
    {
      id: randomUUID(),
      createdAt: now,
      updatedAt: now,
      question: input.question,
      description: input.description?.trim() ?? '',
      hypotheses: [],
    },
    'analysis',
  )
  store.mutate((data) => data.analyses.push(analysis))
  return analysis
}

/** Validates a changed analysis and puts it in place of the old one; returns it. */
function replaceAnalysis(
  store: ProjectStore,
  current: Analysis,
  changes: Partial<Analysis>,
  extra?: (data: ProjectFile) => void,
): Analysis {
  const next = validRecord(
    Analysis,
    { ...current, ...changes, updatedAt: new Date().toISOString() },
    'analysis',
  )
  store.mutate((data) => {
    const index = data.analyses.findIndex((a) => a.id === current.id)
    data.analyses[index] = next
    extra?.(data)
  })
  return next
}

export function updateAnalysis(
  store: ProjectStore,
  input: ParsedInput<'analyses.update'>,
): Analysis {
  const current = getAnalysis(store, input.id)
  return replaceAnalysis(store, current, {
    ...(input.question !== undefined ? { question: input.question } : {}),
    ...(input.description !== undefined ? { description: input.description.trim() } : {}),
  })
}

export function deleteAnalysis(store: ProjectStore, id: string): AnalysisSnapshot {
  const analysis = getAnalysis(store, id)
  const evidence = rowsOf(store.data, id)
  store.mutate((data) => {
    data.analyses = data.analyses.filter((a) => a.id !== id)
    data.analysisEvidence = data.analysisEvidence.filter((row) => row.analysisId !== id)
  })
  return { analysis, evidence }
}

export function restoreAnalysis(store: ProjectStore, snapshot: AnalysisSnapshot): Analysis {
  const { analysis, evidence } = snapshot
  if (store.data.analyses.some((a) => a.id === analysis.id)) {
    throw appError('conflict', 'analysisExists')
  }
  if (evidence.some((row) => row.analysisId !== analysis.id)) {
    throw appError('invalid_input', 'rowsOfOneAnalysis')
  }
  checkNewRowIds(store.data, evidence)
  const checked = evidence.map((row) => checkedRow(analysis, row))
  store.mutate((data) => {
    data.analyses.push(analysis)
    data.analysisEvidence.push(...checked)
  })
  return analysis
}

// ---------------------------------------------------------------- hypotheses

function findHypothesisIndex(analysis: Analysis, hypothesisId: string): number {
  const index = analysis.hypotheses.findIndex((h) => h.id === hypothesisId)
  if (index === -1) throw notFound('hypothesis', hypothesisId)
  return index
}

function checkRoomForHypothesis(analysis: Analysis): void {
  if (analysis.hypotheses.length >= MAX_HYPOTHESES) {
    throw appError('invalid_input', 'tooManyHypotheses', { max: MAX_HYPOTHESES })
  }
}

export function addHypothesis(
  store: ProjectStore,
  input: ParsedInput<'analyses.addHypothesis'>,
): Analysis {
  const current = getAnalysis(store, input.analysisId)
  checkRoomForHypothesis(current)
  const hypothesis = {
    id: randomUUID(),
    title: input.title,
    description: input.description?.trim() ?? '',
  }
  return replaceAnalysis(store, current, { hypotheses: [...current.hypotheses, hypothesis] })
}

export function updateHypothesis(
  store: ProjectStore,
  input: ParsedInput<'analyses.updateHypothesis'>,
): Analysis {
  const current = getAnalysis(store, input.analysisId)
  const index = findHypothesisIndex(current, input.hypothesisId)
  const hypotheses = current.hypotheses.map((h, i) =>
    i === index
      ? {
          ...h,
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.description !== undefined ? { description: input.description.trim() } : {}),
        }
      : h,
  )
  return replaceAnalysis(store, current, { hypotheses })
}

export function removeHypothesis(
  store: ProjectStore,
  input: ParsedInput<'analyses.removeHypothesis'>,
): HypothesisSnapshot {
  const current = getAnalysis(store, input.analysisId)
  const index = findHypothesisIndex(current, input.hypothesisId)
  const hypothesis = current.hypotheses[index]!
  const cells: HypothesisSnapshot['cells'] = {}
  for (const row of rowsOf(store.data, current.id)) {
    const cell = row.cells[hypothesis.id]
    if (cell) cells[row.id] = cell
  }
  const now = new Date().toISOString()
  replaceAnalysis(
    store,
    current,
    { hypotheses: current.hypotheses.filter((h) => h.id !== hypothesis.id) },
    (data) => {
      data.analysisEvidence = data.analysisEvidence.map((row) =>
        Object.hasOwn(cells, row.id)
          ? { ...row, cells: without(row.cells, hypothesis.id), updatedAt: now }
          : row,
      )
    },
  )
  return { analysisId: current.id, hypothesis, index, cells }
}

export function restoreHypothesis(store: ProjectStore, snapshot: HypothesisSnapshot): Analysis {
  const current = getAnalysis(store, snapshot.analysisId)
  const { hypothesis } = snapshot
  if (current.hypotheses.some((h) => h.id === hypothesis.id)) {
    throw appError('conflict', 'hypothesisInAnalysis', { title: hypothesis.title })
  }
  checkRoomForHypothesis(current)
  const rowIds = new Set(rowsOf(store.data, current.id).map((row) => row.id))
  // Rows removed since keep their cells with them; only rows still here get theirs back.
  const cells = Object.entries(snapshot.cells).filter(([rowId]) => rowIds.has(rowId))
  const hypotheses = [...current.hypotheses]
  hypotheses.splice(Math.min(snapshot.index, hypotheses.length), 0, hypothesis)
  const byRow = new Map(cells)
  const now = new Date().toISOString()
  return replaceAnalysis(store, current, { hypotheses }, (data) => {
    data.analysisEvidence = data.analysisEvidence.map((row) => {
      const cell = byRow.get(row.id)
      return cell && row.analysisId === current.id
        ? { ...row, cells: { ...row.cells, [hypothesis.id]: cell }, updatedAt: now }
        : row
    })
  })
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record
  return rest
}

// ---------------------------------------------------------------- evidence rows

function findRow(store: ProjectStore, analysisId: string, evidenceId: string): AnalysisEvidence {
  const row = store.data.analysisEvidence.find(
    (r) => r.id === evidenceId && r.analysisId === analysisId,
  )
  if (!row) throw notFound('evidence row', evidenceId)
  return row
}

/** Checks a row coming back (undo): valid, and its cells name hypotheses of the analysis. */
function checkedRow(analysis: Analysis, row: AnalysisEvidence): AnalysisEvidence {
  const valid = validRecord(AnalysisEvidence, row, 'evidence row')
  const hypothesisIds = new Set(analysis.hypotheses.map((h) => h.id))
  for (const id of Object.keys(valid.cells)) {
    if (!hypothesisIds.has(id)) throw notFound('hypothesis', id)
  }
  return valid
}

function checkNewRowIds(data: Readonly<ProjectFile>, rows: readonly AnalysisEvidence[]): void {
  const taken = new Set(data.analysisEvidence.map((row) => row.id))
  for (const row of rows) {
    if (taken.has(row.id)) {
      throw appError('conflict', 'evidenceRowExists', { id: row.id })
    }
    taken.add(row.id)
  }
}

export function addEvidence(
  store: ProjectStore,
  input: ParsedInput<'analyses.addEvidence'>,
): EvidenceView[] {
  const analysis = getAnalysis(store, input.analysisId)
  const data = store.data
  const now = new Date().toISOString()
  const base = {
    createdAt: now,
    updatedAt: now,
    analysisId: analysis.id,
    relevance: input.relevance ?? 'medium',
    cells: {},
  }
  let rows: AnalysisEvidence[]
  if (input.annotationIds) {
    const wanted = [...new Set(input.annotationIds)]
    const known = new Map(data.annotations.map((a) => [a.id, a]))
    const missing = wanted.find((id) => !known.has(id))
    if (missing !== undefined) throw notFound('annotation', missing)
    const present = new Set(rowsOf(data, analysis.id).map((row) => row.annotationId))
    const repeated = wanted.filter((id) => present.has(id))
    if (repeated.length > 0) {
      const exact = known.get(repeated[0]!)!.target.quote.exact
      throw new AppError(
        'conflict',
        repeated.length === 1
          ? `“${shorten(exact)}” is evidence in this analysis already.`
          : `${repeated.length} of these quotes are evidence in this analysis already, among them “${shorten(exact)}”.`,
      )
    }
    rows = wanted.map((annotationId) =>
      validRecord(AnalysisEvidence, { ...base, id: randomUUID(), annotationId }, 'evidence row'),
    )
  } else {
    rows = [
      validRecord(
        AnalysisEvidence,
        {
          ...base,
          id: randomUUID(),
          note: input.note,
          credibility: input.credibility ?? 3,
        },
        'evidence row',
      ),
    ]
  }
  replaceAnalysis(store, analysis, {}, (file) => file.analysisEvidence.push(...rows))
  const view = quoteLookup(store.data)
  return rows.map(view)
}

function shorten(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 79)}…`
}

/** Validates a changed row, puts it in place and touches its analysis; returns its view. */
function replaceRow(
  store: ProjectStore,
  current: AnalysisEvidence,
  changes: Partial<AnalysisEvidence>,
): EvidenceView {
  const now = new Date().toISOString()
  const next = validRecord(
    AnalysisEvidence,
    { ...current, ...changes, updatedAt: now },
    'evidence row',
  )
  const analysis = getAnalysis(store, current.analysisId)
  replaceAnalysis(store, analysis, {}, (data) => {
    const index = data.analysisEvidence.findIndex((row) => row.id === current.id)
    data.analysisEvidence[index] = next
  })
  return quoteLookup(store.data)(next)
}

export function updateEvidence(
  store: ProjectStore,
  input: ParsedInput<'analyses.updateEvidence'>,
): EvidenceView {
  const current = findRow(store, input.analysisId, input.evidenceId)
  if (current.note === undefined && (input.note !== undefined || input.credibility !== undefined)) {
    throw appError('invalid_input', 'quoteRowFromQuote')
  }
  return replaceRow(store, current, {
    ...(input.relevance !== undefined ? { relevance: input.relevance } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
    ...(input.credibility !== undefined ? { credibility: input.credibility } : {}),
  })
}

export function removeEvidence(
  store: ProjectStore,
  input: ParsedInput<'analyses.removeEvidence'>,
): EvidenceSnapshot[] {
  const analysis = getAnalysis(store, input.analysisId)
  const rows = rowsOf(store.data, analysis.id)
  const wanted = new Set(input.evidenceIds)
  for (const id of wanted) {
    if (!rows.some((row) => row.id === id)) throw notFound('evidence row', id)
  }
  const removed = rows.flatMap((row, position) => (wanted.has(row.id) ? [{ row, position }] : []))
  replaceAnalysis(store, analysis, {}, (data) => {
    data.analysisEvidence = data.analysisEvidence.filter((row) => !wanted.has(row.id))
  })
  return removed
}

export function restoreEvidence(
  store: ProjectStore,
  input: ParsedInput<'analyses.restoreEvidence'>,
): EvidenceView[] {
  const analysisIds = new Set(input.rows.map((r) => r.row.analysisId))
  if (analysisIds.size !== 1) {
    throw appError('invalid_input', 'restoreOneAnalysis')
  }
  const analysis = getAnalysis(store, input.rows[0]!.row.analysisId)
  checkNewRowIds(
    store.data,
    input.rows.map((r) => r.row),
  )
  // A hypothesis removed since takes its cells with it.
  const hypothesisIds = new Set(analysis.hypotheses.map((h) => h.id))
  const restored = [...input.rows]
    .sort((a, b) => a.position - b.position)
    .map(({ row, position }) => ({
      position,
      row: checkedRow(analysis, {
        ...row,
        cells: Object.fromEntries(
          Object.entries(row.cells).filter(([id]) => hypothesisIds.has(id)),
        ),
      }),
    }))
  replaceAnalysis(store, analysis, {}, (data) => {
    const ordered = data.analysisEvidence.filter((row) => row.analysisId === analysis.id)
    for (const { row, position } of restored) ordered.splice(position, 0, row)
    data.analysisEvidence = [
      ...data.analysisEvidence.filter((row) => row.analysisId !== analysis.id),
      ...ordered,
    ]
  })
  const view = quoteLookup(store.data)
  return restored.map(({ row }) => view(row))
}

export function rateCell(store: ProjectStore, input: ParsedInput<'analyses.rate'>): EvidenceView {
  const current = findRow(store, input.analysisId, input.evidenceId)
  const analysis = getAnalysis(store, input.analysisId)
  findHypothesisIndex(analysis, input.hypothesisId)
  const before = current.cells[input.hypothesisId] ?? {}
  const rating = input.rating === undefined ? before.rating : (input.rating ?? undefined)
  const comment = input.comment === undefined ? before.comment : input.comment?.trim() || undefined
  const cell = {
    ...(rating !== undefined ? { rating } : {}),
    ...(comment !== undefined ? { comment } : {}),
  }
  const cells =
    Object.keys(cell).length === 0
      ? without(current.cells, input.hypothesisId)
      : { ...current.cells, [input.hypothesisId]: validRecord(AchCell, cell, 'rating') }
  return replaceRow(store, current, { cells })
}

/** Analyses weighing an annotation as evidence (shown before the annotation is deleted). */
export function analysesCiting(
  data: Readonly<ProjectFile>,
  annotationId: string,
): { id: string; question: string }[] {
  const ids = new Set(
    data.analysisEvidence
      .filter((row) => row.annotationId === annotationId)
      .map((row) => row.analysisId),
  )
  return data.analyses.filter((a) => ids.has(a.id)).map((a) => ({ id: a.id, question: a.question }))
}
