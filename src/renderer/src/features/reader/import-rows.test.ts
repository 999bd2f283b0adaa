import { describe, expect, it } from 'vitest'
import type { ImportOutcome } from '../../../../shared/contract'
import {
  describeProgress,
  importRowsReducer,
  importsBusy,
  sourceToOpen,
  type ImportRow,
} from './import-rows'

const STAMP = '2024-01-01T00:00:00.000Z'

const outcome: ImportOutcome = {
  status: 'imported',
  notes: [],
  source: {
    id: 's1',
    createdAt: STAMP,
    updatedAt: STAMP,
    title: 'Pasted',
    kind: 'other',
    reliability: 'F',
    contentHash: 'b'.repeat(64),
    length: 5,
    origin: { fileName: 'pasted.txt', format: 'txt' },
  },
}

const queued = (rows: ImportRow[], ...names: string[]): ImportRow[] =>
  importRowsReducer(rows, {
    type: 'queued',
    files: names.map((name) => ({ key: `k-${name}`, name })),
  })

describe('importRowsReducer', () => {
  it('puts a new batch above the earlier rows, in the order the files were chosen', () => {
    const rows = queued(queued([], 'old.txt'), 'a.pdf', 'b.docx')
    expect(rows.map((r) => r.name)).toEqual(['a.pdf', 'b.docx', 'old.txt'])
    expect(rows.every((r) => r.result.state === 'waiting')).toBe(true)
  })

  it('moves one row on and leaves the others as they were', () => {
    const before = queued([], 'a.pdf', 'b.docx')
    const after = importRowsReducer(before, {
      type: 'progressed',
      key: 'k-b.docx',
      result: { state: 'failed', message: 'too large' },
    })
    expect(after.map((r) => r.result)).toEqual([
      { state: 'waiting' },
      { state: 'failed', message: 'too large' },
    ])
    expect(after[0]).toBe(before[0])
    expect(before[1]!.result).toEqual({ state: 'waiting' })
  })

  it('adds pasted text on top as done, and clears everything', () => {
    const rows = importRowsReducer(queued([], 'a.pdf'), { type: 'pasted', key: 'p1', outcome })
    expect(rows[0]).toEqual({ key: 'p1', name: 'Pasted text', result: { state: 'done', outcome } })
    expect(importRowsReducer(rows, { type: 'cleared' })).toEqual([])
  })
})

describe('importsBusy', () => {
  it('holds while any row is waiting, reading or importing', () => {
    const rows = queued([], 'a.pdf')
    expect(importsBusy([])).toBe(false)
    const running: ImportRow['result'][] = [
      { state: 'waiting' },
      { state: 'reading' },
      { state: 'importing', jobId: 'j1' },
    ]
    for (const result of running) {
      const moved = importRowsReducer(rows, { type: 'progressed', key: 'k-a.pdf', result })
      expect(importsBusy(moved)).toBe(true)
    }
    const done = importRowsReducer(rows, {
      type: 'progressed',
      key: 'k-a.pdf',
      result: { state: 'done', outcome },
    })
    const failed = importRowsReducer(rows, {
      type: 'progressed',
      key: 'k-a.pdf',
      result: { state: 'failed', message: 'x' },
    })
    expect(importsBusy(done)).toBe(false)
    expect(importsBusy(failed)).toBe(false)
  })
})

describe('describeProgress', () => {
  const base = { state: 'running' as const, fileName: 'a.pdf', elapsedMs: 10 }

  it('says which page is being read, of how many', () => {
    expect(describeProgress({ ...base, stage: 'pages', done: 11, total: 800 })).toBe(
      'Reading page 12 of 800…',
    )
    expect(describeProgress({ ...base, stage: 'pages', done: 2_000, total: 2_000 })).toBe(
      'Reading page 2,000 of 2,000…',
    )
  })

  it('names the other stages, the wait for a turn, and an import not yet heard of', () => {
    expect(describeProgress({ ...base, state: 'waiting' })).toBe(
      'Waiting for another import to finish…',
    )
    expect(describeProgress({ ...base, stage: 'checking' })).toBe('Checking the file…')
    expect(describeProgress({ ...base, stage: 'extracting' })).toBe('Reading the text…')
    expect(describeProgress({ ...base, stage: 'opening' })).toBe('Opening the file…')
    expect(describeProgress(null)).toBe('Importing…')
  })

  it('counts a cancelled import as settled', () => {
    const rows = importRowsReducer(queued([], 'a.pdf'), {
      type: 'progressed',
      key: 'k-a.pdf',
      result: { state: 'cancelled' },
    })
    expect(importsBusy(rows)).toBe(false)
  })
})

describe('sourceToOpen', () => {
  it('opens the one file imported, or the source that already had its text', () => {
    expect(sourceToOpen([{ state: 'done', outcome }])).toBe('s1')
    const duplicate: ImportOutcome = { status: 'duplicate', existing: outcome.source, notes: [] }
    expect(sourceToOpen([{ state: 'done', outcome: duplicate }])).toBe('s1')
  })

  it('opens nothing for several files, a failure or a cancelled import', () => {
    expect(
      sourceToOpen([
        { state: 'done', outcome },
        { state: 'done', outcome },
      ]),
    ).toBeNull()
    expect(sourceToOpen([{ state: 'failed', message: 'no' }])).toBeNull()
    expect(sourceToOpen([{ state: 'cancelled' }])).toBeNull()
    expect(sourceToOpen([])).toBeNull()
  })
})
