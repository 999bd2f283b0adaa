import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSample, type SampleSession } from '../../../../test/support/sample-dispatch'

let s: SampleSession
beforeEach(async () => {
  s = await openSample()
})
afterEach(async () => {
  await s.close()
})

const GUERRILLA_QUOTE = 'ann-nrf-guerrilla'
/** The sample project's own analysis, which rates both quotes below. */
const SAMPLE_ANALYSIS = {
  id: 'analysis-mao-stage',
  question: 'Which of Mao’s three stages describes the armed opposition today?',
}
const PHASE_QUOTE = 'ann-phase-assessment'

/** An analysis with two hypotheses and two quote rows, none rated. */
async function smallAnalysis() {
  const created = await s.value('analyses.create', { question: '  Which stage?  ' })
  await s.value('analyses.addHypothesis', { analysisId: created.id, title: 'First stage' })
  const analysis = await s.value('analyses.addHypothesis', {
    analysisId: created.id,
    title: 'Second stage',
    description: 'Guerrilla warfare',
  })
  const rows = await s.value('analyses.addEvidence', {
    analysisId: created.id,
    annotationIds: [GUERRILLA_QUOTE, PHASE_QUOTE],
  })
  const [first, second] = analysis.hypotheses.map((h) => h.id) as [string, string]
  return { analysis, rows, first, second, id: analysis.id }
}

