import type { Locator, Page } from '@playwright/test'

/** The Groups view: an ag-grid found through its ARIA grid roles. */
export class GroupsPage {
  readonly heading: Locator
  readonly table: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Groups', level: 2 })
    this.table = page.getByRole('region', { name: 'Groups table' })
  }

  row(groupName: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('gridcell', { name: groupName, exact: true }) })
  }

  /** The text of one cell, found by the group's name and the column's header. */
  async cellText(groupName: string, column: string): Promise<string> {
    const header = this.table.getByRole('columnheader', { name: column, exact: true })
    const index = await header.getAttribute('aria-colindex')
    const cell = this.row(groupName).locator(`[role="gridcell"][aria-colindex="${index}"]`)
    return (await cell.innerText()).trim()
  }

  async groupNames(): Promise<string[]> {
    const header = this.table.getByRole('columnheader', { name: 'Name', exact: true })
    const index = await header.getAttribute('aria-colindex')
    const cells = this.table.locator(`[role="row"] [role="gridcell"][aria-colindex="${index}"]`)
    return (await cells.allInnerTexts()).map((t) => t.trim())
  }
}
