import type { Locator, Page } from '@playwright/test'

/** The Suggestions tab beside the reader's text: proposals from the text, one click each. */
export class SuggestionsPanel {
  readonly tab: Locator
  readonly annotationsTab: Locator
  readonly panel: Locator
  readonly summary: Locator
  readonly dismissed: Locator
  readonly undoButton: Locator
  readonly dates: Locator
  /** The editor "Create event" opens, prefilled from the date's sentence. */
  readonly eventEditor: Locator

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: /^Suggestions/ })
    this.annotationsTab = page.getByRole('tab', { name: /^Annotations/ })
    this.panel = page.getByRole('complementary', { name: 'Suggestions' })
    this.summary = this.panel.getByRole('heading', { level: 3 })
    this.dismissed = this.panel.getByRole('group').filter({ hasText: /^Dismissed/ })
    this.undoButton = page.getByRole('button', { name: 'Undo', exact: true })
    this.dates = this.panel.getByRole('group').filter({ hasText: /^Dates in the text/ })
    this.eventEditor = this.panel.getByRole('form', { name: /^Edit: Event on / })
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

  /** Opens the editor of the event a date in the text makes ("August 2021"). */
  async createEvent(date: string): Promise<void> {
    const list = this.dates.getByRole('listitem')
    if (!(await list.first().isVisible())) await this.dates.getByText(/^Dates in the text/).click()
    await this.dates.getByRole('button', { name: `Create event: ${date}`, exact: true }).click()
  }

  async acceptEvent(): Promise<void> {
    await this.eventEditor.getByRole('button', { name: 'Accept as edited' }).click()
  }
}
