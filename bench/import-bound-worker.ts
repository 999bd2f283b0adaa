/**
 * The worker side of the exchange bench's import bound (bench/import-bound.ts): the least a
 * durable import of a bundle must do off the main thread, with the app's own primitives.
 * It takes the bundle's text from shared memory and parses it, checks each resulting record
 * with the store's compiled schemas, serializes the journal lines into large buffers that
 * move to the main thread without a copy, and writes the source texts durably meanwhile.
 * The records and texts come in workerData (the real import's output, its plan counted as
 * free): only the work any import must do is timed. Started through store/worker-boot.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { writeFilesDurably } from '../src/main/core/durable-write'
import { runInBackground } from '../src/main/core/background-thread'
import { uploadPartText, type UploadPart } from '../src/main/core/exchange/upload-parts'
import { compiledSchemaOf } from '../src/main/core/store/collections'
import { batchText } from '../src/main/core/store/format'

export interface BoundInput {
  entry: string
  records: { collection: string; record: { id: string } }[]
  /** Each text with its content hash (the name the store gives it). */
  texts: { contentHash: string; text: string }[]
}

export interface BoundRun {
  type: 'run'
  bundle: UploadPart
  /** An empty folder the texts go to (sources/ of a new project). */
  textsFolder: string
  /** The sequence number of the batch's first op. */
  firstSeq: number
}

/** Milliseconds per step, as the worker measured them. */
export interface BoundSteps {
  'take the bundle text': number
  'parse the bundle': number
  'check the records (compiled schemas)': number
  'serialize the journal lines': number
  'hand the buffers over': number
  'write the texts durably': number
}

export type BoundReply =
  | { type: 'lines'; buffer: ArrayBuffer; bytes: number; last: boolean }
  | { type: 'texts-written' }
  | { type: 'done'; steps: BoundSteps }
  | { type: 'failed'; message: string }

/** Bytes of journal lines per buffer handed over: few messages, each a short parse there. */
const BUFFER_CHARS = 1 << 20

const input = workerData as BoundInput

async function run(request: BoundRun): Promise<BoundSteps> {
  const steps: BoundSteps = {
    'take the bundle text': 0,
    'parse the bundle': 0,
    'check the records (compiled schemas)': 0,
    'serialize the journal lines': 0,
    'hand the buffers over': 0,
    'write the texts durably': 0,
  }
  const started = performance.now()
  // The texts owe nothing to the parse here (the plan is free): they start at once.
  const texts = writeFilesDurably(
    request.textsFolder,
    input.texts.map(({ contentHash, text }) => ({ name: `${contentHash}.txt`, data: text })),
  ).then(() => {
    steps['write the texts durably'] = performance.now() - started
    parentPort!.postMessage({ type: 'texts-written' } satisfies BoundReply)
  })
  let at = performance.now()
  const lap = (step: keyof BoundSteps): void => {
    const now = performance.now()
    steps[step] += now - at
    at = now
  }
  const text = uploadPartText(request.bundle)
  lap('take the bundle text')
  JSON.parse(text)
  lap('parse the bundle')
  let seq = request.firstSeq
  let lines = ''
  const hand = (last: boolean): void => {
    const encoded = Buffer.from(lines, 'utf8')
    // A buffer of its own (not a slice of Node's pool), so that it can move without a copy.
    const buffer = encoded.buffer.slice(
      encoded.byteOffset,
      encoded.byteOffset + encoded.byteLength,
    ) as ArrayBuffer
    lap('serialize the journal lines')
    parentPort!.postMessage(
      { type: 'lines', buffer, bytes: buffer.byteLength, last } satisfies BoundReply,
      [buffer],
    )
    lap('hand the buffers over')
    lines = ''
  }
  const total = input.records.length
  for (let index = 0; index < total; index++) {
    const { collection, record } = input.records[index]!
    const checked = compiledSchemaOf(collection)!.safeParse(record)
    if (!checked.success) throw new Error(`${collection} ${record.id} fails its schema`)
    lap('check the records (compiled schemas)')
    // The store's own line format, the batch's end marked on its last line.
    lines += batchText(
      [{ op: 'put', c: collection, id: record.id, v: checked.data }],
      seq++,
      index === total - 1,
    )
    if (lines.length >= BUFFER_CHARS || index === total - 1) hand(index === total - 1)
    else lap('serialize the journal lines')
  }
  await texts
  return steps
}

runInBackground()
parentPort!.on('message', (request: BoundRun) => {
  run(request).then(
    (steps) => parentPort!.postMessage({ type: 'done', steps } satisfies BoundReply),
    (error: unknown) =>
      parentPort!.postMessage({
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
      } satisfies BoundReply),
  )
})
