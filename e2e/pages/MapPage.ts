import type { Download, Locator, Page } from '@playwright/test'

/** The Map view: its controls, the map (provinces and points as buttons), the table and panels. */
export class MapPage {
  readonly heading: Locator
  readonly map: Locator
  readonly layer: Locator
  readonly labels: Locator
  readonly periodFrom: Locator
  readonly periodTo: Locator
  readonly provinceTable: Locator
  readonly legend: Locator
  readonly unlocatedPlaces: Locator
  readonly exportGroup: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Map', level: 2 })
    this.map = page.getByRole('group', { name: /^Map of Afghanistan/ })
    const controls = page.getByRole('group', { name: 'Map controls' })
    this.layer = controls.getByLabel('Layer')
    this.labels = controls.getByLabel('Labels')
    this.periodFrom = controls.getByLabel('From')
    this.periodTo = controls.getByLabel('To')
    this.provinceTable = page.getByRole('table', { name: /^Provinces/ })
    this.legend = page.getByRole('figure', { name: /per province|Areas of/ })
    this.unlocatedPlaces = page.getByRole('group').filter({ hasText: /^Places not on the map/ })
    this.exportGroup = page.getByRole('group', { name: 'Export the map' })
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Map' })
      .click()
    await this.map.waitFor()
  }

  async compareGroup(name: string): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Groups to compare' })
      .getByRole('checkbox', { name })
      .check()
  }

  async chooseLayer(label: string): Promise<void> {
    await this.layer.selectOption({ label })
  }

  /** A province's shape on the map; its accessible name says what it carries on the layer. */
  province(name: string): Locator {
    return this.map.getByRole('button', { name: new RegExp(`^${name} \\(`) })
  }

  /** A place drawn as a point. */
  point(name: string): Locator {
    return this.map.getByRole('button', { name: new RegExp(`^${name}, a place in`) })
  }

  /** The panel a province opens: the places the project has in it. */
  provincePanel(name: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name} `) })
  }

  async clickProvince(name: string): Promise<void> {
    await this.province(name).click()
    await this.provincePanel(name).waitFor()
  }

  /** The evidence panel of an entity shown beside the map. */
  evidence(entityName: string): Locator {
    return this.page.getByRole('complementary', { name: entityName, exact: true })
  }

  async exportImage(format: 'PNG' | 'SVG'): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.exportGroup.getByRole('button', { name: `Export ${format}` }).click()
    return download
  }
}

/** The Locate dialog of a place: gazetteer matches to link it to. */
export class LocateDialog {
  readonly dialog: Locator
  readonly search: Locator
  readonly matches: Locator

  constructor(
    readonly page: Page,
    placeName: string,
  ) {
    this.dialog = page.getByRole('dialog', { name: `Locate “${placeName}”` })
    this.search = this.dialog.getByLabel(/Search the gazetteer/)
    this.matches = this.dialog.getByRole('list', { name: 'Gazetteer matches' }).getByRole('button')
  }

  match(name: string, description: string): Locator {
    return this.dialog.getByRole('button', { name: `Link to ${name}: ${description}` })
  }
}
