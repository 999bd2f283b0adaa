import type { Locator, Page } from '@playwright/test'

/** The evidence side panel of one entity (grid row or graph node). */
export class EvidencePanel {
  readonly panel: Locator
  readonly quotes: Locator
  readonly closeButton: Locator

  constructor(
    readonly page: Page,
    entityName: string,
  ) {
    this.panel = page.getByRole('complementary', { name: entityName, exact: true })
    this.quotes = this.panel.getByRole('article')
    this.closeButton = this.panel.getByRole('button', { name: 'Close the evidence panel' })
  }

  /** The value cell of one attribute, with its support badge. */
  attribute(label: string): Locator {
    return this.panel
      .locator('.attribute-row')
      .filter({ has: this.page.getByRole('term').getByText(label, { exact: true }) })
      .getByRole('definition')
  }

  relation(sentence: RegExp): Locator {
    return this.panel.getByRole('listitem').filter({ hasText: sentence })
  }

  readerLinks(): Locator {
    return this.panel.getByRole('link', { name: /in the reader$/ })
  }
}
