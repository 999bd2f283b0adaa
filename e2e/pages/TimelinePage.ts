import type { Download, Locator, Page } from '@playwright/test'

/** The Timeline view: lanes, filters, the chart, its list of items, the brush and exports. */
export class TimelinePage {
  readonly heading: Locator
  readonly status: Locator
  readonly chart: Locator
  readonly items: Locator
  readonly lanesButton: Locator
  readonly lanesDialog: Locator
  readonly evidenceGrade: Locator
  readonly rangeFrom: Locator
  readonly rangeTo: Locator
  readonly exportPngButton: Locator
  readonly exportSvgButton: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Timeline', level: 2 })
    this.status = page.getByRole('status', { name: 'Timeline status' })
    this.chart = page.getByRole('img', { name: /^Timeline chart/ })
    this.items = page.getByRole('table', { name: 'Timeline items' })
    this.lanesButton = page.getByRole('button', { name: 'Lanes…' })
    this.lanesDialog = page.getByRole('dialog', { name: 'Lanes' })
    this.evidenceGrade = page.getByRole('combobox', { name: 'Evidence grade' })
    const range = page.getByRole('group', { name: 'Date range' })
    this.rangeFrom = range.getByLabel('From')
    this.rangeTo = range.getByLabel('To')
    const exports = page.getByRole('group', { name: 'Export the timeline' })
    this.exportPngButton = exports.getByRole('button', { name: 'Export PNG' })
    this.exportSvgButton = exports.getByRole('button', { name: 'Export SVG' })
  }

  /** An event in the list beside the chart, on the lane of `lane` (a group or person). */
  event(title: string, lane: string): Locator {
    return this.items.getByRole('button', { name: eventName(title, lane) })
  }

  /** The event's row in the list: date, item, lane and evidence. */
  eventRow(title: string, lane: string): Locator {
    return this.items
      .getByRole('row')
      .filter({ has: this.page.getByRole('button', { name: eventName(title, lane) }) })
  }

  /** Any item in the list, by its label. */
  item(label: string): Locator {
    return this.items.getByRole('button', { name: new RegExp(`: ${escapeRegExp(label)}, `) })
  }

  /** Selects an item in the list: its evidence opens beside the chart. */
  async select(item: Locator): Promise<void> {
    await item.click()
  }

  /** Double-click: opens the item's record. */
  async open(item: Locator): Promise<void> {
    await item.dblclick()
  }

  async requireGrade(label: string): Promise<void> {
    await this.evidenceGrade.selectOption({ label })
  }

  async showItems(kind: string, shown: boolean): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Show' })
      .getByRole('checkbox', { name: kind })
      .setChecked(shown)
  }

  async showLanes(type: 'Groups' | 'People', shown: boolean): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Lanes' })
      .getByRole('checkbox', { name: type })
      .setChecked(shown)
  }

  async showEventKind(kind: string, shown: boolean): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Kinds of event' })
      .getByRole('checkbox', { name: kind })
      .setChecked(shown)
  }

  /** Chooses the lanes by name in the Lanes dialog, replacing none of the others. */
  async setLane(name: string, shown: boolean): Promise<void> {
    await this.lanesButton.click()
    await this.lanesDialog.getByRole('searchbox', { name: 'Find a group or person' }).fill(name)
    await this.lanesDialog
      .getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(name)} `) })
      .setChecked(shown)
    await this.lanesDialog.getByRole('button', { name: 'Done' }).click()
  }

  async setRange(from: string, to: string): Promise<void> {
    await this.rangeFrom.fill(from)
    await this.rangeTo.fill(to)
  }

  async exportSvg(): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.exportSvgButton.click()
    return download
  }

  async exportPng(): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.exportPngButton.click()
    return download
  }
}

function eventName(title: string, lane: string): RegExp {
  return new RegExp(`^Event: ${escapeRegExp(title)}, .*, on ${escapeRegExp(lane)}$`)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
