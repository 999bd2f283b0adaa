import type { Download, Locator, Page } from '@playwright/test'

/** The Exchange dialog: STIX and W3C exports, and imports of STIX, W3C and CSV after a preview. */
export class ExchangeDialog {
  readonly dialog: Locator
  readonly exportTab: Locator
  readonly importTab: Locator
  readonly tlpMarking: Locator
  readonly wholeProjectScope: Locator
  readonly exportStixButton: Locator
  readonly exportResult: Locator
  readonly intoNewProject: Locator
  readonly intoThisProject: Locator
  readonly newProjectName: Locator
  readonly fileInput: Locator
  readonly preview: Locator
  readonly summary: Locator
  readonly importButton: Locator
  readonly importResult: Locator
  readonly goToNewProjectButton: Locator
  readonly failure: Locator
  /** Stops the export or import under way. */
  readonly cancelButton: Locator
  readonly cancelledNotice: Locator
  /** The mapping of a CSV file's columns, shown with its preview. */
  readonly csvMapping: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Exchange' })
    this.exportTab = this.dialog.getByRole('tab', { name: 'Export' })
    this.importTab = this.dialog.getByRole('tab', { name: 'Import' })
    this.tlpMarking = this.dialog.getByRole('combobox', { name: 'TLP marking' })
    this.wholeProjectScope = this.dialog.getByRole('radio', { name: 'The whole project' })
    this.exportStixButton = this.dialog.getByRole('button', { name: 'Export STIX bundle' })
    this.exportResult = this.dialog.getByRole('status').filter({ hasText: /^Exported / })
    this.intoNewProject = this.dialog.getByRole('radio', { name: 'A new project' })
    this.intoThisProject = this.dialog.getByRole('radio', { name: /^This project/ })
    this.newProjectName = this.dialog.getByRole('textbox', { name: 'Name of the new project' })
    this.fileInput = this.dialog.getByLabel('Choose a file to import…')
    this.preview = this.dialog.getByRole('region', { name: 'What the import will do' })
    this.summary = this.preview.getByRole('table', { name: 'Summary of the import' })
    this.importButton = this.dialog.getByRole('button', {
      name: /^Import( into a new project)?$/,
    })
    this.importResult = this.dialog.getByRole('status').filter({ hasText: /^Imported / })
    this.goToNewProjectButton = this.dialog.getByRole('button', { name: 'Go to the new project' })
    this.failure = this.dialog.getByRole('alert')
    this.cancelButton = this.dialog.getByRole('button', { name: /^Cancel the (import|export)$/ })
    this.cancelledNotice = this.dialog.getByRole('status').filter({ hasText: /was cancelled/ })
    this.csvMapping = this.dialog.getByRole('form', { name: 'Columns of the CSV file' })
  }

  /** Exports a STIX bundle under a TLP 2.0 marking and returns the download. */
  async exportStix(tlp: 'clear' | 'green' | 'amber' | 'amber+strict' | 'red'): Promise<Download> {
    await this.exportTab.click()
    await this.tlpMarking.selectOption(tlp)
    const download = this.page.waitForEvent('download')
    await this.exportStixButton.click()
    return download
  }

  /** Chooses a file for a new project and waits for the preview; nothing is written yet. */
  async previewIntoNewProject(path: string, projectName: string): Promise<void> {
    await this.importTab.click()
    await this.intoNewProject.check()
    await this.newProjectName.fill(projectName)
    await this.fileInput.setInputFiles(path)
    await this.preview.waitFor()
  }

  async previewIntoThisProject(path: string): Promise<void> {
    await this.importTab.click()
    await this.intoThisProject.check()
    await this.fileInput.setInputFiles(path)
  }

  /** Chooses a file for this project and waits for its preview; nothing is written yet. */
  async previewFileIntoThisProject(path: string): Promise<void> {
    await this.previewIntoThisProject(path)
    await this.preview.waitFor()
  }

  /** What the mapping says a column of the CSV file holds. */
  csvColumn(header: string): Locator {
    return this.csvMapping.getByRole('combobox', { name: `What the column “${header}” holds` })
  }

  /** New, merged and skipped counts of one kind of record ("Entities", "Relations"…) in the preview. */
  async counts(kind: string): Promise<{ create: number; merge: number; skip: number }> {
    const cells = this.summary
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: kind, exact: true }) })
      .getByRole('cell')
    const [create, merge, skip] = (await cells.allInnerTexts()).map(Number)
    return { create: create!, merge: merge!, skip: skip! }
  }

  async confirmImport(): Promise<void> {
    await this.importButton.click()
    await this.importResult.waitFor()
  }

  /** Chooses a file for this project and cancels while it is read and planned. */
  async chooseThenCancel(path: string): Promise<void> {
    await this.previewIntoThisProject(path)
    await this.cancelButton.click()
    await this.cancelledNotice.waitFor()
  }

  async goToNewProject(): Promise<void> {
    await this.goToNewProjectButton.click()
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).click()
  }
}
