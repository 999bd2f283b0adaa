import { expect, type Locator, type Page } from '@playwright/test'

/** "Cite in note…" from a quote (reader or evidence panel): choose the note, cite. */
export class CiteInNoteDialog {
  readonly dialog: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Cite this quote in a note' })
  }

  /** Opens the dialog from the quote's "Cite in note…" button and cites it in `noteTitle`. */
  async cite(from: Locator, noteTitle: string): Promise<void> {
    await from.getByRole('button', { name: 'Cite in note…' }).click()
    await this.dialog.getByRole('radio', { name: noteTitle, exact: true }).check()
    await this.dialog.getByRole('button', { name: 'Cite', exact: true }).click()
    await expect(this.dialog).toBeHidden()
  }

  /** Cites the quote (or selection) from `from` in a new note named `title`, which then opens. */
  async citeInNewNote(from: Locator, title: string): Promise<void> {
    await from.getByRole('button', { name: 'Cite in note…' }).click()
    await this.dialog.getByRole('radio', { name: 'A new note' }).check()
    await this.dialog.getByRole('textbox', { name: 'Title of the new note' }).fill(title)
    await this.dialog.getByRole('button', { name: 'Cite', exact: true }).click()
    await expect(this.dialog).toBeHidden()
  }
}
