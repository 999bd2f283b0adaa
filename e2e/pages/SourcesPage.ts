import { expect, type Locator, type Page } from '@playwright/test'

export interface FileToImport {
  name: string
  mimeType: string
  buffer: Buffer
}

/** The Sources list: import button, paste dialog, per-file results and the table. */
export class SourcesPage {
  readonly heading: Locator
  readonly importButton: Locator
  readonly pasteButton: Locator
  readonly results: Locator
  readonly table: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sources', level: 2 })
    this.importButton = page.getByRole('button', { name: 'Import…' })
    this.pasteButton = page.getByRole('button', { name: 'Paste text…' })
    this.results = page.getByRole('region', { name: 'Import results' })
    this.table = page.getByRole('table')
  }

  /** Picks files through the Import button's file chooser, as a user would. */
  async importFiles(files: FileToImport[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.importButton.click()
    await (await chooser).setFiles(files)
  }

  /** Adds a source through "Paste text…" and waits until it is imported. */
  async pasteSource(title: string, text: string): Promise<void> {
    await this.pasteButton.click()
    const dialog = this.page.getByRole('dialog')
    await dialog.getByLabel('Title').fill(title)
    await dialog.getByLabel('Text', { exact: true }).fill(text)
    await dialog.getByRole('button', { name: 'Add source' }).click()
    await expect(this.resultFor('Pasted text')).toContainText('Imported')
  }

  resultFor(fileName: string): Locator {
    return this.results.getByRole('listitem').filter({ hasText: fileName })
  }

  /** "Add as a version of “title”", offered under an import that matches a source closely. */
  addAsVersionButton(fileName: string, title: string): Locator {
    return this.resultFor(fileName).getByRole('button', { name: `Add as a version of “${title}”` })
  }

  /** The Cancel button beside a file still being imported. */
  cancelButton(fileName: string): Locator {
    return this.results.getByRole('button', { name: `Cancel the import of ${fileName}` })
  }

  /** The bar of pages read, shown beside a PDF being imported. */
  pagesRead(fileName: string): Locator {
    return this.results.getByRole('progressbar', { name: `Pages of ${fileName} read` })
  }

  async cancelImport(fileName: string): Promise<void> {
    await this.cancelButton(fileName).click()
  }

  /** The table row of a source, found by its title. */
  row(title: string | RegExp): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name: title }) })
  }

  sourceLink(title: string | RegExp): Locator {
    return this.table.getByRole('link', { name: title })
  }

  async openSource(title: string | RegExp): Promise<void> {
    await this.sourceLink(title).click()
  }

  /** Waits until the list has loaded (its count is shown). */
  async waitForList(): Promise<void> {
    await this.page.getByText(/^\d+ sources$/).waitFor()
  }

  async rowCount(): Promise<number> {
    return (await this.table.getByRole('row').count()) - 1
  }
}
