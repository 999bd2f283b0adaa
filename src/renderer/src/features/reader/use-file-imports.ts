import { useReducer, useRef } from 'react'
import type { ImportOutcome } from '../../../../shared/contract'
import { ApiError } from '../../api/errors'
import { cancelImport, useImportFile } from '../../api/sources'
import { precheckFile, readAsBase64 } from './files'
import { importRowsReducer, importsBusy, type ImportResult, type ImportRow } from './import-rows'

export interface FileImports {
  rows: ImportRow[]
  busy: boolean
  /** Imports the files one after another; resolves with how each went, in their order. */
  importAll: (files: File[]) => Promise<ImportResult[]>
  /** Stops the file of row `key`: a waiting one is skipped, a running one stopped on the server. */
  cancel: (key: string) => void
  addPasted: (outcome: ImportOutcome) => void
  clear: () => void
}

/** Imports chosen or dropped files and keeps a row per file with how it went. */
export function useFileImports(): FileImports {
  const { mutateAsync: importFile } = useImportFile()
  const [rows, dispatch] = useReducer(importRowsReducer, [])
  const counter = useRef(0)
  const nextKey = (): string => `f${++counter.current}`
  /** Rows cancelled before their file was sent; the loop skips them. */
  const cancelledEarly = useRef(new Set<string>())

  /** One file after another; a failure is shown on its row and the next file goes on. */
  const importAll = async (files: File[]): Promise<ImportResult[]> => {
    const batch = files.map((file) => ({ key: nextKey(), name: file.name, file }))
    dispatch({ type: 'queued', files: batch })
    const settled: ImportResult[] = []
    const settle = (key: string, result: ImportResult): void => {
      dispatch({ type: 'progressed', key, result })
      settled.push(result)
    }
    for (const { key, file } of batch) {
      if (cancelledEarly.current.delete(key)) {
        settled.push({ state: 'cancelled' })
        continue
      }
      const problem = precheckFile(file)
      if (problem) {
        settle(key, { state: 'failed', message: problem })
        continue
      }
      try {
        dispatch({ type: 'progressed', key, result: { state: 'reading' } })
        const dataBase64 = await readAsBase64(file)
        if (cancelledEarly.current.delete(key)) {
          settled.push({ state: 'cancelled' })
          continue
        }
        const jobId = crypto.randomUUID()
        dispatch({ type: 'progressed', key, result: { state: 'importing', jobId } })
        const outcome = await importFile({ fileName: file.name, dataBase64, jobId })
        settle(key, { state: 'done', outcome })
      } catch (error) {
        if (error instanceof ApiError && error.code === 'cancelled') {
          settle(key, { state: 'cancelled' })
          continue
        }
        const message =
          error instanceof ApiError ? error.message : `"${file.name}" could not be read.`
        settle(key, { state: 'failed', message })
      }
    }
    return settled
  }

  const cancel = (key: string): void => {
    const row = rows.find((r) => r.key === key)
    if (!row) return
    if (row.result.state === 'importing') {
      // The import call itself then fails with "cancelled" and the row says so.
      void cancelImport(row.result.jobId).catch(() => undefined)
      return
    }
    if (row.result.state === 'waiting' || row.result.state === 'reading') {
      cancelledEarly.current.add(key)
      dispatch({ type: 'progressed', key, result: { state: 'cancelled' } })
    }
  }

  return {
    rows,
    busy: importsBusy(rows),
    importAll,
    cancel,
    addPasted: (outcome) => dispatch({ type: 'pasted', key: nextKey(), outcome }),
    clear: () => dispatch({ type: 'cleared' }),
  }
}
