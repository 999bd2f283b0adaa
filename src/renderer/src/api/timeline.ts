/**
 * The timeline: the lanes an analyst can choose and the dated items on the chosen ones.
 * Entity and relation edits reload these through row-sync (everything derived from entities
 * reloads); quote edits through the sources domain.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { call } from './client'

export const timelineKeys = {
  all: ['timeline'] as const,
  lanes: () => [...timelineKeys.all, 'lanes'] as const,
  items: (laneIds: readonly string[], unassigned: boolean) =>
    [...timelineKeys.all, 'items', laneIds, unassigned] as const,
}

/** Every group and person that can be a lane, most quoted first. */
export function useTimelineLanes() {
  return useQuery({ queryKey: timelineKeys.lanes(), queryFn: () => call('timeline.lanes', {}) })
}

/** The items of some lanes; the previous lanes' items stay on screen while new ones load. */
export function useTimelineItems(laneIds: readonly string[] | null, unassigned: boolean) {
  return useQuery({
    queryKey: timelineKeys.items(laneIds ?? [], unassigned),
    queryFn: async () => {
      const data = await call('timeline.items', { laneIds: [...(laneIds ?? [])], unassigned })
      // When the items are in hand (the bench times the chart's first paint from here).
      performance.mark('sightline:timeline-items')
      return data
    },
    enabled: laneIds !== null,
    placeholderData: keepPreviousData,
  })
}
