import { expect, type Locator, type Page } from '@playwright/test'

/** "Add to analysis…" beside a quote (reader or evidence panel): choose the analysis, add. */
export class AddToAnalysisDialog {
  readonly dialog: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Add this quote to an analysis' })
  }

  async add(from: Locator, question: string): Promise<void> {
    await from.getByRole('button', { name: 'Add to analysis…' }).click()
    await this.dialog.getByRole('radio', { name: question, exact: true }).check()
    await this.dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(this.dialog).toBeHidden()
  }
}
