import { useReducer, useRef } from 'react'
import type { ImportOutcome } from '../../../../shared/contract'
import { ApiError } from '../../api/errors'
import { useImportFile } from '../../api/sources'
import { precheckFile, readAsBase64 } from './files'
import { importRowsReducer, importsBusy, type ImportRow } from './import-rows'

export interface FileImports {
  rows: ImportRow[]
  busy: boolean
  importAll: (files: File[]) => Promise<void>
  addPasted: (outcome: ImportOutcome) => void
  clear: () => void
}

/** Imports chosen or dropped files and keeps a row per file with how it went. */
export function useFileImports(): FileImports {
  const { mutateAsync: importFile } = useImportFile()
  const [rows, dispatch] = useReducer(importRowsReducer, [])
  const counter = useRef(0)
  const nextKey = (): string => `f${++counter.current}`

  /** One file after another; a failure is shown on its row and the next file goes on. */
  const importAll = async (files: File[]): Promise<void> => {
    const batch = files.map((file) => ({ key: nextKey(), name: file.name, file }))
    dispatch({ type: 'queued', files: batch })
    for (const { key, file } of batch) {
      const problem = precheckFile(file)
      if (problem) {
        dispatch({ type: 'progressed', key, result: { state: 'failed', message: problem } })
        continue
      }
      try {
        dispatch({ type: 'progressed', key, result: { state: 'reading' } })
        const dataBase64 = await readAsBase64(file)
        dispatch({ type: 'progressed', key, result: { state: 'importing' } })
        const outcome = await importFile({ fileName: file.name, dataBase64 })
        dispatch({ type: 'progressed', key, result: { state: 'done', outcome } })
      } catch (error) {
        const message =
          error instanceof ApiError ? error.message : `"${file.name}" could not be read.`
        dispatch({ type: 'progressed', key, result: { state: 'failed', message } })
      }
    }
  }

  return {
    rows,
    busy: importsBusy(rows),
    importAll,
    addPasted: (outcome) => dispatch({ type: 'pasted', key: nextKey(), outcome }),
    clear: () => dispatch({ type: 'cleared' }),
  }
}