describe('analyses', () => {
  it('creates an analysis, adds hypotheses and quotes, and lists it', async () => {
    const { analysis, rows } = await smallAnalysis()
    expect(analysis.question).toBe('Which stage?')
    expect(analysis.hypotheses.map((h) => h.title)).toEqual(['First stage', 'Second stage'])
    expect(rows.map((r) => r.quote?.status)).toEqual(['ok', 'ok'])
    expect(rows[0]!.row.relevance).toBe('medium')
    const list = await s.value('analyses.list', {})
    // Newest first: the new analysis, then the sample's.
    expect(list).toEqual([
      expect.objectContaining({ id: analysis.id, hypotheses: 2, evidence: 2 }),
      expect.objectContaining({ ...SAMPLE_ANALYSIS, hypotheses: 3, evidence: 10 }),
    ])
  })

  it('takes each quote row’s grades from its annotation and source', async () => {
    const { id } = await smallAnalysis()
    const matrix = await s.value('analyses.get', { id })
    const quote = matrix.evidence[0]!.quote
    expect(quote).toMatchObject({
      annotationId: GUERRILLA_QUOTE,
      status: 'ok',
      credibility: 2,
      reliability: 'B',
      sourceId: 'src-brief',
    })
  })

  it('refuses a quote that is already a row, and an unknown one, changing nothing', async () => {
    const { id } = await smallAnalysis()
    const before = s.snapshot()
    const repeated = await s.error('analyses.addEvidence', {
      analysisId: id,
      annotationIds: [PHASE_QUOTE],
    })
    expect(repeated.code).toBe('conflict')
    expect(repeated.message).toContain('evidence in this analysis already')
    const unknown = await s.error('analyses.addEvidence', {
      analysisId: id,
      annotationIds: ['ann-overview-limits', 'no-such-quote'],
    })
    expect(unknown.code).toBe('not_found')
    expect(s.snapshot()).toBe(before)
  })

  it('adds a note of reasoning with its own credibility', async () => {
    const { id } = await smallAnalysis()
    const [note] = await s.value('analyses.addEvidence', {
      analysisId: id,
      note: 'No front has held a district centre for more than a day.',
      credibility: 4,
      relevance: 'high',
    })
    expect(note!.quote).toBeNull()
    expect(note!.row).toMatchObject({ credibility: 4, relevance: 'high' })
    const refused = await s.error('analyses.updateEvidence', {
      analysisId: id,
      evidenceId: (await s.value('analyses.get', { id })).evidence[0]!.row.id,
      credibility: 1,
    })
    expect(refused.code).toBe('invalid_input')
  })

  it('rates a cell, comments on it, and clears it', async () => {
    const { id, rows, first } = await smallAnalysis()
    const evidenceId = rows[0]!.row.id
    const rated = await s.value('analyses.rate', {
      analysisId: id,
      evidenceId,
      hypothesisId: first,
      rating: 'II',
    })
    expect(rated.row.cells[first]).toEqual({ rating: 'II' })
    const commented = await s.value('analyses.rate', {
      analysisId: id,
      evidenceId,
      hypothesisId: first,
      comment: ' Raids are guerrilla work. ',
    })
    expect(commented.row.cells[first]).toEqual({
      rating: 'II',
      comment: 'Raids are guerrilla work.',
    })
    await s.value('analyses.rate', {
      analysisId: id,
      evidenceId,
      hypothesisId: first,
      rating: null,
    })
    const cleared = await s.value('analyses.rate', {
      analysisId: id,
      evidenceId,
      hypothesisId: first,
      comment: null,
    })
    expect(cleared.row.cells).toEqual({})
    const unknown = await s.error('analyses.rate', {
      analysisId: id,
      evidenceId,
      hypothesisId: 'no-such-hypothesis',
      rating: 'C',
    })
    expect(unknown.code).toBe('not_found')
  })

  it('removes a hypothesis with its cells and restores both in place', async () => {
    const { id, rows, first, second } = await smallAnalysis()
    for (const row of rows) {
      await s.value('analyses.rate', {
        analysisId: id,
        evidenceId: row.row.id,
        hypothesisId: first,
        rating: 'I',
      })
    }
    await s.value('analyses.rate', {
      analysisId: id,
      evidenceId: rows[0]!.row.id,
      hypothesisId: second,
      rating: 'CC',
    })
    const removed = await s.value('analyses.removeHypothesis', {
      analysisId: id,
      hypothesisId: first,
    })
    expect(removed.index).toBe(0)
    expect(Object.keys(removed.cells)).toHaveLength(2)
    const after = await s.value('analyses.get', { id })
    expect(after.analysis.hypotheses.map((h) => h.id)).toEqual([second])
    expect(after.evidence.map((e) => Object.keys(e.row.cells))).toEqual([[second], []])

    const restored = await s.value('analyses.restoreHypothesis', removed)
    expect(restored.hypotheses.map((h) => h.id)).toEqual([first, second])
    const back = await s.value('analyses.get', { id })
    expect(back.evidence.map((e) => e.row.cells[first]?.rating)).toEqual(['I', 'I'])
    expect((await s.error('analyses.restoreHypothesis', removed)).code).toBe('conflict')
  })

  it('removes rows and restores them where they were', async () => {
    const { id } = await smallAnalysis()
    await s.value('analyses.addEvidence', {
      analysisId: id,
      annotationIds: ['ann-overview-limits'],
    })
    const before = (await s.value('analyses.get', { id })).evidence.map((e) => e.row.id)
    const removed = await s.value('analyses.removeEvidence', {
      analysisId: id,
      evidenceIds: [before[1]!],
    })
    expect(removed).toEqual([expect.objectContaining({ position: 1 })])
    expect((await s.value('analyses.get', { id })).evidence).toHaveLength(2)
    await s.value('analyses.restoreEvidence', { rows: removed })
    const after = (await s.value('analyses.get', { id })).evidence.map((e) => e.row.id)
    expect(after).toEqual(before)
  })

  it('deletes an analysis with its rows and restores it', async () => {
    const { id } = await smallAnalysis()
    const snapshot = await s.value('analyses.delete', { id })
    expect(snapshot.evidence).toHaveLength(2)
    const rowsLeft = s.workspace.current.data.analysisEvidence
    expect(rowsLeft.filter((row) => row.analysisId === id)).toHaveLength(0)
    expect(rowsLeft).toHaveLength(10)
    expect((await s.error('analyses.get', { id })).code).toBe('not_found')
    await s.value('analyses.restore', snapshot)
    expect((await s.value('analyses.get', { id })).evidence).toHaveLength(2)
  })

  it('keeps a row whose quote was deleted, as missing, and names the analysis first', async () => {
    const { id, analysis } = await smallAnalysis()
    const dependents = await s.value('annotations.dependents', { id: PHASE_QUOTE })
    expect(dependents.analyses).toEqual([SAMPLE_ANALYSIS, { id, question: analysis.question }])
    await s.value('annotations.delete', { id: PHASE_QUOTE })
    const matrix = await s.value('analyses.get', { id })
    expect(matrix.evidence[1]!.quote).toEqual({ annotationId: PHASE_QUOTE, status: 'missing' })
  })

  it('refuses a blank question or hypothesis title', async () => {
    expect((await s.error('analyses.create', { question: '   ' })).code).toBe('invalid_input')
    const { id } = await smallAnalysis()
    expect((await s.error('analyses.addHypothesis', { analysisId: id, title: '' })).code).toBe(
      'invalid_input',
    )
  })

  it('prints the matrix, scores and citations in a report section', async () => {
    const { id, rows, first, second } = await smallAnalysis()
    const rate = (row: number, hypothesisId: string, rating: string) =>
      s.value('analyses.rate', {
        analysisId: id,
        evidenceId: rows[row]!.row.id,
        hypothesisId,
        rating,
      })
    await rate(0, first, 'II')
    await rate(0, second, 'CC')
    await rate(1, first, 'I')
    await rate(1, second, 'C')
    const report = await s.value('reports.create', {
      title: 'Stages',
      sections: [
        { id: 'q', kind: 'quotes', annotationIds: ['ann-overview-limits'] },
        { id: 'a', kind: 'analysis', analysisId: id },
      ],
    })
    const { html, citations } = await s.value('reports.html', { id: report.id })
    expect(citations).toBe(3)
    expect(html).toContain('Analysis: Which stage?')
    expect(html).toContain('First stage')
    expect(html).toContain('Second stage')
    // The quotes section cites first, so the matrix's quotes are [2] and [3].
    expect(html).toMatch(/E1<\/span> “[^”]*”<sup class="cite"><a href="#source-2">\[2\]/)
    expect(html).toMatch(/E2<\/span> “[^”]*”<sup class="cite"><a href="#source-3">\[3\]/)
    expect(html).toContain('<td class="ach-rating rating-II" title="Very inconsistent">II</td>')
    // B2 × medium = √2 against II → −2√2; 3 × medium = 1 against I → −1: −3.83 in all.
    expect(html).toContain('<td class="ach-rating">−3.83</td>')
    expect(html).toContain('H2 is the least inconsistent with the evidence.')
    const { markdown } = await s.value('reports.markdown', { id: report.id })
    expect(markdown).toContain('## Analysis: Which stage?')
    expect(markdown).toMatch(/\| E1 “[^”]*” \[2\] \| B2 \| Medium \| II \| CC \|/)
    expect(markdown).toContain('| **Weighted inconsistency** | | | −3.83 | 0.00 | |')
  })

  it('prints a missing analysis as missing', async () => {
    const report = await s.value('reports.create', {
      title: 'Stages',
      sections: [{ id: 'a', kind: 'analysis', analysisId: 'gone' }],
    })
    const { html } = await s.value('reports.html', { id: report.id })
    expect(html).toContain('This analysis is no longer in the project.')
  })

  it('offers analyses to the report composer', async () => {
    const { id } = await smallAnalysis()
    const choices = await s.value('reports.choices', {})
    expect(choices.analyses).toContainEqual({ id, question: 'Which stage?' })
  })
})
