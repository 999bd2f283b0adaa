import type { Download, Locator, Page } from '@playwright/test'

/** The Project dialog from the header: saving, backups, export and import. */
export class ProjectPanel {
  readonly openButton: Locator
  readonly dialog: Locator
  readonly backUpNowButton: Locator
  readonly exportButton: Locator
  readonly importInput: Locator
  readonly backups: Locator
  readonly exchangeButton: Locator

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('banner').getByRole('button', { name: 'Project…' })
    this.dialog = page.getByRole('dialog', { name: 'Project' })
    this.backUpNowButton = this.dialog.getByRole('button', { name: 'Back up now' })
    this.exportButton = this.dialog.getByRole('button', { name: 'Export project' })
    this.importInput = this.dialog.getByLabel('Import a project file…')
    this.backups = this.dialog.getByRole('table', { name: 'Backups, newest first' })
    this.exchangeButton = this.dialog.getByRole('button', { name: 'STIX, W3C and CSV…' })
  }

  async open(): Promise<void> {
    await this.openButton.click()
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click()
  }

  async backUpNow(): Promise<void> {
    await this.backUpNowButton.click()
    await this.dialog.getByRole('status').filter({ hasText: 'Backup made.' }).waitFor()
  }

  /** Makes a backup by hand from a closed dialog and closes it again once it is listed. */
  async makeBackupByHand(): Promise<void> {
    await this.open()
    await this.backUpNow()
    await this.backups.getByRole('row').filter({ hasText: 'Made by hand' }).first().waitFor()
    await this.close()
  }

  /** Restores the newest backup of a kind ("Made by hand", "Automatic"…) after confirming. */
  async restoreNewest(kind: string): Promise<void> {
    const row = this.backups.getByRole('row').filter({ hasText: kind }).first()
    await row.getByRole('button', { name: /^Restore the backup of / }).click()
    await this.dialog.getByRole('button', { name: 'Restore this backup' }).click()
  }

  async exportProject(): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.exportButton.click()
    return download
  }

  /** Leaves the Project dialog for the Exchange dialog (STIX, W3C, CSV). */
  async openExchange(): Promise<void> {
    await this.open()
    await this.exchangeButton.click()
  }

  async importFile(path: string): Promise<void> {
    await this.importInput.setInputFiles(path)
  }
}
