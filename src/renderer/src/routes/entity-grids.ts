import type { KnownEntityType } from '../../../shared/model'

/** The grid that lists one entity type: its names in the interface and its hash route. */
export interface EntityGridSpec {
  type: KnownEntityType
  /** Plural, as in the nav and the heading. */
  label: string
  singular: string
  /** The hash route of the grid. */
  route: 'groups' | 'people' | 'places' | 'communities' | 'events'
}

export const ENTITY_GRIDS: Record<KnownEntityType, EntityGridSpec> = {
  group: { type: 'group', label: 'Groups', singular: 'group', route: 'groups' },
  person: { type: 'person', label: 'People', singular: 'person', route: 'people' },
  place: { type: 'place', label: 'Places', singular: 'place', route: 'places' },
  community: {
    type: 'community',
    label: 'Communities',
    singular: 'community',
    route: 'communities',
  },
  event: { type: 'event', label: 'Events', singular: 'event', route: 'events' },
}
