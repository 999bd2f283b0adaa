import type { Locator, Page } from '@playwright/test'

/** The header's search box and its results panel. */
export class SearchBox {
  readonly input: Locator
  readonly results: Locator

  constructor(readonly page: Page) {
    this.input = page.getByRole('searchbox', { name: 'Search sources and quotes' })
    this.results = page.getByRole('region', { name: 'Search results' })
  }

  async search(query: string): Promise<void> {
    await this.input.fill(query)
    await this.input.press('Enter')
  }

  /** One group of results: "Entities", "Notes" or "Passages". */
  group(name: 'Entities' | 'Notes' | 'Passages'): Locator {
    return this.results.getByRole('region', { name, exact: true })
  }

  /** Types a query without pressing Enter, as a person does before using the arrow keys. */
  async type(query: string): Promise<void> {
    await this.input.fill(query)
  }

  hit(kind: 'Quote' | 'Comment' | 'Text' | 'Title', text: string | RegExp): Locator {
    return this.results.getByRole('link').filter({ hasText: kind }).filter({ hasText: text })
  }
}
