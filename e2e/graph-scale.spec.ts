/**
 * The Graph view on a generated project of 5,000 entities and 20,000 relations (issue 21):
 * it opens on a focus rather than on everything, keeps the focus in the URL, grows by
 * expanding, lays the whole graph out with progress and cancel, and shows it all.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { generateProject, writeProjectFolder, type GeneratedProject } from '../bench/generate'
import { expect, test } from './fixtures'
import { GraphPage } from './pages/GraphPage'

/**
 * The project, made once per worker when the journey runs (not when the suite is listed):
 * entities and relations at full size, sources and quotes few, since only the graph is used.
 */
let made: GeneratedProject | undefined
function generated(): GeneratedProject {
  made ??= generateProject({
    sources: 5,
    annotations: 200,
    entities: 5_000,
    relations: 20_000,
    notes: 0,
    seed: 21,
    // The app checks the file as it opens it.
    validate: false,
  })
  return made
}

/** An entity of middling degree whose name no other entity contains, to find it by name. */
function ordinaryEntity(): { id: string; name: string; degree: number } {
  const { entities, relations } = generated().file
  const degree = new Map<string, number>()
  for (const r of relations) {
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1)
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1)
  }
  const candidates = entities
    .map((e) => ({ id: e.id, name: e.name, degree: degree.get(e.id) ?? 0 }))
    .filter((e) => e.degree >= 3 && e.degree <= 8)
  const unique = candidates.find(
    (e) => entities.filter((other) => other.name.includes(e.name)).length === 1,
  )
  return unique!
}

const large = test.extend({
  prepareProject: async ({}, use) => {
    await use(async (projectDir) => {
      await rm(join(projectDir, 'sources'), { recursive: true, force: true })
      await writeProjectFolder(projectDir, generated(), { overwrite: true })
    })
  },
})

large(
  'a 5k/20k project opens on a focus, expands, lays out with progress and cancel, and shows all',
  async ({ page, app }) => {
    large.setTimeout(120_000)
    const start = ordinaryEntity()
    const graph = new GraphPage(page)
    await page.goto(`${app.url}#/graph`)

    // Too large to draw whole: the view asks where to start, and states the cost of everything.
    await expect(graph.focusPicker).toBeVisible()
    await expect(
      graph.focusPicker.getByRole('button', { name: /^Show all \(.* to draw\)$/ }),
    ).toBeVisible()
    await expect(graph.chart).toHaveAccessibleName(/^Relationship graph: 0 of 5000 entities/)

    await graph.startFrom(start.name, 1)
    await graph.settled()
    await expect(page).toHaveURL(new RegExp(`#/graph\\?focus=${start.id}&depth=1$`))
    await expect(graph.focus).toContainText(`From ${start.name}`)
    const focused = await graph.entitiesInView()
    expect(focused).toBeGreaterThan(1)
    expect(focused).toBeLessThanOrEqual(start.degree + 1)

    // A reload returns to the same focus.
    await page.reload()
    await graph.settled()
    await expect(graph.focus).toContainText(`From ${start.name}`)
    expect(await graph.entitiesInView()).toBe(focused)

    // Expanding a neighbour brings its own neighbours in, and the URL keeps it.
    await graph.ready()
    const neighbour = graph.entities.locator('tbody tr').filter({
      hasNot: page.getByRole('rowheader', { name: start.name, exact: true }),
    })
    const neighbourName = await neighbour.first().getByRole('rowheader').innerText()
    await graph.selectNode(neighbourName)
    await graph.expandSelected()
    await expect(page).toHaveURL(/&expand=/)
    await expect.poll(() => graph.entitiesInView()).toBeGreaterThan(focused)

    // Everything: most entities have no saved position, so a ForceAtlas2 layout starts at
    // once (the unplaced elements wait outside the chart) and the page answers meanwhile.
    // Cancelled as soon as it shows, or, where it ended before the click landed, a new run
    // over the chart is: the chart stays drawn, any waiting entities on a grid.
    await graph.showAll()
    await expect(page).toHaveURL(/#\/graph\?all$/)
    await expect(graph.layoutProgress).toContainText('ForceAtlas2')
    expect(await graph.cancelARun()).toBe(true)
    await expect(graph.status).toHaveText('Layout cancelled; the chart is as it was.')
    await expect(graph.layoutProgress).toHaveCount(0)
    await expect(graph.chart).toHaveAccessibleName(
      /5000 of 5000 entities and 20000 of 20000 relations/,
    )

    // A new run shows its progress as a figure and completes.
    await page.getByRole('button', { name: 'Run layout' }).click()
    await expect(graph.layoutProgress).toBeVisible()
    await expect(graph.layoutProgressBar).toHaveAttribute('value', /\d+/)
    await expect(graph.status).toContainText('Force-directed layout of 5000 entities', {
      timeout: 60_000,
    })
    await expect(graph.stage).toHaveAttribute('aria-busy', 'false')
  },
)
