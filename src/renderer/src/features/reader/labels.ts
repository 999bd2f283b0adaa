import type { Annotation } from '../../../../shared/model'
import { formatPercent } from '../../ui/format'
import { t } from '../../ui/i18n'

export const KIND_LABELS: Record<Annotation['kind'], string> = {
  claim: t('reader.claim'),
  fact: t('reader.fact'),
  assessment: t('reader.assessment'),
  quote: t('reader.quote'),
}

export function anchorLabel(anchor: Annotation['anchor']): string {
  switch (anchor.state) {
    case 'exact':
      return t('reader.anchored')
    case 'moved':
      return t('reader.moved')
    case 'fuzzy':
      return t('reader.fuzzyMatch', { percent: formatPercent(anchor.score ?? 0) })
    case 'orphaned':
      return t('reader.lostItsPlace')
  }
}

export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
