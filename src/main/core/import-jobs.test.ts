/**
 * Hostile documents through the API: each is read in the import worker and stopped by a
 * limit with a clear message, while the app keeps answering other calls; nothing is added
 * and the project's store files are not touched.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ImportOutcome, ImportProgress } from '../../shared/contract'
import type { ApiErrorBody, Result } from '../../shared/result'
import { createDispatch, type Dispatch } from './dispatch'
import {
  makeDeepHtml,
  makeDocx,
  makeEndlessPdf,
  makeManyPagesPdf,
  makePdf,
  makeZipBombDocx,
} from '../../../test/support/documents'
import { copySample, tempDir } from '../../../test/support/folders'
import { storedText } from '../../../test/support/stored'
import { Workspace } from './workspace'

/** Short enough for a test, long enough for pdf.js to open a document on a loaded machine. */
const TIMEOUT_MS = 3_000
/** Inflates to 20 million operators: pdf.js needs far longer than TIMEOUT_MS for them. */
let endless: Buffer

let dir: Awaited<ReturnType<typeof tempDir>>
let folder: string
let workspace: Workspace
let dispatch: Dispatch
/** The same project with an import time limit of TIMEOUT_MS. */
let impatient: Workspace
let impatientDispatch: Dispatch

beforeAll(async () => {
  dir = await tempDir('sightline-import-jobs-')
  folder = await copySample(dir.path)
  endless = makeEndlessPdf(20_000_000)
  workspace = new Workspace({
    userDataDir: join(dir.path, 'user'),
    store: { writeDelayMs: 0 },
    imports: {},
  })
  dispatch = createDispatch(workspace, { validateOutput: true })
  await workspace.open(folder)
  impatient = new Workspace({
    userDataDir: join(dir.path, 'user-impatient'),
    imports: { limits: { timeoutMs: TIMEOUT_MS } },
  })
  impatientDispatch = createDispatch(impatient, { validateOutput: true })
  const second = join(dir.path, 'second')
  await mkdir(second)
  await impatient.open(await copySample(second))
})
afterAll(async () => {
  for (const ws of [workspace, impatient]) {
    await ws.close()
    await ws.imports.close()
  }
  await dir.cleanup()
})

let projectBefore: string
/** The sample's sources before each test: an import that is refused adds none. */
let sourcesBefore: string[]
beforeEach(async () => {
  await workspace.current.flush()
  projectBefore = await storedText(workspace.current.folder)
  sourcesBefore = workspace.current.data.sources.map((s) => s.id)
})

async function refusal(
  fileName: string,
  bytes: Uint8Array,
  jobId?: string,
  through: Dispatch = dispatch,
): Promise<ApiErrorBody> {
  const result: Result<unknown> = await through('sources.import', {
    fileName,
    dataBase64: Buffer.from(bytes).toString('base64'),
    ...(jobId ? { jobId } : {}),
  })
  if (result.ok) throw new Error(`${fileName} should have been refused`)
  return result.error
}

/** Nothing was added and the store files on disk are byte for byte what they were. */
async function expectNothingAdded(): Promise<void> {
  expect(sourcesBefore).toContain('src-brief')
  expect(workspace.current.data.sources.map((s) => s.id)).toEqual(sourcesBefore)
  await workspace.current.flush()
  expect(await storedText(workspace.current.folder)).toBe(projectBefore)
}

