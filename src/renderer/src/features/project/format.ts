import type { BackupInfo } from '../../../../shared/contract'
import { t } from '../../ui/i18n'

export const BACKUP_REASON_LABELS: Record<BackupInfo['reason'], string> = {
  auto: t('project.automatic'),
  manual: t('project.madeByHand'),
  'before-restore': t('project.beforeARestore'),
  'before-migration': t('project.beforeAnUpgrade'),
  import: t('project.asImported'),
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
