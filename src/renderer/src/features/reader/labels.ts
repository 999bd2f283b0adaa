import type { Annotation } from '../../../../shared/model'

export const KIND_LABELS: Record<Annotation['kind'], string> = {
  claim: 'Claim',
  fact: 'Fact',
  assessment: 'Assessment',
  quote: 'Quote',
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
