import type { Download, FrameLocator, Locator, Page } from '@playwright/test'

/** The Reports view: the list, the composer with its sections, the preview and exports. */
export class ReportsPage {
  readonly heading: Locator
  readonly newReportButton: Locator
  readonly composer: Locator
  readonly titleInput: Locator
  readonly authorInput: Locator
  readonly dateInput: Locator
  readonly classificationInput: Locator
  readonly pageSize: Locator
  readonly appendix: Locator
  readonly sections: Locator
  readonly saveState: Locator
  readonly preview: FrameLocator
  readonly previewFrame: Locator
  readonly exportPdfButton: Locator
  readonly exportHtmlButton: Locator
  readonly exportMarkdownButton: Locator
  readonly exportStatus: Locator
  readonly exportProgress: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Reports', level: 2 })
    this.newReportButton = page.getByRole('button', { name: 'New report' })
    this.composer = page.getByRole('form', { name: 'Report composer' })
    this.titleInput = this.composer.getByLabel('Title', { exact: true })
    this.authorInput = this.composer.getByLabel('Author', { exact: true })
    this.dateInput = this.composer.getByLabel('Date', { exact: true })
    this.classificationInput = this.composer.getByLabel('Classification and handling')
    this.pageSize = this.composer.getByLabel('Page size')
    this.appendix = this.composer.getByRole('checkbox', { name: /Appendix/ })
    this.sections = this.composer.getByRole('list', { name: 'Sections' }).locator(':scope > li')
    this.saveState = this.composer.getByRole('status')
    this.previewFrame = page.getByTitle('Report preview')
    this.preview = page.frameLocator('iframe[title="Report preview"]')
    const exportGroup = page.getByRole('group', { name: 'Export' })
    this.exportPdfButton = exportGroup.getByRole('button', { name: 'Export PDF…' })
    this.exportHtmlButton = exportGroup.getByRole('button', { name: 'Export HTML' })
    this.exportMarkdownButton = exportGroup.getByRole('button', { name: 'Export Markdown' })
    this.exportStatus = exportGroup.getByRole('status')
    this.exportProgress = exportGroup.getByRole('progressbar', { name: 'Exporting PDF' })
  }

  async startNewReport(): Promise<void> {
    await this.newReportButton.click()
    await this.titleInput.waitFor()
  }

  async describe(fields: {
    title: string
    author: string
    date: string
    classification: string
  }): Promise<void> {
    await this.titleInput.fill(fields.title)
    await this.authorInput.fill(fields.author)
    await this.dateInput.fill(fields.date)
    await this.classificationInput.fill(fields.classification)
  }

  /** Adds a note section; `option` is the picker's label, e.g. "Title (3 citations)". */
  async addNote(option: string): Promise<void> {
    await this.composer.getByRole('button', { name: 'Add note' }).click()
    const n = await this.sections.count()
    await this.composer.getByLabel(`Note for section ${n}`).selectOption({ label: option })
  }

  async addEntityTable(type: string): Promise<void> {
    await this.composer.getByRole('button', { name: 'Add entity table' }).click()
    const n = await this.sections.count()
    const select = this.composer.getByLabel(`Entity type for section ${n}`)
    const value = await select.inputValue()
    if (value !== type) await select.selectOption(type)
  }

  async addGraph(caption?: string): Promise<void> {
    await this.composer.getByRole('button', { name: 'Add graph' }).click()
    if (caption) {
      const n = await this.sections.count()
      await this.composer.getByLabel(`Caption for section ${n}`).fill(caption)
    }
  }

  async addQuotes(searches: string[]): Promise<void> {
    await this.composer.getByRole('button', { name: 'Add quotes' }).click()
    const n = await this.sections.count()
    for (const words of searches) {
      await this.composer.getByLabel(`Find quotes for section ${n}`).fill(words)
      await this.composer
        .getByRole('list', { name: `Quotes to add to section ${n}` })
        .getByRole('button', { name: /^Add quote/ })
        .first()
        .click()
    }
  }

  /** Adds a map section comparing some groups (their areas of operation). */
  async addMap(options: { groups: string[]; caption?: string }): Promise<void> {
    await this.composer.getByRole('button', { name: 'Add map' }).click()
    const n = await this.sections.count()
    const groups = this.composer.getByRole('group', { name: `Groups compared in section ${n}` })
    for (const name of options.groups) await groups.getByRole('checkbox', { name }).check()
    if (options.caption)
      await this.composer.getByLabel(`Caption for section ${n}`).fill(options.caption)
  }

  /** Adds an analysis section showing the analysis that asks `question`. */
  async addAnalysis(question: string): Promise<void> {
    await this.composer.getByRole('button', { name: 'Add analysis' }).click()
    const n = await this.sections.count()
    await this.composer.getByLabel(`Analysis for section ${n}`).selectOption({ label: question })
  }

  /** Adds a timeline section with the named lanes (groups or people) and, if given, a range. */
  async addTimeline(lanes: string[], range?: { from: string; to: string }): Promise<void> {
    await this.composer.getByRole('button', { name: 'Add timeline' }).click()
    const n = await this.sections.count()
    const picker = this.composer.getByRole('group', { name: `Lanes of section ${n}` })
    for (const lane of lanes)
      await picker.getByRole('checkbox', { name: lane, exact: true }).check()
    if (range) {
      await this.composer.getByLabel(`Timeline of section ${n} from`).fill(range.from)
      await this.composer.getByLabel(`Timeline of section ${n} to`).fill(range.to)
    }
  }

  /** Section n's range taken from the range brushed on the timeline. */
  async useTimelineRange(n: number): Promise<void> {
    await this.sections
      .nth(n - 1)
      .getByRole('button', { name: 'Use the timeline’s range' })
      .click()
  }

  timelineRange(n: number): { from: Locator; to: Locator } {
    return {
      from: this.composer.getByLabel(`Timeline of section ${n} from`),
      to: this.composer.getByLabel(`Timeline of section ${n} to`),
    }
  }

  async moveSectionUp(n: number): Promise<void> {
    await this.composer.getByRole('button', { name: `Move section ${n} up` }).click()
  }

  async removeSection(n: number): Promise<void> {
    await this.composer.getByRole('button', { name: `Remove section ${n}` }).click()
  }

  sectionHeading(n: number): Locator {
    return this.sections.nth(n - 1).getByRole('heading', { level: 4 })
  }

  reportInList(title: string): Locator {
    return this.page
      .getByRole('list', { name: 'Reports in this project' })
      .getByRole('button', { name: new RegExp(escapeRegExp(title)) })
  }

  async waitUntilSaved(): Promise<void> {
    await this.saveState.filter({ hasText: 'All changes saved' }).waitFor()
  }

  /**
   * The frame as drawn on screen (its scaling included), the width it lays the report out
   * at, and where the report's page falls inside it. The sheet is the report's own markup,
   * which has no role to find it by.
   */
  async previewBoxes(): Promise<{
    frame: { x: number; width: number }
    layoutWidth: number
    sheet: { x: number; width: number }
  }> {
    const sheet = this.preview.locator('.sheet')
    await sheet.waitFor()
    const frame = await this.previewFrame.boundingBox()
    const page = await sheet.boundingBox()
    if (!frame || !page) throw new Error('the preview is not on screen')
    const layoutWidth = await this.previewFrame.evaluate((el) => el.clientWidth)
    return { frame, layoutWidth, sheet: page }
  }

  async exportPdf(): Promise<Download> {
    const download = this.page.waitForEvent('download', { timeout: 60_000 })
    await this.exportPdfButton.click()
    return download
  }

  async exportHtml(): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.exportHtmlButton.click()
    return download
  }

  async exportMarkdown(): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.exportMarkdownButton.click()
    return download
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
