import type { Locator, Page } from '@playwright/test'

/** The Conflicts view: the records in conflict and, for the one chosen, each side per field. */
export class ConflictsPage {
  readonly list: Locator
  readonly resolveButton: Locator
  readonly allClear: Locator

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Records in conflict' })
    this.resolveButton = page.getByRole('button', { name: 'Resolve conflict' })
    this.allClear = page.getByText('No conflicts: every record agrees')
  }

  detail(label: string): Locator {
    return this.page.getByRole('region', { name: `Conflict on ${label}` })
  }

  async open(label: string): Promise<Locator> {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    await this.list.getByRole('button', { name: new RegExp(`^${escaped}`) }).click()
    return this.detail(label)
  }

  /** Keeps one side of a field (its row in the comparison table). */
  async keep(label: string, field: string, side: 'Yours' | 'Theirs'): Promise<void> {
    const row = this.detail(label)
      .getByRole('row')
      .filter({
        has: this.page.getByRole('rowheader', { name: field, exact: true }),
      })
    await row.getByRole('radio', { name: side }).check()
  }
}
