import type { Locator, Page } from '@playwright/test'

/** The header's Settings: interface language and calendar, in English or in Dari. */
export class SettingsDialog {
  readonly openButton: Locator
  readonly dialog: Locator
  readonly language: Locator
  readonly calendar: Locator

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('banner').getByRole('button', { name: /^(Settings|تنظیمات)$/ })
    this.dialog = page.getByRole('dialog', { name: /^(Settings|تنظیمات)$/ })
    this.language = this.dialog.getByRole('combobox', { name: /^(Language|زبان)$/ })
    this.calendar = this.dialog.getByRole('combobox', {
      name: /^(Calendar for dates|تقویم تاریخ‌ها)$/,
    })
  }

  /** Picks a language; the window reloads in it. */
  async chooseLanguage(language: 'en' | 'fa-AF' | 'system'): Promise<void> {
    await this.openButton.click()
    await Promise.all([this.page.waitForEvent('load'), this.language.selectOption(language)])
  }

  async chooseCalendar(calendar: 'gregorian' | 'persian'): Promise<void> {
    await this.openButton.click()
    await Promise.all([this.page.waitForEvent('load'), this.calendar.selectOption(calendar)])
  }
}
