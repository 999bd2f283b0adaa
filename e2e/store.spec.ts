/**
 * A project big enough that the store compacts it in a worker thread: the backup the user
 * makes is such a compaction, run from the built worker entry (out/main), and it restores.
 */
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { GroupsPage } from './pages/GroupsPage'
import { ProjectPanel } from './pages/ProjectPanel'
import { renameEntity } from './support/edits'
import { savedName } from './support/stored-project'

/** Past the size from which the store compacts in a worker rather than inline (2 MB). */
const PEOPLE = 3000
const DESCRIPTION = 'A person the analyst follows across the sources, noted at length. '.repeat(15)

const large = test.extend({
  prepareProject: async ({}, use) => {
    await use(async (projectDir) => {
      const path = join(projectDir, 'project.json')
      const project = JSON.parse(await readFile(path, 'utf8')) as { entities: object[] }
      const at = '2025-06-03T10:00:00.000Z'
      for (let i = 0; i < PEOPLE; i++) {
        project.entities.push({
          id: `per-bulk-${i}`,
          createdAt: at,
          updatedAt: at,
          type: 'person',
          name: `Person ${i}`,
          aliases: [],
          description: DESCRIPTION,
          attributes: {},
        })
      }
      await writeFile(path, JSON.stringify(project))
      expect((await stat(path)).size).toBeGreaterThan(3_000_000)
    })
  },
})

large(
  'a large project is backed up by a compaction in the worker thread, and the backup restores',
  async ({ page, app }) => {
    // Three megabytes of records: converting, backing up and restoring take their time.
    large.slow()
    const shell = new AppShell(page)
    const groups = new GroupsPage(page)
    const panel = new ProjectPanel(page)
    await shell.open(app.url)
    await expect(groups.row('Wolf Unit')).toBeVisible()

    await panel.makeBackupByHand()

    await renameEntity(page, 'grp-wolf-unit', 'Wolf Unit (after the backup)')
    await expect
      .poll(() => savedName(app.projectDir, 'grp-wolf-unit'))
      .toBe('Wolf Unit (after the backup)')

    await panel.open()
    await panel.restoreNewest('Made by hand')
    await expect(panel.dialog).toBeHidden()
    await expect(groups.row('Wolf Unit')).toBeVisible()
    await expect.poll(() => savedName(app.projectDir, 'grp-wolf-unit')).toBe('Wolf Unit')
    // Every record came back, the last of the bulk too.
    expect(await savedName(app.projectDir, `per-bulk-${PEOPLE - 1}`)).toBe(`Person ${PEOPLE - 1}`)
  },
)