/** Runs `work` while other calls go through dispatch and the event loop is watched. */
async function whileAnswering<T>(
  work: Promise<T>,
): Promise<{ result: T; answered: number; worstStallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  let done = false
  let answered = 0
  const others = (async () => {
    while (!done) {
      const result = await dispatch('entities.list', { type: 'group' })
      if (result.ok) answered++
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })()
  try {
    const result = await work
    return { result, answered, worstStallMs: histogram.max / 1e6 }
  } finally {
    done = true
    await others
    histogram.disable()
  }
}

describe(
  'hostile documents are stopped by a limit, with a clear message',
  { timeout: 60_000 },
  () => {
    it('a zip-bomb .docx of under 1 MB that inflates past the limit', async () => {
      const bomb = await makeZipBombDocx(150 * 1024 * 1024)
      expect(bomb.length).toBeLessThan(1024 * 1024)
      const { result: error, answered } = await whileAnswering(refusal('bomb.docx', bomb))
      expect(error.code).toBe('payload_too_large')
      expect(error.message).toBe(
        '"bomb.docx" expands to more than 100 MB once unzipped (in word/document.xml); Sightline reads Word files whose parts stay under 100 MB. It was not imported.',
      )
      expect(answered).toBeGreaterThan(0)
      await expectNothingAdded()
    })

    it('a PDF of 50,000 pages', async () => {
      const error = await refusal('huge.pdf', makeManyPagesPdf(50_000))
      expect(error.code).toBe('payload_too_large')
      expect(error.message).toMatch(
        /^"huge\.pdf" has 50,000 pages; Sightline imports PDFs of up to 10,000 pages\. Split it/,
      )
      await expectNothingAdded()
    })

    it('a PDF that never finishes is stopped when its time is up, the app answering meanwhile', async () => {
      expect(endless.length).toBeLessThan(1024 * 1024)
      // A first document, so the worker has loaded before the clock is watched.
      const warm = await impatientDispatch('sources.import', {
        fileName: 'warm.txt',
        dataBase64: Buffer.from('Warm-up text.').toString('base64'),
      })
      expect(warm.ok).toBe(true)
      await impatient.current.flush()
      const before = await storedText(impatient.current.folder)
      const sourcesBefore = impatient.current.data.sources.length
      const started = performance.now()
      const {
        result: error,
        answered,
        worstStallMs,
      } = await whileAnswering(refusal('endless.pdf', endless, undefined, impatientDispatch))
      const took = performance.now() - started
      expect(error.code).toBe('payload_too_large')
      // Stopped by the job's timer, or (on a machine slow enough that the worker only reaches
      // the page once the time is already up) by the parser's own check before the page.
      expect(error.message).toMatch(
        /^"endless\.pdf" took longer than 3 s to read(; it was stopped and| \(stopped at page 1 of 1\); it was) not imported\.$/,
      )
      expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS)
      expect(took).toBeLessThan(TIMEOUT_MS * 4)
      expect(answered).toBeGreaterThan(5)
      // The parser's work never ran on this thread.
      expect(worstStallMs).toBeLessThan(1_000)
      expect(impatient.current.data.sources).toHaveLength(sourcesBefore)
      await impatient.current.flush()
      expect(await storedText(impatient.current.folder)).toBe(before)
    })

    it('a web page nested deeper than any readable page', async () => {
      const error = await refusal('deep.html', makeDeepHtml(20_000))
      expect(error.code).toBe('payload_too_large')
      expect(error.message).toBe(
        '"deep.html" nests its HTML elements more than 512 levels deep; no readable page does, so it was not imported.',
      )
      await expectNothingAdded()
    })

    it('a document that needs more memory than an import may use', async () => {
      const small = new Workspace({
        userDataDir: join(dir.path, 'user-small'),
        imports: { limits: { memoryMb: 32 } },
      })
      try {
        await small.open(folder)
        const smallDispatch = createDispatch(small)
        const text = Buffer.from(`${'word '.repeat(3_000_000)}\n`.repeat(1))
        const result = await smallDispatch('sources.import', {
          fileName: 'big.txt',
          dataBase64: text.toString('base64'),
        })
        expect(result.ok).toBe(false)
        if (result.ok) return
        expect(result.error.code).toBe('payload_too_large')
        expect(result.error.message).toBe(
          '"big.txt" needs more than the 32 MB of memory an import may use; it was stopped and not imported.',
        )
      } finally {
        await small.close()
        await small.imports.close()
      }
      await expectNothingAdded()
    })
  },
)

describe('following and cancelling an import', { timeout: 60_000 }, () => {
  it('reports the pages read so far, then cancels: nothing is added', async () => {
    const jobId = 'job-cancel-1'
    const pending = refusal('endless.pdf', endless, jobId)
    let progress: ImportProgress | null = null
    for (let i = 0; i < 600 && progress?.stage !== 'pages'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      const polled = await dispatch('sources.importProgress', { jobId })
      progress = polled.ok ? (polled.value as ImportProgress | null) : null
    }
    expect(progress).toMatchObject({ state: 'running', fileName: 'endless.pdf', stage: 'pages' })
    expect(progress?.total).toBe(1)
    const cancelled = await dispatch('sources.cancelImport', { jobId })
    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } })
    const error = await pending
    expect(error.code).toBe('cancelled')
    expect(error.message).toBe('The import of "endless.pdf" was cancelled; nothing was added.')
    expect(await dispatch('sources.importProgress', { jobId })).toEqual({ ok: true, value: null })
    expect(await dispatch('sources.cancelImport', { jobId })).toEqual({
      ok: true,
      value: { cancelled: false },
    })
    await expectNothingAdded()
  })

  it('imports normally after documents were stopped, cancelled or refused', async () => {
    const outcome = await dispatch('sources.import', {
      fileName: 'after.docx',
      dataBase64: (await makeDocx(['After the storm', 'The importer still works.'])).toString(
        'base64',
      ),
    })
    expect(outcome.ok).toBe(true)
    expect((outcome as { value: ImportOutcome }).value.status).toBe('imported')
    const pdf = await dispatch('sources.import', {
      fileName: 'pages.pdf',
      dataBase64: makePdf([['First page text.'], ['Second page text.']]).toString('base64'),
    })
    expect(pdf.ok).toBe(true)
  })

  it('refuses a job id already in use', async () => {
    const jobId = 'job-twice'
    const first = refusal('endless.pdf', endless, jobId)
    const second = await refusal('other.pdf', makePdf([['x']]), jobId)
    expect(second.code).toBe('conflict')
    await dispatch('sources.cancelImport', { jobId })
    expect((await first).code).toBe('cancelled')
  })
})

describe('file data that is not base64', () => {
  it('is refused by the worker with a clear message, nothing added', async () => {
    const sources = workspace.current.data.sources.length
    const result: Result<unknown> = await dispatch('sources.import', {
      fileName: 'notes.txt',
      dataBase64: 'not base64 at all!',
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: '"notes.txt" did not arrive as base64 data.' },
    })
    expect(workspace.current.data.sources).toHaveLength(sources)
    await workspace.current.flush()
    expect(await storedText(workspace.current.folder)).toBe(projectBefore)
  })
})
