/**
 * The exchange with other tools: STIX and W3C exports, and imports in three steps (upload
 * the file in chunks, preview, apply). Long calls carry a job id whose progress is polled.
 * An applied import may touch any record, or open a new project: it refreshes everything.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { MAX_EXCHANGE_BYTES, UPLOAD_CHUNK_CHARS, type MethodInput } from '../../../shared/contract'
import { call } from './client'
import { t } from '../ui/i18n'

const exchangeKeys = {
  all: ['exchange'] as const,
  progress: (jobId: string) => [...exchangeKeys.all, 'progress', jobId] as const,
}

/** A fresh id for one long call, to follow its progress. */
export function newJobId(): string {
  return crypto.randomUUID()
}

/** How often a long call's progress is asked for. */
const PROGRESS_POLL_MS = 250

/** The progress of a running job (export, preview, import); null before it starts. */
export function useJobProgress(jobId: string | null) {
  return useQuery({
    queryKey: exchangeKeys.progress(jobId ?? ''),
    queryFn: () => call('exchange.progress', { jobId: jobId! }),
    enabled: jobId !== null,
    refetchInterval: PROGRESS_POLL_MS,
    gcTime: 0,
  })
}

/** Stops a long export, preview or import; an import stopped writes nothing. */
export function useCancelJob() {
  return useMutation({
    mutationFn: (jobId: string) => call('exchange.cancel', { jobId }),
  })
}

export function useStixExport() {
  return useMutation({
    mutationFn: (input: MethodInput<'exchange.stixExport'>) => call('exchange.stixExport', input),
  })
}

export function useW3cExport() {
  return useMutation({
    mutationFn: (input: MethodInput<'exchange.w3cExport'>) => call('exchange.w3cExport', input),
  })
}

const megabytes = (bytes: number): string => `${Math.ceil(bytes / 1024 / 1024)} MB`

/** Why a file cannot be imported before it is even read; null when it can be. */
export function fileTooLarge(file: { size: number }): string | null {
  return file.size > MAX_EXCHANGE_BYTES
    ? t('api.theFileIsSightlineImportsFiles', {
        megabytes: megabytes(file.size),
        megabytes2: megabytes(MAX_EXCHANGE_BYTES),
      })
    : null
}

/** Sends a file's text in chunks; returns the upload's id for the preview. */
export async function uploadText(
  text: string,
  onProgress: (sent: number, total: number) => void,
): Promise<string> {
  const uploadId = crypto.randomUUID()
  const chunks = Math.max(1, Math.ceil(text.length / UPLOAD_CHUNK_CHARS))
  for (let index = 0; index < chunks; index++) {
    onProgress(index, chunks)
    await call('exchange.upload', {
      uploadId,
      index,
      text: text.slice(index * UPLOAD_CHUNK_CHARS, (index + 1) * UPLOAD_CHUNK_CHARS),
    })
  }
  onProgress(chunks, chunks)
  return uploadId
}

export function usePreviewImport() {
  return useMutation({
    mutationFn: (input: MethodInput<'exchange.preview'>) => call('exchange.preview', input),
  })
}

export function useApplyImport() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: MethodInput<'exchange.apply'>) => call('exchange.apply', input),
    onSuccess: (outcome) => {
      if (outcome.status === 'applied') void client.invalidateQueries()
    },
  })
}
