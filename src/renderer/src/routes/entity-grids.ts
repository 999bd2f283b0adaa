import type { KnownEntityType } from '../../../shared/model'
import { t } from '../ui/i18n'

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
  group: {
    type: 'group',
    label: t('app.groups'),
    singular: t('model.singular.group'),
    route: 'groups',
  },
  person: {
    type: 'person',
    label: t('app.people'),
    singular: t('model.singular.person'),
    route: 'people',
  },
  place: {
    type: 'place',
    label: t('app.places'),
    singular: t('model.singular.place'),
    route: 'places',
  },
  community: {
    type: 'community',
    label: t('app.communities'),
    singular: t('model.singular.community'),
    route: 'communities',
  },
  event: {
    type: 'event',
    label: t('app.events'),
    singular: t('model.singular.event'),
    route: 'events',
  },
}
