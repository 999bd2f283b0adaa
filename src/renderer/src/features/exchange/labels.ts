/** The words of the Exchange dialog for what the contract names in code. */
import type { ImportItem, TlpLevel } from '../../../../shared/contract'
import { t } from '../../ui/i18n'

export const TLP_LABELS: Record<TlpLevel, string> = {
  clear: 'TLP:CLEAR — no limit on sharing',
  green: 'TLP:GREEN — the community',
  amber: 'TLP:AMBER — the organization and its clients',
  'amber+strict': 'TLP:AMBER+STRICT — the organization only',
  red: 'TLP:RED — the named recipients only',
}

export const KIND_LABELS: Record<ImportItem['kind'], string> = {
  entity: t('exchange.entities'),
  relation: t('exchange.relations'),
  quote: t('exchange.quotes'),
  source: t('exchange.sources'),
  report: t('exchange.reports'),
}

export const ACTION_LABELS: Record<ImportItem['action'], string> = {
  create: t('exchange.new'),
  merge: t('exchange.merged'),
  skip: t('exchange.skipped'),
}

export const FORMAT_LABELS = {
  stix: 'STIX 2.1 bundle',
  w3c: 'W3C Web Annotations',
  csv: 'CSV file of entities',
} as const

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** "9 threat-actor, 22 note" from counts by kind. */
export function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ')
}
