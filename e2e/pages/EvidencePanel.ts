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

  /** The spellings of the entity's names that the sources use and it does not list. */
  get otherSpellings(): Locator {
    return this.panel.getByRole('region', { name: 'Other spellings in the sources' })
  }

  /** Makes a spelling the sources use one of the entity's aliases. */
  async addSpellingAsAlias(spelling: string): Promise<void> {
    await this.otherSpellings.getByRole('button', { name: `Add as alias: ${spelling}` }).click()
  }

  /**
   * "Support with a quote…" on an unsupported attribute: picks the quote whose words match
   * `quote` in the dialog that opens.
   */
  async supportWithQuote(label: string, quote: RegExp): Promise<void> {
    await this.panel.getByRole('button', { name: `Support ${label} with a quote…` }).click()
    const dialog = this.page.getByRole('dialog', { name: new RegExp(`^Support “${label}”`) })
    await dialog
      .getByRole('listitem')
      .filter({ hasText: quote })
      .getByRole('button', { name: 'Use this quote' })
      .click()
    await dialog.waitFor({ state: 'detached' })
  }

  relation(sentence: RegExp): Locator {
    return this.panel.getByRole('listitem').filter({ hasText: sentence })
  }

  /** Every relation as its sentence, with the exact words of each quote behind it. */
  async relationsWithQuotes(): Promise<{ sentence: string; quotes: string[] }[]> {
    const items = this.panel.getByRole('region', { name: /^Relations/ }).getByRole('listitem')
    await items.first().waitFor()
    return items.evaluateAll((elements) =>
      elements.map((item) => ({
        sentence: (item.querySelector('h3, h4, h5')?.textContent ?? '').trim(),
        // Folded quotes are in the page but not shown: read their text, not what is visible.
        quotes: [...item.querySelectorAll('blockquote mark')].map((m) => m.textContent ?? ''),
      })),
    )
  }

  readerLinks(): Locator {
    return this.panel.getByRole('link', { name: /in the reader$/ })
  }
}
