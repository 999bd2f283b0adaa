/**
 * What the timeline shows: kinds of item, kinds of event and the evidence asked of each item.
 * Pure, so the reducer and the test of every rule run without a page.
 */
import type { TimelineItem, TimelineItemKind } from '../../../../shared/contract'
import { EVENT_KINDS, type EventKind } from '../../../../shared/model'
import { t } from '../../ui/i18n'

/** 'any': everything; 'supported': backed by at least one quote; a number: graded at most that. */
export type EvidenceRule = 'any' | 'supported' | 1 | 2 | 3 | 4 | 5

/** The entity types a lane can be (the lane of events with no participant is always shown). */
export const LANE_TYPES = ['group', 'person'] as const

export interface TimelineFilter {
  /** Lanes of these entity types are shown. */
  laneTypes: ReadonlySet<string>
  itemKinds: ReadonlySet<TimelineItemKind>
  eventKinds: ReadonlySet<EventKind>
  evidence: EvidenceRule
}

/** Quotes are many and sit at their source's date: shown on request (the toggle). */
export const INITIAL_FILTER: TimelineFilter = {
  laneTypes: new Set<string>(LANE_TYPES),
  itemKinds: new Set<TimelineItemKind>(['event', 'relation', 'first-seen']),
  eventKinds: new Set<EventKind>(EVENT_KINDS),
  evidence: 'any',
}

export type FilterAction =
  | { type: 'show-lane-type'; laneType: string; shown: boolean }
  | { type: 'show-item-kind'; kind: TimelineItemKind; shown: boolean }
  | { type: 'show-event-kind'; kind: EventKind; shown: boolean }
  | { type: 'require-evidence'; rule: EvidenceRule }

function toggled<T>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> {
  const next = new Set(set)
  if (on) next.add(value)
  else next.delete(value)
  return next
}

export function filterReducer(state: TimelineFilter, action: FilterAction): TimelineFilter {
  switch (action.type) {
    case 'show-lane-type':
      return { ...state, laneTypes: toggled(state.laneTypes, action.laneType, action.shown) }
    case 'show-item-kind':
      return { ...state, itemKinds: toggled(state.itemKinds, action.kind, action.shown) }
    case 'show-event-kind':
      return { ...state, eventKinds: toggled(state.eventKinds, action.kind, action.shown) }
    case 'require-evidence':
      return { ...state, evidence: action.rule }
  }
}

export function itemPasses(item: TimelineItem, filter: TimelineFilter): boolean {
  if (!filter.itemKinds.has(item.kind)) return false
  if (item.kind === 'event' && !filter.eventKinds.has(item.eventKind ?? 'other')) return false
  if (filter.evidence === 'any') return true
  if (filter.evidence === 'supported') return item.supported
  return item.grade !== undefined && item.grade <= filter.evidence
}

/** The words of the evidence rule, for the control and the status line. */
export const EVIDENCE_RULES: { rule: EvidenceRule; label: string }[] = [
  { rule: 'any', label: t('timeline.anyUnsupportedIncluded') },
  { rule: 'supported', label: t('timeline.backedByAQuote') },
  { rule: 1, label: t('timeline.graded1Confirmed') },
  { rule: 2, label: t('timeline.graded2OrBetter') },
  { rule: 3, label: t('timeline.graded3OrBetter') },
  { rule: 4, label: t('timeline.graded4OrBetter') },
  { rule: 5, label: t('timeline.graded5OrBetter') },
]
