/**
 * The analyst's choice of lanes, kept in this browser's storage so the timeline reopens on
 * the same theme lines. Ids no longer in the project are dropped; with none left (or no
 * choice yet) the lanes are the groups with the most quotes.
 */
import { useState } from 'react'
import type { TimelineLane } from '../../../../shared/contract'
import { defaultLaneIds } from '../../../../shared/timeline'

/** Lanes a first look shows: the groups with the most quotes. */
const DEFAULT_LANES = 6
const STORAGE_KEY = 'sightline.timeline.lanes'

export interface LaneChoice {
  ids: string[]
  /** Whether the lane of events with no participant is shown. */
  unassigned: boolean
}

export function parseLaneChoice(raw: string | null): LaneChoice | null {
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as unknown
    if (typeof value !== 'object' || value === null) return null
    const { ids, unassigned } = value as Record<string, unknown>
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return null
    return { ids: ids as string[], unassigned: unassigned !== false }
  } catch {
    return null
  }
}

/** The lanes to show: the stored choice where its lanes still exist, else the default. */
export function resolveLaneChoice(
  stored: LaneChoice | null,
  lanes: readonly TimelineLane[],
): LaneChoice {
  if (stored) {
    const known = new Set(lanes.map((l) => l.id))
    const ids = stored.ids.filter((id) => known.has(id))
    if (ids.length > 0 || stored.ids.length === 0) return { ids, unassigned: stored.unassigned }
  }
  return { ids: defaultLaneIds(lanes, DEFAULT_LANES), unassigned: stored?.unassigned ?? true }
}

function readStored(): LaneChoice | null {
  try {
    return parseLaneChoice(globalThis.localStorage?.getItem(STORAGE_KEY) ?? null)
  } catch {
    return null
  }
}

/** The chosen lanes (null until the lanes have loaded) and the setter that remembers them. */
export function useLaneChoice(
  lanes: readonly TimelineLane[] | undefined,
): [LaneChoice | null, (choice: LaneChoice) => void] {
  const [stored, setStored] = useState<LaneChoice | null>(readStored)
  const choose = (choice: LaneChoice): void => {
    setStored(choice)
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(choice))
    } catch {
      // Storage may be full or off: the choice still holds for this page.
    }
  }
  return [lanes ? resolveLaneChoice(stored, lanes) : null, choose]
}
