import type { Page } from '@playwright/test'
import { EntityGridPage } from './EntityGridPage'

/** The Groups grid: the entity grid page model, plus the group names in display order. */
export class GroupsPage extends EntityGridPage {
  constructor(page: Page) {
    super(page, 'Groups')
  }

  groupNames(): Promise<string[]> {
    return this.names()
  }
}
