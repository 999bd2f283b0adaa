import { readFile, writeFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { EvidencePanel } from './pages/EvidencePanel'
import { ExchangeDialog } from './pages/ExchangeDialog'
import { GroupsPage } from './pages/GroupsPage'
import { ProjectPanel } from './pages/ProjectPanel'

const GROUPS = [
  'National Resistance Front',
  'National Freedom Front',
  'Resistance Movement for Justice',
  'Free Tigers of Turkistan',
  'National Islamic Freedom Movement',
  'Freedom Uprising',
  'Wolf Unit',
  'Supreme Resistance Council',
]

interface GroupRecord {
  leaders: string
  areas: string
  relations: { sentence: string; quotes: string[] }[]
}

/** What the Groups grid and the evidence panels say of each of the eight groups. */
async function readGroups(page: GroupsPage): Promise<Record<string, GroupRecord>> {
  const records: Record<string, GroupRecord> = {}
  for (const group of GROUPS) {
    await page.selectRow(group)
    const panel = new EvidencePanel(page.page, group)
    await expect(panel.panel).toBeVisible()
    records[group] = {
      leaders: await page.cellText(group, 'Leaders'),
      areas: await page.cellText(group, 'Areas of operation'),
      relations: (await panel.relationsWithQuotes()).sort((a, b) =>
        a.sentence.localeCompare(b.sentence),
      ),
    }
  }
  return records
}

test('the sample exported to STIX and imported into a new project gives back the eight groups, their leaders and areas, and every relation with its quotes', async ({
  page,
  app,
}, testInfo) => {
  test.setTimeout(180_000)
  const shell = new AppShell(page)
  const groups = new GroupsPage(page)
  const project = new ProjectPanel(page)
  const exchange = new ExchangeDialog(page)
  await shell.open(app.url)
  await expect(groups.row('National Resistance Front')).toBeVisible()
  const original = await readGroups(groups)
  expect(original['National Resistance Front']!.leaders).toBe('Ahmad Masoud')

  await project.openExchange()
  const download = await exchange.exportStix('green')
  expect(download.suggestedFilename()).toMatch(/\.stix\.json$/)
  const path = testInfo.outputPath('sample.stix.json')
  await download.saveAs(path)
  await expect(exchange.exportResult).toContainText('threat-actor')
  const bundle = JSON.parse(await readFile(path, 'utf8')) as {
    type: string
    objects: { type: string; name?: string; object_marking_refs?: string[] }[]
  }
  expect(bundle.type).toBe('bundle')
  // The standard TLP:GREEN marking of TLP 2.0.
  expect(bundle.objects.find((o) => o.name === 'Wolf Unit')?.object_marking_refs).toEqual([
    'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  ])

  await exchange.previewIntoNewProject(path, 'From STIX')
  expect((await exchange.counts('Entities')).create).toBeGreaterThanOrEqual(GROUPS.length)
  expect((await exchange.counts('Relations')).skip).toBe(0)
  await exchange.confirmImport()
  await exchange.goToNewProject()
  await expect(exchange.dialog).toBeHidden()

  await expect(shell.projectName).toHaveText('From STIX')
  await expect(groups.row('National Resistance Front')).toBeVisible()
  expect((await groups.groupNames()).sort()).toEqual(expect.arrayContaining([...GROUPS].sort()))
  const imported = await readGroups(groups)
  for (const group of GROUPS) {
    const before = original[group]!
    const after = imported[group]!
    expect(after.leaders, `leaders of ${group}`).toBe(before.leaders)
    expect(after.areas, `areas of ${group}`).toBe(before.areas)
    expect(
      after.relations.map((r) => r.sentence),
      `relations of ${group}`,
    ).toEqual(before.relations.map((r) => r.sentence))
    for (const [index, relation] of after.relations.entries()) {
      // Each relation keeps the quotes it had, and quotes the bundle it came from too.
      expect(relation.quotes, relation.sentence).toEqual(
        expect.arrayContaining(before.relations[index]!.quotes),
      )
      expect(relation.quotes.length, relation.sentence).toBeGreaterThan(
        before.relations[index]!.quotes.length,
      )
    }
  }
})

test('a file that is not a STIX bundle is refused with a clear message, and the project is left as it was', async ({
  page,
  app,
}, testInfo) => {
  const shell = new AppShell(page)
  const exchange = new ExchangeDialog(page)
  await shell.open(app.url)
  const counts = page.getByRole('banner').getByText(/\d+ sources? · \d+ quotes? · \d+ entit(y|ies)/)
  const before = await counts.innerText()

  const path = testInfo.outputPath('broken.stix.json')
  await writeFile(path, '{"type": "bundle", "id": "bundle--1", "objects": [', 'utf8')
  await new ProjectPanel(page).openExchange()
  await exchange.previewIntoThisProject(path)
  await expect(exchange.failure).toContainText('broken.stix.json')
  await expect(exchange.preview).toBeHidden()
  await exchange.close()
  await page.reload()
  await expect(counts).toHaveText(before)
})
