import { expect, type Locator, type Page } from '@playwright/test'

/** The Team panel and the header's sync status, found by role and name. */
export class TeamPage {
  readonly yourName: Locator
  readonly saveName: Locator
  readonly hubUrl: Locator
  readonly linkButton: Locator
  readonly syncNowButton: Locator
  readonly headerStatus: Locator
  readonly conflictsLink: Locator
  readonly activity: Locator
  /** The Team panel's "Last sync" moment, to the millisecond in its datetime. */
  readonly lastSync: Locator

  constructor(readonly page: Page) {
    this.yourName = page.getByRole('textbox', { name: 'Your name (shown with your changes)' })
    this.saveName = page.getByRole('button', { name: 'Save name' })
    this.hubUrl = page.getByRole('textbox', { name: 'Hub database URL' })
    this.linkButton = page.getByRole('button', { name: 'Link project' })
    this.syncNowButton = page.getByRole('button', { name: 'Sync now' })
    this.headerStatus = page.getByRole('banner').getByRole('link', { name: /^Team sync:/ })
    this.conflictsLink = page.getByRole('banner').getByRole('link', { name: /conflicts?$/ })
    this.activity = page.getByRole('table')
    this.lastSync = page.getByRole('main').locator('dd time')
  }

  async setName(name: string): Promise<void> {
    await this.yourName.fill(name)
    await this.saveName.click()
    await expect(this.page.getByText('Name saved.')).toBeVisible()
  }

  async linkTo(url: string): Promise<void> {
    await this.hubUrl.fill(url)
    await this.linkButton.click()
    await expect(this.syncNowButton).toBeVisible()
  }

  /** Starts a sync and waits until it has finished both ways. */
  async syncNow(): Promise<void> {
    const before = await this.lastSyncMoment()
    await this.syncNowButton.click()
    // Over loopback a sync can end before the button is ever seen disabled: wait for the
    // panel's last sync to move past the one before the click instead.
    await expect.poll(() => this.lastSyncMoment(), { timeout: 30_000 }).not.toBe(before)
    await expect(this.syncNowButton).toBeEnabled()
    await expect(this.headerStatus).toHaveAccessibleName('Team sync: Synced')
  }

  private async lastSyncMoment(): Promise<string | null> {
    if ((await this.lastSync.count()) === 0) return null
    return this.lastSync.getAttribute('datetime')
  }
}
