import { rm } from 'node:fs/promises'
import { ProjectStore } from '../src/main/core/project-store'
import { expect, test as base } from './fixtures'
import { AppShell } from './pages/AppShell'
import { SourcesPage } from './pages/SourcesPage'

/** A project made a moment ago: no source, no entity, nothing. */
const test = base.extend({
  prepareProject: async ({}, use) => {
    await use(async (projectDir) => {
      await rm(projectDir, { recursive: true, force: true })
      const now = new Date().toISOString()
      const store = await ProjectStore.create(projectDir, {
        id: 'first-run',
        name: 'First project',
        description: '',
        createdAt: now,
        updatedAt: now,
      })
      await store.close()
    })
  },
})

test('a new project says what to do first, every empty view names its next action, and one import reads "1 source"', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const sources = new SourcesPage(page)
  await shell.open(app.url)
  await expect(shell.projectName).toHaveText('First project')

  const guide = page.getByRole('region', { name: /Start here/ })
  await expect(guide).toBeVisible()
  const steps = guide.getByRole('listitem')
  await expect(steps).toHaveCount(3)
  await expect(steps.nth(0)).toContainText('Import a document')
  await expect(steps.nth(1)).toContainText('Select a passage and grade it')
  await expect(steps.nth(2)).toContainText('Link it')

  const emptyStates = {
    Groups: 'No groups yet: add one by name above',
    Graph: 'Nothing to draw yet',
    Notes: 'No notes yet. Press New note',
    Analyses: 'No analyses yet. Write the question',
    Sources: 'No sources yet. Import a document',
  } as const
  for (const [view, text] of Object.entries(emptyStates)) {
    await shell.goTo(view as keyof typeof emptyStates)
    await expect(page.getByRole('main').getByText(text).last()).toBeVisible()
  }

  // The guide's own Import button opens the file picker from any view.
  await shell.goTo('Groups')
  const chooser = page.waitForEvent('filechooser')
  await guide.getByRole('button', { name: 'Import a document…' }).click()
  await (
    await chooser
  ).setFiles({
    name: 'statement.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('The front said on 3 May that it had taken two districts.\n'),
  })
  await expect(sources.heading).toBeVisible()
  await expect(sources.resultFor('statement.txt')).toContainText(/imported|Open/i)
  await expect(page.getByRole('banner')).toContainText('1 source ·')
  // With a source in the project the guide steps aside; the palette still has it.
  await expect(guide).toBeHidden()
})
