import type { Download, Locator, Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'

export type GridLabel = 'Groups' | 'People' | 'Places' | 'Communities' | 'Events'

const SINGULAR: Record<GridLabel, string> = {
  Groups: 'group',
  People: 'person',
  Places: 'place',
  Communities: 'community',
  Events: 'event',
}

/** The picker a relation-backed cell opens: current links, a search box, add and remove. */
export class LinkPickerDialog {
  readonly search: Locator
  readonly error: Locator

  constructor(readonly dialog: Locator) {
    this.search = dialog.getByRole('searchbox')
    this.error = dialog.getByRole('alert')
  }

  async add(name: string): Promise<void> {
    await this.search.fill(name)
    await this.dialog.getByRole('button', { name: `Add ${name}`, exact: true }).click()
  }

  async remove(name: string): Promise<void> {
    await this.dialog.getByRole('button', { name: `Remove ${name}`, exact: true }).click()
  }

  linked(name: string): Locator {
    return this.dialog.getByRole('listitem').filter({ hasText: name })
  }

  async done(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click()
  }
}

/** The confirmation before rows are deleted, naming what depends on them. */
export class DeleteConfirmation {
  readonly relations: Locator
  readonly quotes: Locator
  readonly notes: Locator

  constructor(readonly dialog: Locator) {
    this.relations = dialog.getByRole('region', { name: 'Relations that will be deleted' })
    this.quotes = dialog.getByRole('region', { name: 'Quotes that will lose the link' })
    this.notes = dialog.getByRole('region', { name: 'Notes that mention it' })
  }

  async confirm(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^Delete / }).click()
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel' }).click()
  }
}

/** One entity grid (Groups, People, Places, Communities) and its tools, found by role and name. */
export class EntityGridPage {
  readonly heading: Locator
  readonly table: Locator
  readonly quickFilter: Locator
  readonly evidenceFilter: Locator
  readonly undoButton: Locator
  readonly redoButton: Locator
  readonly deleteSelectedButton: Locator
  readonly columnsButton: Locator
  /** "All columns (+n)" while the compact default hides some; "Fewer columns" after. */
  readonly allColumnsButton: Locator
  readonly fewerColumnsButton: Locator
  readonly columnsMenu: Locator
  readonly exportButton: Locator
  readonly newName: Locator
  readonly addButton: Locator
  readonly addError: Locator
  readonly filterBar: Locator
  readonly cellError: Locator
  readonly status: Locator

