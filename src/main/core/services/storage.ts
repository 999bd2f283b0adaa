import type { BackupInfo, SaveStatus } from '../../../shared/contract'
import { listBackups } from '../backups'
import { AppError, appError } from '../errors'
import type { ProjectStore } from '../project-store'
import type { Workspace } from '../workspace'

/** Writes pending edits now; a refusal keeps them in memory and reaches the user as storage. */
export async function saveNow(store: ProjectStore): Promise<SaveStatus> {
  await store.flush()
  return store.saveState()
}

export async function listProjectBackups(ws: Workspace, folder?: string): Promise<BackupInfo[]> {
  return listBackups(folder ?? ws.defaultBackupFolder())
}

export async function backUpNow(store: ProjectStore): Promise<BackupInfo> {
  try {
    return await store.backupNow('manual')
  } catch (error) {
    if (error instanceof AppError) throw error
    throw appError('storage', 'backupNotWritten', { reason: (error as Error).message })
  }
}
