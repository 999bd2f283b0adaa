/**
 * The rows of the import results: one per file (or pasted text), newest batch first, each
 * going from waiting to done or failed. Pure, so the order and the states are tested alone.
 */
import type { ImportOutcome, ImportProgress } from '../../../../shared/contract'
import { t } from '../../ui/i18n'

export type ImportResult =
  | { state: 'waiting' | 'reading' }
  /** Sent; `jobId` follows it on the server (progress, cancel). */
  | { state: 'importing'; jobId: string }
  | { state: 'done'; outcome: ImportOutcome }
  | { state: 'failed'; message: string }
  | { state: 'cancelled' }

export interface ImportRow {
  key: string
  name: string
  result: ImportResult
}

export type ImportRowsAction =
  /** A batch of files was chosen; they wait, in their order, above the earlier rows. */
  | { type: 'queued'; files: { key: string; name: string }[] }
  | { type: 'progressed'; key: string; result: ImportResult }
  /** Pasted text was added: its row is already done. */
  | { type: 'pasted'; key: string; outcome: ImportOutcome }
  | { type: 'cleared' }

export function importRowsReducer(rows: ImportRow[], action: ImportRowsAction): ImportRow[] {
  switch (action.type) {
    case 'queued':
      return [
        ...action.files.map(({ key, name }) => ({
          key,
          name,
          result: { state: 'waiting' as const },
        })),
        ...rows,
      ]
    case 'progressed':
      return rows.map((row) => (row.key === action.key ? { ...row, result: action.result } : row))
    case 'pasted':
      return [
        {
          key: action.key,
          name: 'Pasted text',
          result: { state: 'done', outcome: action.outcome },
        },
        ...rows,
      ]
    case 'cleared':
      return []
  }
}

/** Whether an import has come to an end, one way or another. */
export function importSettled(result: ImportResult): boolean {
  return result.state === 'done' || result.state === 'failed' || result.state === 'cancelled'
}

/** Whether some file is still on its way (then the results cannot be cleared). */
export function importsBusy(rows: readonly ImportRow[]): boolean {
  return rows.some((row) => !importSettled(row.result))
}

/** What a running import is doing, in words: "Reading page 12 of 800…". */
export function describeProgress(progress: ImportProgress | null | undefined): string {
  if (!progress) return t('reader.importing')
  if (progress.state === 'waiting') return t('reader.waitingForAnotherImportToFinish')
  switch (progress.stage) {
    case 'checking':
      return t('reader.checkingTheFile')
    case 'pages':
      return progress.total
        ? t('reader.readingPageOf', {
            page: Math.min((progress.done ?? 0) + 1, progress.total),
            total: progress.total,
          })
        : t('reader.readingThePages')
    case 'extracting':
      return t('reader.readingTheText')
    default:
      return t('reader.openingTheFile')
  }
}

/**
 * The source to open in the reader after an import from anywhere: the one file's source (or
 * the source that already had its text); null for several files, or one that failed.
 */
export function sourceToOpen(results: readonly ImportResult[]): string | null {
  if (results.length !== 1) return null
  const only = results[0]!
  if (only.state !== 'done') return null
  return only.outcome.status === 'duplicate' ? only.outcome.existing.id : only.outcome.source.id
}
