import type { Annotation, SourceRecord } from '../../../../shared/model'

export const CREDIBILITY_LABELS: Record<number, string> = {
  1: 'Confirmed',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Cannot be judged',
}

export const RELIABILITY_LABELS: Record<SourceRecord['reliability'], string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Cannot be judged',
}

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
