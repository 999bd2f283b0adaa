import { expect, type Locator, type Page } from '@playwright/test'

/** The Notes view: the list of notes, and the editor with its preview. */
export class NotesPage {
  readonly heading: Locator
  readonly newNoteButton: Locator
  readonly search: Locator
  readonly sort: Locator
  readonly list: Locator
  readonly title: Locator
  readonly text: Locator
  readonly preview: Locator
  readonly saveState: Locator
  readonly suggestions: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Notes', level: 2 })
    this.newNoteButton = page.getByRole('button', { name: 'New note' })
    this.search = page.getByRole('searchbox', { name: 'Search notes' })
    this.sort = page.getByRole('combobox', { name: 'Sort notes by' })
    this.list = page.getByRole('list', { name: 'Notes' })
    const editor = page.getByRole('region', { name: 'Note editor' })
    this.title = editor.getByRole('textbox', { name: 'Title' })
    this.text = editor.getByRole('textbox', { name: 'Note text (Markdown)' })
    this.preview = editor.getByRole('region', { name: 'Preview' })
    this.saveState = editor.getByRole('status').first()
    this.suggestions = editor.getByRole('listbox')
  }

  async createNote(title: string): Promise<void> {
    await this.newNoteButton.click()
    await expect(this.title).toHaveValue('Untitled note')
    await this.title.fill(title)
  }

  listItem(title: string): Locator {
    return this.list.getByRole('link').filter({ hasText: title })
  }

  async open(title: string): Promise<void> {
    await this.listItem(title).click()
    await expect(this.title).toHaveValue(title)
  }

  /**
   * The Markdown the editor holds. On screen a citation or a mention is a chip; the text
   * behind it is the stored link. CodeMirror keeps its view on the content element (its own
   * EditorView.findFromDOM reads it the same way).
   */
  async markdown(): Promise<string> {
    return this.text.evaluate((content) => {
      const tile = (content as { cmTile?: { root?: { view?: { state: { doc: object } } } } }).cmTile
      const doc = tile?.root?.view?.state.doc
      if (!doc) throw new Error('the note text has no CodeMirror view')
      return String(doc)
    })
  }

  /** Waits until the editor holds exactly `expected`, or text matching it. */
  async expectMarkdown(expected: string | RegExp): Promise<void> {
    const poll = expect.poll(() => this.markdown())
    if (typeof expected === 'string') await poll.toBe(expected)
    else await poll.toMatch(expected)
  }

  /** A citation or mention chip in the editor, by its accessible name. */
  chip(name: string | RegExp): Locator {
    return this.text.getByRole('img', { name })
  }

  /** The direction a line of the editor is laid out in ('ltr' or 'rtl'). */
  async lineDirection(text: string): Promise<string> {
    return this.text.getByText(text).evaluate((line) => getComputedStyle(line).direction)
  }

  /** Types at the end of the text, like a writer would. */
  async typeAtEnd(text: string): Promise<void> {
    await this.text.click()
    await this.page.keyboard.press('ControlOrMeta+End')
    await this.page.keyboard.type(text)
  }

  /** Types a trigger (`[[` or `@`) and a query, then picks the suggestion containing `choice`. */
  async insertSuggestion(trigger: string, choice: string): Promise<void> {
    await this.page.keyboard.type(trigger)
    const option = this.suggestions.getByRole('option').filter({ hasText: choice }).first()
    await option.click()
    await expect(this.suggestions).toBeHidden()
  }

  async waitUntilSaved(): Promise<void> {
    await expect(this.saveState).toHaveText('Saved')
  }

  citation(number: number): Locator {
    return this.preview.getByRole('link', { name: `Citation [${number}]`, exact: true })
  }

  brokenCitation(): Locator {
    return this.preview.getByText('[broken citation]')
  }

  mention(name: string): Locator {
    return this.preview.getByRole('link', { name, exact: true })
  }

  async chooseLayout(layout: 'Write' | 'Split' | 'Preview'): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Layout' })
      .getByRole('button', { name: layout })
      .click()
  }

  async deleteNote(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete note' }).click()
    await this.page.getByRole('dialog').getByRole('button', { name: 'Delete note' }).click()
  }
}
