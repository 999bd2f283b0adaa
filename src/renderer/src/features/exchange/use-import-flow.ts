import { useRef, useState } from 'react'
import type { CsvMapping, ExchangeOutcome, ImportPreview } from '../../../../shared/contract'
import {
  fileTooLarge,
  newJobId,
  uploadText,
  useApplyImport,
  usePreviewImport,
} from '../../api/exchange'
import { ApiError } from '../../api/errors'

export type ImportTarget = 'current' | 'new-project'

export interface PreviewOptions {
  target: ImportTarget
  csv?: CsvMapping
  /** W3C: the source to anchor every annotation on. */
  sourceId?: string
}

export type ImportStep =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'uploading'; fileName: string; sent: number; total: number }
  | { step: 'previewing'; fileName: string; jobId: string }
  | {
      step: 'previewed'
      fileName: string
      uploadId: string
      preview: ImportPreview
      changed: boolean
    }
  | { step: 'applying'; fileName: string; preview: ImportPreview; jobId: string }
  | { step: 'done'; fileName: string; outcome: Extract<ExchangeOutcome, { status: 'applied' }> }
  /** Stopped by the analyst; `applying` says whether it was the import (not the preview). */
  | { step: 'cancelled'; fileName: string; applying: boolean }
  | {
      step: 'failed'
      fileName: string
      message: string
      problems: { path: string; message: string }[]
    }

function failure(fileName: string, error: unknown, applying = false): ImportStep {
  if (error instanceof ApiError && error.code === 'cancelled') {
    return { step: 'cancelled', fileName, applying }
  }
  return {
    step: 'failed',
    fileName,
    message: error instanceof Error ? error.message : String(error),
    problems: error instanceof ApiError ? (error.issues ?? []) : [],
  }
}

/**
 * One import from file to project: read, upload in chunks, preview (nothing written),
 * then apply, which may come back with a new preview when the project changed meanwhile.
 */
export function useImportFlow() {
  const [state, setState] = useState<ImportStep>({ step: 'idle' })
  const [uploaded, setUploaded] = useState<{ uploadId: string; fileName: string } | null>(null)
  const previewImport = usePreviewImport()
  const applyImport = useApplyImport()
  /** Set by cancel while the file is read or sent: those steps run here, not in a job. */
  const stopped = useRef(false)

  const preview = async (
    uploadId: string,
    fileName: string,
    options: PreviewOptions,
  ): Promise<void> => {
    const jobId = newJobId()
    setState({ step: 'previewing', fileName, jobId })
    try {
      const result = await previewImport.mutateAsync({
        uploadId,
        fileName,
        target: options.target,
        ...(options.csv ? { csv: options.csv } : {}),
        ...(options.sourceId ? { sourceId: options.sourceId } : {}),
        jobId,
      })
      setState({ step: 'previewed', fileName, uploadId, preview: result, changed: false })
    } catch (error) {
      setState(failure(fileName, error))
    }
  }

  const choose = async (file: File, options: PreviewOptions): Promise<void> => {
    const refused = fileTooLarge(file)
    if (refused) {
      setState({ step: 'failed', fileName: file.name, message: refused, problems: [] })
      return
    }
    stopped.current = false
    setState({ step: 'reading', fileName: file.name })
    try {
      const text = await file.text()
      const uploadId = await uploadText(text, (sent, total) => {
        if (stopped.current) throw new ApiError({ code: 'cancelled', message: 'Cancelled.' })
        setState({ step: 'uploading', fileName: file.name, sent, total })
      })
      setUploaded({ uploadId, fileName: file.name })
      await preview(uploadId, file.name, options)
    } catch (error) {
      setState(failure(file.name, error))
    }
  }

  /** The same file again with other options (target, CSV mapping, source). */
  const again = (options: PreviewOptions): void => {
    if (uploaded) void preview(uploaded.uploadId, uploaded.fileName, options)
  }

  const apply = async (projectName?: string): Promise<void> => {
    if (state.step !== 'previewed') return
    const { preview: planned, fileName, uploadId } = state
    const jobId = newJobId()
    setState({ step: 'applying', fileName, preview: planned, jobId })
    try {
      const outcome = await applyImport.mutateAsync({
        planId: planned.planId,
        digest: planned.digest,
        ...(projectName ? { projectName } : {}),
        jobId,
      })
      setState(
        outcome.status === 'applied'
          ? { step: 'done', fileName, outcome }
          : { step: 'previewed', fileName, uploadId, preview: outcome.preview, changed: true },
      )
    } catch (error) {
      setState(failure(fileName, error, true))
    }
  }

  /** Stops the step under way (see JobProgress for the jobs' own Cancel). */
  const stopSending = (): void => {
    stopped.current = true
  }

  const reset = (): void => {
    setState({ step: 'idle' })
    setUploaded(null)
  }

  return { state, choose, again, apply, stopSending, reset, hasFile: uploaded !== null }
}
