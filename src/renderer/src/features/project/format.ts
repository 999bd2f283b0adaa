import type { BackupInfo } from '../../../../shared/contract'

export const BACKUP_REASON_LABELS: Record<BackupInfo['reason'], string> = {
  auto: 'Automatic',
  manual: 'Made by hand',
  'before-restore': 'Before a restore',
  'before-migration': 'Before an upgrade',
  import: 'As imported',
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

export function formatTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString()
}
