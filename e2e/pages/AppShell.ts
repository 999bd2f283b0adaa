import type { Locator, Page } from '@playwright/test'

/** The frame around every view: header with the project name, and the view navigation. */
export class AppShell {
  readonly projectName: Locator
  readonly navigation: Locator
  /** The header's "N sources · N quotes · N entities". */
  readonly recordCounts: Locator

  constructor(readonly page: Page) {
    this.projectName = page.getByRole('banner').getByRole('heading', { level: 1 })
    this.recordCounts = page
      .getByRole('banner')
      .getByText(/\d+ sources? · \d+ quotes? · \d+ entit(y|ies)/)
    this.navigation = page.getByRole('navigation', { name: 'Views' })
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url)
  }

  async goTo(
    view:
      | 'Groups'
      | 'People'
      | 'Places'
      | 'Communities'
      | 'Events'
      | 'Graph'
      | 'Timeline'
      | 'Map'
      | 'Sources'
      | 'Notes'
      | 'Analyses'
      | 'Reports'
      | 'Team'
      | 'Conflicts',
  ): Promise<void> {
    await this.navigation.getByRole('link', { name: view, exact: true }).click()
  }

  currentView(): Locator {
    return this.navigation.locator('[aria-current="page"]')
  }
}
