import { expect, type Locator, type Page } from '@playwright/test'

/**
 * The Graph view. The chart is a canvas; its accessible stand-in is the list view (tables of
 * the entities and relations in view), which is how these methods reach nodes and edges.
 */
export class GraphPage {
  readonly heading: Locator
  readonly stage: Locator
  readonly chart: Locator
  readonly listToggle: Locator
  readonly entities: Locator
  readonly relations: Locator
  readonly legend: Locator
  readonly find: Locator
  /** What "Find" found ("2 found"), and what Enter framed. */
  readonly findStatus: Locator
  readonly layoutProgress: Locator
  readonly status: Locator
  /** The side panel of an edge: the relation and the quotes behind it. */
  readonly relationPanel: Locator
  readonly newRelation: Locator
  /** Over the empty chart of a large graph: where to start exploring. */
  readonly focusPicker: Locator
  /** The controls of the focus being explored. */
  readonly focus: Locator
  readonly layoutProgressBar: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Graph', level: 2 })
    this.chart = page.getByRole('img', { name: /^Relationship graph/ })
    this.stage = page.getByRole('region', { name: 'Chart' })
    this.listToggle = page.getByText('Entities and relations (list view)')
    this.entities = page.getByRole('table', { name: 'Entities in view' })
    this.relations = page.getByRole('table', { name: 'Relations in view' })
    this.legend = page.getByRole('figure', { name: 'Legend' })
    this.find = page.getByRole('searchbox', { name: 'Find' })
    this.findStatus = page.getByRole('search').filter({ has: this.find }).getByRole('status')
    this.layoutProgress = page.getByRole('status', { name: 'Layout in progress' })
    this.status = page.getByRole('status', { name: 'Graph status' })
    this.relationPanel = page.getByRole('complementary', { name: 'Relation evidence' })
    this.newRelation = page.getByRole('form', { name: 'New relation' })
    this.focusPicker = page.getByRole('region', { name: 'Where to start' })
    this.focus = page.getByRole('group', { name: 'Focus' })
    this.layoutProgressBar = page.getByRole('progressbar', { name: 'Layout progress' })
  }

  /** Waits for the chart (of a focus, say) to be drawn and laid out, without the list view. */
  async settled(): Promise<void> {
    await this.chart.waitFor()
    await expect(this.stage).toHaveAttribute('aria-busy', 'false')
  }

  /** From the picker of a large graph: finds an entity by name and explores from it. */
  async startFrom(name: string, depth: 1 | 2 | 3): Promise<void> {
    await this.focusPicker.getByRole('searchbox', { name: 'Start from' }).fill(name)
    await this.focusPicker
      .getByRole('combobox', { name: 'Depth' })
      .selectOption({ label: depth === 1 ? '1 relation away' : `${depth} relations away` })
    await this.focusPicker
      .getByRole('button', { name: `${name} ` })
      .filter({ hasText: name })
      .first()
      .click()
  }

  /** Expands the one selected node: its neighbours join the focus. */
  async expandSelected(): Promise<void> {
    await this.page.getByRole('button', { name: 'Expand', exact: true }).click()
  }

  /** "Show all (about … to draw)", from the picker or from the focus controls. */
  async showAll(): Promise<void> {
    await this.page.getByRole('button', { name: /^Show all \(/ }).click()
  }

  /**
   * Cancels a layout of the whole chart: a layout can end before a click lands (ForceAtlas2
   * stops once settled, in about 2 s at 5k/20k on a quiet machine), so a run that ended is
   * run again until a click stops one. False if none could be stopped in `tries` runs.
   */
  async cancelARun(tries = 4): Promise<boolean> {
    const cancel = this.layoutProgress.getByRole('button', { name: 'Cancel layout' })
    for (let attempt = 0; attempt < tries; attempt++) {
      if (attempt > 0) await this.page.getByRole('button', { name: 'Run layout' }).click()
      try {
        await cancel.click({ timeout: 5_000 })
      } catch {
        continue
      }
      if ((await this.status.textContent())?.includes('cancelled')) return true
      try {
        await expect(this.status).toContainText('cancelled', { timeout: 5_000 })
        return true
      } catch {
        // The click met the run as it ended: the chart was laid out, not cancelled.
      }
    }
    return false
  }

  /** How many entities the chart has in view, as its accessible name says. */
  async entitiesInView(): Promise<number> {
    const name = (await this.chart.getAttribute('aria-label')) ?? ''
    const match = /(\d+) of \d+ entities/.exec(name)
    if (!match) throw new Error(`no count in the chart's name: ${name}`)
    return Number(match[1])
  }

  /** Waits for the chart and for any layout to finish, then opens the list view. */
  async ready(): Promise<void> {
    await this.chart.waitFor()
    await expect(this.stage).toHaveAttribute('aria-busy', 'false')
    if (!(await this.entities.isVisible())) await this.listToggle.click()
    await this.entities.waitFor()
  }

  entityRow(name: string): Locator {
    return this.entities.getByRole('row').filter({
      has: this.page.getByRole('rowheader', { name, exact: true }),
    })
  }

  /** "National Resistance Front operates in Panjshir" -> its row in the relations table. */
  relationRow(from: string, relation: string, to: string): Locator {
    return this.relations.getByRole('row').filter({
      has: this.page.getByRole('button', { name: `Open relation: ${from} ${relation} ${to}` }),
    })
  }

  async relationTexts(): Promise<string[]> {
    const rows = this.relations.locator('tbody tr')
    const texts: string[] = []
    for (const row of await rows.all()) {
      const cells = await row.getByRole('cell').allInnerTexts()
      texts.push(cells.slice(0, 3).join(' '))
    }
    return texts
  }

  async selectNode(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Select ${name}`, exact: true }).click()
  }

  async openRelation(from: string, relation: string, to: string): Promise<void> {
    await this.page
      .getByRole('button', { name: `Open relation: ${from} ${relation} ${to}` })
      .click()
  }

  async showEntityType(label: string, shown: boolean): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Entity types' })
      .getByRole('checkbox', { name: new RegExp(`^${label}`) })
      .setChecked(shown)
  }

  async requireCredibility(option: string): Promise<void> {
    await this.page
      .getByRole('combobox', { name: 'Evidence credibility' })
      .selectOption({ label: option })
  }

  /** The saved position of a node, as the list view reports it. */
  async savedPosition(name: string): Promise<{ x: number; y: number } | null> {
    const row = this.entityRow(name)
    const [x, y] = await Promise.all([row.getAttribute('data-x'), row.getAttribute('data-y')])
    return x === null || y === null ? null : { x: Number(x), y: Number(y) }
  }

  /** The chart's box on screen, scrolled into view first (reaching a list row may scroll it away). */
  async chartBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    await this.chart.scrollIntoViewIfNeeded()
    const box = await this.chart.boundingBox()
    if (!box) throw new Error('the chart has no box')
    return box
  }

  /**
   * Drags a node on the canvas with the mouse: selecting it from the list centres the chart
   * on it, so it is under the middle of the canvas.
   */
  async dragNode(name: string, by: { dx: number; dy: number }): Promise<void> {
    await this.selectNode(name)
    const box = await this.chartBox()
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    await this.page.mouse.move(start.x, start.y)
    await this.page.mouse.down()
    await this.page.mouse.move(start.x + by.dx / 2, start.y + by.dy / 2, { steps: 5 })
    await this.page.mouse.move(start.x + by.dx, start.y + by.dy, { steps: 5 })
    await this.page.mouse.up()
  }

  /** Double-clicks a node on the canvas (centred first by selecting it from the list). */
  async doubleClickNode(name: string): Promise<void> {
    await this.selectNode(name)
    const box = await this.chartBox()
    await this.page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2)
  }

  /** Creates a relation through the form beside the chart. */
  async createRelation(from: string, relation: string, to: string, quote?: RegExp): Promise<void> {
    const form = this.newRelation
    await form.getByRole('combobox', { name: 'From' }).selectOption({ label: from })
    await form.getByRole('combobox', { name: 'Relation' }).selectOption({ label: relation })
    await form.getByRole('combobox', { name: 'To' }).selectOption({ label: to })
    if (quote) {
      const select = form.getByRole('combobox', { name: 'Supporting quote (optional)' })
      await expect(select).toBeEnabled()
      // The quotes of both ends load after the ends are chosen: wait for the one wanted.
      const wanted = select.locator('option').filter({ hasText: quote })
      await expect(wanted.first(), `a quote matching ${quote}`).toBeAttached()
      await select.selectOption({ label: await wanted.first().innerText() })
    }
    await form.getByRole('button', { name: 'Create relation' }).click()
  }

  /** Deletes the relation open in the side panel, confirming in the dialog. */
  async deleteOpenRelation(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete relation…' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Delete this relation?' })
    await dialog.getByRole('button', { name: 'Delete relation' }).click()
    await dialog.waitFor({ state: 'detached' })
  }

  /** Chooses a layout and runs it, then waits for the chart to be laid out. */
  async runLayout(
    layout: 'Force-directed' | 'Concentric by degree' | 'Tree from the selected node',
  ): Promise<void> {
    await this.page
      .getByRole('combobox', { name: 'Layout', exact: true })
      .selectOption({ label: layout })
    await this.page.getByRole('button', { name: 'Run layout' }).click()
    await expect(this.status).toContainText(`${layout} layout of`)
    await expect(this.stage).toHaveAttribute('aria-busy', 'false')
  }

  async exportSvg(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export SVG' }).click()
  }

  async exportPng(scale: 1 | 2 | 3 | 4): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Scale' }).selectOption(`${scale}`)
    await this.page.getByRole('button', { name: 'Export PNG' }).click()
  }
}
