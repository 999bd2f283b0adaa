import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DraftSaver, type Draft, type SaveStatus } from './draft-saver'

interface Call {
  draft: Draft
  base: string | undefined
  resolve: (updatedAt: string) => void
  reject: (error: unknown) => void
}

function setup(options: { delayMs?: number; maxWaitMs?: number } = {}) {
  const calls: Call[] = []
  const statuses: SaveStatus['state'][] = []
  const saver = new DraftSaver(
    { title: 'T', body: 'start', updatedAt: '2025-01-01T00:00:00.000Z' },
    {
      save: (draft, base) =>
        new Promise((resolve, reject) => {
          calls.push({ draft, base, resolve: (updatedAt) => resolve({ updatedAt }), reject })
        }),
      onStatus: (status) => statuses.push(status.state),
      delayMs: options.delayMs ?? 500,
      maxWaitMs: options.maxWaitMs ?? 2_000,
    },
  )
  return { saver, calls, statuses }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('DraftSaver', () => {
  it('coalesces a burst of typing into one save of the newest draft', async () => {
    const { saver, calls, statuses } = setup()
    for (const body of ['s', 'st', 'sta', 'star', 'start!']) {
      saver.change({ title: 'T', body })
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(calls).toHaveLength(0)
    expect(saver.hasUnsavedChanges).toBe(true)
    await vi.advanceTimersByTimeAsync(500)
    expect(calls.map((c) => c.draft.body)).toEqual(['start!'])
    expect(calls[0]!.base).toBe('2025-01-01T00:00:00.000Z')
    calls[0]!.resolve('2025-01-01T00:00:01.000Z')
    await vi.runAllTimersAsync()
    expect(statuses).toEqual(['unsaved', 'saving', 'saved'])
    expect(saver.hasUnsavedChanges).toBe(false)
  })

  it('saves at least every maxWaitMs while typing never pauses', async () => {
    const { saver, calls } = setup({ delayMs: 500, maxWaitMs: 1_000 })
    for (let i = 0; i < 15; i++) {
      saver.change({ title: 'T', body: `typing ${i}` })
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(calls.length).toBeGreaterThanOrEqual(1)
    expect(calls[0]!.draft.body).toMatch(/^typing \d+$/)
  })

  it('keeps one save in flight and bases the next on the answer of the first', async () => {
    const { saver, calls } = setup()
    saver.change({ title: 'T', body: 'one' })
    const flushed = saver.flush()
    saver.change({ title: 'T', body: 'two' })
    const second = saver.flush()
    expect(calls).toHaveLength(1)
    calls[0]!.resolve('2025-01-01T00:00:01.000Z')
    await vi.advanceTimersByTimeAsync(0)
    expect(calls).toHaveLength(2)
    expect(calls[1]).toMatchObject({ draft: { body: 'two' }, base: '2025-01-01T00:00:01.000Z' })
    calls[1]!.resolve('2025-01-01T00:00:02.000Z')
    await Promise.all([flushed, second])
    expect(saver.hasUnsavedChanges).toBe(false)
  })

  it('keeps the draft after a failed save and saves it with the next change', async () => {
    const { saver, calls, statuses } = setup()
    saver.change({ title: 'T', body: 'precious' })
    const flushed = saver.flush()
    calls[0]!.reject(Object.assign(new Error('disk full'), { code: 'storage' }))
    await flushed
    expect(saver.currentStatus).toEqual({ state: 'failed', message: 'disk full', conflict: false })
    expect(saver.hasUnsavedChanges).toBe(true)
    saver.change({ title: 'T', body: 'precious!' })
    await vi.advanceTimersByTimeAsync(500)
    expect(calls[1]!.draft.body).toBe('precious!')
    expect(statuses).toContain('failed')
  })

  it('stops on a conflict until the user overwrites, then saves without a base', async () => {
    const { saver, calls } = setup()
    saver.change({ title: 'T', body: 'mine' })
    const flushed = saver.flush()
    calls[0]!.reject(Object.assign(new Error('changed elsewhere'), { code: 'conflict' }))
    await flushed
    expect(saver.currentStatus).toMatchObject({ state: 'failed', conflict: true })
    saver.change({ title: 'T', body: 'mine, more' })
    await vi.advanceTimersByTimeAsync(5_000)
    expect(calls).toHaveLength(1)
    const overwritten = saver.overwrite()
    expect(calls[1]).toMatchObject({ draft: { body: 'mine, more' }, base: undefined })
    calls[1]!.resolve('2025-01-01T00:00:03.000Z')
    await overwritten
    expect(saver.currentStatus).toEqual({ state: 'saved' })
  })

  it('does not save when the text returns to what is stored', async () => {
    const { saver, calls } = setup()
    saver.change({ title: 'T', body: 'changed' })
    saver.change({ title: 'T', body: 'start' })
    await vi.advanceTimersByTimeAsync(5_000)
    expect(calls).toHaveLength(0)
    expect(saver.currentStatus).toEqual({ state: 'saved' })
  })
})
