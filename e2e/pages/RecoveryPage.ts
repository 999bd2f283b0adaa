import type { Locator, Page } from '@playwright/test'

/** What the app shows when the project could not be opened. */
export class RecoveryPage {
  readonly heading: Locator
  readonly problem: Locator
  readonly backups: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'This project could not be opened' })
    this.problem = page.getByRole('alert').filter({ has: this.heading })
    this.backups = page.getByRole('table', { name: 'Backups, newest first' })
  }

  restoreButtons(): Locator {
    return this.backups.getByRole('button', { name: /^Restore the backup of / })
  }

  async restoreNewest(): Promise<void> {
    await this.restoreButtons().first().click()
    await this.page.getByRole('button', { name: 'Restore this backup' }).click()
  }
}
