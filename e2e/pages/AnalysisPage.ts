import { expect, type Locator, type Page } from '@playwright/test'

/** The Analyses view: the list of analyses and one ACH matrix with its ranking. */
export class AnalysisPage {
  readonly listHeading: Locator
  readonly questionInput: Locator
  readonly startButton: Locator
  readonly question: Locator
  readonly newHypothesis: Locator
  readonly addHypothesisButton: Locator
  readonly hypotheses: Locator
  readonly matrix: Locator
  readonly toolbar: Locator
  readonly ranking: Locator
  readonly lead: Locator
  readonly linchpins: Locator
  readonly status: Locator

  constructor(readonly page: Page) {
    this.listHeading = page.getByRole('heading', { name: 'Analyses', level: 2 })
    this.questionInput = page.getByRole('textbox', { name: 'Question' })
    this.startButton = page.getByRole('button', { name: 'Start analysis' })
    this.question = page.getByRole('heading', { level: 2 })
    const addForm = page.getByRole('form', { name: 'Add a hypothesis' })
    this.newHypothesis = addForm.getByRole('textbox', { name: 'New hypothesis', exact: true })
    this.addHypothesisButton = addForm.getByRole('button', { name: 'Add hypothesis' })
    this.hypotheses = page.getByRole('region', { name: 'Hypotheses' }).getByRole('listitem')
    this.matrix = page.getByRole('region', { name: 'Matrix' })
    this.toolbar = page.getByRole('toolbar', { name: 'Matrix tools' })
    const scores = page.getByRole('region', { name: 'Ranking' })
    this.ranking = scores
      .getByRole('list', { name: 'Hypotheses, least inconsistent first' })
      .getByRole('listitem')
    this.lead = scores.getByRole('status')
    this.linchpins = page.getByRole('list', { name: 'Linchpins' }).getByRole('listitem')
    this.status = page.getByRole('main').getByRole('status').last()
  }

  async startAnalysis(question: string): Promise<void> {
    await this.questionInput.fill(question)
    await this.startButton.click()
    await expect(this.question).toHaveText(question)
  }

  async open(question: string): Promise<void> {
    await this.page
      .getByRole('list', { name: 'Analyses in this project' })
      .getByRole('link', { name: new RegExp(escapeRegExp(question)) })
      .click()
    await expect(this.question).toHaveText(question)
  }

  async addHypothesis(title: string): Promise<void> {
    const before = await this.hypotheses.count()
    await this.newHypothesis.fill(title)
    await this.addHypothesisButton.click()
    await expect(this.hypotheses).toHaveCount(before + 1)
  }

  /** The header of a hypothesis column, e.g. "H1 Political mobilization". */
  private header(hypothesis: string): Locator {
    return this.matrix.getByRole('columnheader', { name: hypothesis })
  }

  /** The rating cell of the evidence row whose quote contains `words`, under `hypothesis`. */
  async ratingCell(words: string, hypothesis: string): Promise<Locator> {
    const evidence = this.page.getByRole('gridcell').filter({ hasText: words })
    const row = this.matrix.getByRole('row').filter({ has: evidence }).first()
    const rowIndex = await row.getAttribute('row-index')
    const colIndex = await this.header(hypothesis).getAttribute('aria-colindex')
    return this.matrix.locator(
      `[role="row"][row-index="${rowIndex}"] [role="gridcell"][aria-colindex="${colIndex}"]`,
    )
  }

  /** Focuses a rating cell and types its rating, as the keyboard-first analyst does. */
  async rateByKeyboard(words: string, hypothesis: string, keys: string): Promise<Locator> {
    const cell = await this.ratingCell(words, hypothesis)
    await cell.click()
    await expect(cell).toBeFocused()
    await this.page.keyboard.type(keys)
    return cell
  }

  /** The first line of each ranking entry: "H2 Guerrilla warfare", least inconsistent first. */
  async rankingOrder(): Promise<string[]> {
    const names = await this.ranking.locator('strong').allInnerTexts()
    return names.map((n) => n.trim())
  }

  async undo(): Promise<void> {
    await this.toolbar.getByRole('button', { name: 'Undo' }).click()
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
