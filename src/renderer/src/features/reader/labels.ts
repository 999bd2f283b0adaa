import type { Annotation } from '../../../../shared/model'
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
      return 'Anchored'
    case 'moved':
      return 'Moved'
    case 'fuzzy':
      return `Fuzzy match (${Math.round((anchor.score ?? 0) * 100)}%)`
    case 'orphaned':
      return 'Lost its place'
  }
}

export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
