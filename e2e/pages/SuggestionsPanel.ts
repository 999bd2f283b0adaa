import type { Locator, Page } from '@playwright/test'

/** The Suggestions tab beside the reader's text: proposals from the text, one click each. */
export class SuggestionsPanel {
  readonly tab: Locator
  readonly annotationsTab: Locator
  readonly panel: Locator
  readonly summary: Locator
  readonly dismissed: Locator
  readonly undoButton: Locator

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: /^Suggestions/ })
    this.annotationsTab = page.getByRole('tab', { name: /^Annotations/ })
    this.panel = page.getByRole('complementary', { name: 'Suggestions' })
    this.summary = this.panel.getByRole('heading', { level: 3 })
    this.dismissed = this.panel.getByRole('group').filter({ hasText: /^Dismissed/ })
    this.undoButton = page.getByRole('button', { name: 'Undo', exact: true })
  }

  async open(): Promise<void> {
    await this.tab.click()
    await this.summary.waitFor()
  }

  /** One suggestion's card, found by what it proposes ("Karim Haidari leads Logar Defence Front"). */
  card(proposal: string | RegExp): Locator {
    return this.panel.getByRole('listitem').filter({
      has: this.page.getByRole('button', {
        name: typeof proposal === 'string' ? `Accept: ${proposal}` : proposal,
      }),
    })
  }

  acceptButton(proposal: string): Locator {
    return this.panel.getByRole('button', { name: `Accept: ${proposal}`, exact: true })
  }

  async accept(proposal: string): Promise<void> {
    await this.acceptButton(proposal).click()
  }

  /** Sets the grade the quote will carry, by its label ("2 — Probably true"). */
  async grade(proposal: string, label: string): Promise<void> {
    await this.card(proposal).getByRole('combobox', { name: 'Credibility' }).selectOption({ label })
  }

  async dismiss(proposal: string): Promise<void> {
    await this.panel.getByRole('button', { name: `Dismiss: ${proposal}`, exact: true }).click()
  }

  async acceptParagraph(paragraph: number): Promise<void> {
    await this.panel
      .getByRole('region', { name: `Paragraph ${paragraph}` })
      .getByRole('button', { name: /^Accept all in this paragraph/ })
      .click()
  }
}