  constructor(
    readonly page: Page,
    readonly label: GridLabel,
  ) {
    const singular = SINGULAR[label]
    this.heading = page.getByRole('heading', { name: label, level: 2 })
    this.table = page.getByRole('region', { name: `${label} table` })
    const toolbar = page.getByRole('toolbar', { name: `${label} tools` })
    this.quickFilter = toolbar.getByRole('searchbox', { name: `Search the ${label.toLowerCase()}` })
    this.evidenceFilter = toolbar.getByRole('checkbox', { name: /Only rows with evidence graded/ })
    this.undoButton = toolbar.getByRole('button', { name: 'Undo' })
    this.redoButton = toolbar.getByRole('button', { name: 'Redo' })
    this.deleteSelectedButton = toolbar.getByRole('button', { name: /^Delete selected/ })
    this.columnsButton = toolbar.getByRole('button', { name: 'Columns', exact: true })
    this.allColumnsButton = toolbar.getByRole('button', { name: /^All columns/ })
    this.fewerColumnsButton = toolbar.getByRole('button', { name: 'Fewer columns' })
    this.columnsMenu = page.getByRole('group', { name: 'Columns' })
    this.exportButton = toolbar.getByRole('button', { name: 'Export CSV' })
    const addForm = page.getByRole('form', { name: `Add a ${singular}` })
    this.newName = addForm.getByRole('textbox', { name: `Name of the new ${singular}` })
    this.addButton = addForm.getByRole('button', { name: `Add ${singular}` })
    this.addError = addForm.getByRole('alert')
    this.filterBar = page.getByRole('region', { name: 'Active filters' })
    this.cellError = this.table.getByRole('alert')
    this.status = page.getByRole('status').filter({ hasNotText: /^$/ }).last()
  }

  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('gridcell', { name, exact: true }) })
  }

  header(column: string): Locator {
    return this.table.getByRole('columnheader', { name: column, exact: true })
  }

  /**
   * The cell of one row (found by its name) in one column (found by its header). A column the
   * compact default hides is shown first, as a person would from the Columns menu.
   */
  async cell(name: string, column: string): Promise<Locator> {
    if ((await this.header(column).count()) === 0) {
      await this.showColumn(column, true)
      await this.columnsButton.click()
      await this.columnsMenu.waitFor({ state: 'detached' })
    }
    const index = await this.header(column).getAttribute('aria-colindex')
    return this.row(name).locator(`[role="gridcell"][aria-colindex="${index}"]`)
  }

  async cellText(name: string, column: string): Promise<string> {
    return (await (await this.cell(name, column)).innerText()).trim()
  }

  async names(): Promise<string[]> {
    const index = await this.header('Name').getAttribute('aria-colindex')
    // Body rows carry a row index; the header's floating-filter row does not.
    const cells = this.table.locator(
      `[role="row"][row-index] [role="gridcell"][aria-colindex="${index}"]`,
    )
    return (await cells.allInnerTexts()).map((t) => t.trim())
  }

  /** Double-clicks a cell, as a person does to edit it (a hidden column is shown first). */
  private async startEditing(name: string, column: string): Promise<void> {
    await (await this.cell(name, column)).dblclick()
  }

  /** Types into a text, number or date cell (a date as YYYY-MM-DD). */
  async editText(name: string, column: string, text: string): Promise<void> {
    await this.startEditing(name, column)
    // While it edits, the cell no longer shows the row's name: find the editor itself.
    const input = this.table.getByLabel('Input Editor', { exact: true })
    await input.fill(text)
    await input.press('Enter')
  }

  async chooseOption(name: string, column: string, option: string): Promise<void> {
    await this.startEditing(name, column)
    await this.page
      .getByRole('combobox', { name: `${column} of ${name}`, exact: true })
      .selectOption({ label: option })
  }

  /** Opens the chip editor of a list cell and returns it. */
  async openList(name: string, column: string): Promise<Locator> {
    await this.startEditing(name, column)
    return this.page.getByRole('group', { name: `${column} of ${name}`, exact: true })
  }

  async openPicker(name: string, column: string): Promise<LinkPickerDialog> {
    await this.startEditing(name, column)
    return new LinkPickerDialog(
      this.page.getByRole('dialog', { name: `${column} of ${name}`, exact: true }),
    )
  }

  async addEntity(name: string): Promise<void> {
    await this.newName.fill(name)
    await this.addButton.click()
  }

  /** Clicks a row's name, which opens its evidence panel, and ticks it for deletion or export. */
  async selectRow(name: string): Promise<void> {
    await this.openRow(name)
    await this.tickRow(name)
  }

  /** Clicks a row's name: opens its evidence panel (and ticks nothing). */
  async openRow(name: string): Promise<void> {
    await this.table.getByRole('gridcell', { name, exact: true }).click()
  }

  async tickRow(name: string): Promise<void> {
    await this.row(name).getByRole('checkbox').check()
  }

  /** Moves the keyboard focus to a row's name and presses Space, which ticks or unticks it. */
  async toggleRowBySpace(name: string): Promise<void> {
    await this.table.getByRole('gridcell', { name, exact: true }).focus()
    await this.page.keyboard.press('Space')
  }

  /** Double-clicks a cell as it is on screen now, with no preparation (no row click first). */
  async doubleClickCell(name: string, column: string): Promise<void> {
    await (await this.cell(name, column)).dblclick()
  }

  async deleteSelected(): Promise<DeleteConfirmation> {
    await this.deleteSelectedButton.click()
    return new DeleteConfirmation(this.page.getByRole('dialog', { name: /^Delete / }))
  }

  async openColumnFilter(column: string): Promise<void> {
    await this.table
      .getByRole('gridcell')
      .filter({ has: this.page.getByLabel(`${column} Filter Input`, { exact: true }) })
      .getByRole('button', { name: 'Open Filter Menu' })
      .click()
  }

  /** Keeps only the rows whose enum column has one of `values`. */
  async filterByValues(column: string, values: string[]): Promise<void> {
    await this.openColumnFilter(column)
    const filter = this.page.getByRole('group', {
      name: `Show rows whose ${column.toLowerCase()} is`,
    })
    await filter.getByRole('button', { name: 'None' }).click()
    for (const value of values) await filter.getByRole('checkbox', { name: value }).check()
    await this.page.keyboard.press('Escape')
  }

  async exportCsv(): Promise<{ download: Download; bytes: Buffer }> {
    const download = this.page.waitForEvent('download')
    await this.exportButton.click()
    const file = await download
    return { download: file, bytes: await readFile(await file.path()) }
  }

  async showColumn(column: string, shown: boolean): Promise<void> {
    if (!(await this.columnsMenu.isVisible())) await this.columnsButton.click()
    await this.columnsMenu.getByRole('checkbox', { name: `Show ${column}` }).setChecked(shown)
  }

  async pinColumn(column: string, side: 'Left' | 'Right' | 'Not pinned'): Promise<void> {
    if (!(await this.columnsMenu.isVisible())) await this.columnsButton.click()
    await this.columnsMenu
      .getByRole('combobox', { name: `Pin ${column}` })
      .selectOption({ label: side })
  }

  /** Drags the right edge of a column's header by `by` pixels, as a mouse user would. */
  async resizeColumn(column: string, by: number): Promise<void> {
    const box = (await this.header(column).boundingBox())!
    const y = box.y + box.height / 2
    await this.page.mouse.move(box.x + box.width - 2, y)
    await this.page.mouse.down()
    await this.page.mouse.move(box.x + box.width - 2 + by / 2, y, { steps: 4 })
    await this.page.mouse.move(box.x + box.width - 2 + by, y, { steps: 4 })
    await this.page.mouse.up()
  }

  async undo(): Promise<void> {
    await this.page.keyboard.press('Control+z')
  }

  async redo(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+z')
  }

  /** Calls the API from inside the page, as the app itself does (same origin, session cookie). */
  async callApi(method: string, input: unknown): Promise<unknown> {
    return this.page.evaluate(
      async ([m, body]) => {
        const response = await fetch(`/api/${m}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        })
        return response.json() as Promise<unknown>
      },
      [method, input] as const,
    )
  }
}
