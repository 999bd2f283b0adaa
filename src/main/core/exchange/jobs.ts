/**
 * State the exchange keeps between calls: the progress of long jobs (polled by the
 * dialog) and files uploaded in chunks until a preview reads them. Both are small maps in
 * memory with a lifetime; nothing here touches the project.
 */
import { MAX_EXCHANGE_BYTES, type JobProgress } from '../../../shared/contract'
import { AppError } from '../errors'
import type { Progress } from './slices'
import { toUploadPart, type UploadPart } from './upload-parts'

const JOB_LIFETIME_MS = 60_000
const UPLOAD_LIFETIME_MS = 30 * 60_000
/** Uploads kept at once; an older one is dropped when a new one starts. */
const MAX_UPLOADS = 3

const jobs = new Map<string, { progress: JobProgress; touched: number }>()

/** A progress callback for `jobId` (none when the caller did not ask to follow it). */
export function jobProgress(jobId: string | undefined): Progress | undefined {
  if (!jobId) return undefined
  return (phase, done, total) => {
    jobs.set(jobId, { progress: { phase, done, total }, touched: Date.now() })
  }
}

export function finishJob(jobId: string | undefined): void {
  if (!jobId) return
  jobs.delete(jobId)
  cancelled.delete(jobId)
}

/** Jobs asked to stop (exchange.cancel), until they end. */
const cancelled = new Set<string>()
/** Cancels remembered at once: a cancel may come for a job that never starts. */
const MAX_CANCELLED = 100

export function markCancelled(jobId: string): void {
  cancelled.add(jobId)
  while (cancelled.size > MAX_CANCELLED) cancelled.delete(cancelled.values().next().value!)
}

export function isCancelled(jobId: string | undefined): boolean {
  return jobId !== undefined && cancelled.has(jobId)
}

export function readProgress(jobId: string): JobProgress | null {
  const now = Date.now()
  for (const [id, job] of jobs) if (now - job.touched > JOB_LIFETIME_MS) jobs.delete(id)
  return jobs.get(jobId)?.progress ?? null
}

interface Upload {
  parts: UploadPart[]
  chars: number
  touched: number
}

const uploads = new Map<string, Upload>()

function dropStaleUploads(now: number): void {
  for (const [id, upload] of uploads) {
    if (now - upload.touched > UPLOAD_LIFETIME_MS) uploads.delete(id)
  }
}

/** Appends chunk `index` of upload `uploadId`; chunks must come in order from 0. */
export function appendUpload(uploadId: string, index: number, text: string): number {
  const now = Date.now()
  dropStaleUploads(now)
  let upload = uploads.get(uploadId)
  if (index === 0) {
    upload = { parts: [], chars: 0, touched: now }
    uploads.delete(uploadId)
    while (uploads.size >= MAX_UPLOADS) uploads.delete(uploads.keys().next().value!)
    uploads.set(uploadId, upload)
  }
  if (!upload || upload.parts.length !== index) {
    throw new AppError(
      'conflict',
      `Part ${index + 1} of the file arrived out of order; choose the file again.`,
    )
  }
  if (upload.chars + text.length > MAX_EXCHANGE_BYTES) {
    uploads.delete(uploadId)
    throw new AppError(
      'payload_too_large',
      `The file is larger than ${MAX_EXCHANGE_BYTES / 1024 / 1024} MB, the most Sightline imports at once. Nothing was imported.`,
    )
  }
  upload.parts.push(toUploadPart(text))
  upload.chars += text.length
  upload.touched = now
  return upload.chars
}

/**
 * The parts of an upload's text, in order (it stays until it expires, so a preview can be
 * redone). The exchange worker joins them: no copy of the whole file is made here.
 */
export function uploadedParts(uploadId: string): readonly UploadPart[] {
  dropStaleUploads(Date.now())
  const upload = uploads.get(uploadId)
  if (!upload) {
    throw new AppError('not_found', 'The file to import is no longer here; choose it again.')
  }
  upload.touched = Date.now()
  return upload.parts
}

export function forgetUpload(uploadId: string): void {
  uploads.delete(uploadId)
}
