import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { GroupsPage } from './pages/GroupsPage'
import { ProjectPanel } from './pages/ProjectPanel'
import { RecoveryPage } from './pages/RecoveryPage'
import { renameEntity } from './support/edits'
import { openFolderFromOutside } from './support/main-process'
import {
  currentJournal,
  savedName,
  savedRelations,
  writeInconsistentProject,
} from './support/stored-project'

test('a save the disk refuses stays on screen as an alert, the edit is kept, and it is saved once the disk recovers', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const groups = new GroupsPage(page)
  await shell.open(app.url)
  await expect(groups.row('Wolf Unit')).toBeVisible()
  const saved = page.getByRole('status').filter({ hasText: 'All changes saved' })
  await expect(saved).toBeVisible()

  // A folder where the journal should be: the next save cannot append to it.
  const file = await currentJournal(app.projectDir)
  await rename(file, `${file}.aside`)
  await mkdir(file)
  await writeFile(join(file, 'in-the-way'), '')
  await renameEntity(page, 'grp-wolf-unit', 'Wolf Unit (unsaved)')

  const alert = page.getByRole('alert').filter({ hasText: 'Not saved' })
  await expect(alert).toContainText('A folder is in the way of the file')
  await expect(alert).toContainText('Your edits are kept in memory')
  // The edit is still there, and retrying while the disk still refuses keeps the alert.
  await page.reload()
  await expect(groups.row('Wolf Unit (unsaved)')).toBeVisible()
  await alert.getByRole('button', { name: 'Try saving again' }).click()
  await expect(alert).toBeVisible()

  await rm(file, { recursive: true })
  await expect(alert).toBeHidden({ timeout: 30_000 })
  await expect(saved).toBeVisible()
  expect(await savedName(app.projectDir, 'grp-wolf-unit')).toBe('Wolf Unit (unsaved)')
})

/** Writes a backup the way the app does: the bytes and a checksum file beside them. */
async function writeBackup(projectDir: string, text: string, createdAt: Date): Promise<void> {
  const id = `project-${createdAt.toISOString().replace(/[-:.]/g, '')}-auto-e2e0`
  const folder = join(projectDir, 'backups')
  await mkdir(folder, { recursive: true })
  await writeFile(join(folder, `${id}.json`), text)
  const meta = {
    sha256: createHash('sha256').update(text).digest('hex'),
    bytes: Buffer.byteLength(text),
    createdAt: createdAt.toISOString(),
    reason: 'auto',
    projectName: 'Armed opposition to the Taliban (sample)',
  }
  await writeFile(join(folder, `${id}.meta.json`), JSON.stringify(meta))
}

const damaged = test.extend({
  prepareProject: async ({}, use) => {
    await use(async (projectDir) => {
      const file = join(projectDir, 'project.json')
      const sound = await readFile(file, 'utf8')
      const older = sound.replace('"name":"Wolf Unit"', '"name":"Wolf Unit (from the backup)"')
      await writeBackup(projectDir, older, new Date(Date.now() - 3_600_000))
      // A damaged, older backup is listed too, and never offered for restore.
      await writeBackup(projectDir, older.replace('Wolf', 'Wulf'), new Date(Date.now() - 7_200_000))
      const damagedPath = join(projectDir, 'backups')
      const names = (await readdir(damagedPath))
        .filter((n) => n.endsWith('.json') && !n.endsWith('meta.json'))
        .sort()
      await writeFile(join(damagedPath, names[0]!), 'flipped bits')
      // Cut short, as a crash during a careless write would leave it.
      await writeFile(file, sound.slice(0, Math.floor(sound.length / 3)))
    })
  },
})

damaged(
  'a damaged project opens on a recovery screen that offers the newest good backup, and restores it on request',
  async ({ page, app }) => {
    const shell = new AppShell(page)
    const recovery = new RecoveryPage(page)
    await shell.open(app.url)

    await expect(recovery.heading).toBeVisible()
    await expect(recovery.problem).toContainText('it is cut short')
    await expect(recovery.problem).toContainText('project.json.corrupt-')
    await expect(recovery.backups.getByRole('row')).toHaveCount(3)
    await expect(recovery.backups).toContainText('newest good copy')
    await expect(recovery.backups).toContainText('damaged: its')
    await expect(recovery.restoreButtons()).toHaveCount(1)
    const names = await readdir(app.projectDir)
    expect(names).not.toContain('project.json')
    const corrupt = names.find((n) => n.startsWith('project.json.corrupt-'))
    expect(corrupt).toBeDefined()

    await recovery.restoreNewest()
    const groups = new GroupsPage(page)
    await expect(shell.projectName).toHaveText('Armed opposition to the Taliban (sample)')
    await expect(groups.row('Wolf Unit (from the backup)')).toBeVisible()
    // The damaged bytes are still there, beside the restored project.
    expect(await readdir(app.projectDir)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^snapshot\.\d+\.jsonl$/), corrupt!]),
    )
  },
)

test('a project whose records fail the check run just after it opens leaves the screen unwritten, for the recovery screen and its backups', async ({
  page,
  app,
}, testInfo) => {
  const shell = new AppShell(page)
  const groups = new GroupsPage(page)
  const recovery = new RecoveryPage(page)
  await shell.open(app.url)
  await expect(groups.row('Wolf Unit')).toBeVisible()

  const folder = testInfo.outputPath('inconsistent')
  const { snapshot, damaged } = await writeInconsistentProject(app.projectDir, folder)
  // The open itself succeeds: each record passes its schema, and the trailer matches.
  await openFolderFromOutside(page, folder)

  await expect(recovery.heading).toBeVisible()
  await expect(recovery.problem).toContainText(
    'Sightline closed this project just after opening it, before writing anything to it.',
  )
  await expect(recovery.problem).toContainText('links a missing entity "per-nobody"')
  await expect(recovery.problem).toContainText('1 backup is available to restore.')
  await expect(recovery.restoreButtons()).toHaveCount(1)
  // Not a byte written: the snapshot sits aside exactly as it was.
  const corrupt = (await readdir(folder)).find((n) =>
    n.startsWith(`${snapshot.slice(folder.length + 1)}.corrupt-`),
  )
  expect(await readFile(join(folder, corrupt!), 'utf8')).toBe(damaged)

  await recovery.restoreNewest()
  await expect(shell.projectName).toHaveText('Armed opposition to the Taliban (sample)')
  await expect(groups.row('Wolf Unit')).toBeVisible()
  expect((await savedRelations(folder)).some((r) => r.from === 'per-nobody')).toBe(false)
})

test('restoring a backup from the Project dialog brings back the earlier state', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const groups = new GroupsPage(page)
  const panel = new ProjectPanel(page)
  await shell.open(app.url)
  await expect(groups.row('Wolf Unit')).toBeVisible()

  await panel.open()
  await panel.backUpNow()
  await expect(panel.backups).toContainText('Made by hand')
  await panel.close()

  await renameEntity(page, 'grp-wolf-unit', 'Wolf Unit (after the backup)')
  await page.reload()
  await expect(groups.row('Wolf Unit (after the backup)')).toBeVisible()

  await panel.open()
  await panel.restoreNewest('Made by hand')
  await expect(panel.dialog).toBeHidden()
  await expect(groups.row('Wolf Unit')).toBeVisible()
  await expect(groups.row('Wolf Unit (after the backup)')).toBeHidden()
  await expect.poll(() => savedName(app.projectDir, 'grp-wolf-unit')).toBe('Wolf Unit')

  // The state it replaced was backed up first, so the restore can be undone.
  await panel.open()
  await expect(panel.backups).toContainText('Before a restore')
})

test('a project exported to a file imports back as a new project with the same records', async ({
  page,
  app,
}, testInfo) => {
  const shell = new AppShell(page)
  const groups = new GroupsPage(page)
  const panel = new ProjectPanel(page)
  await shell.open(app.url)
  await renameEntity(page, 'grp-wolf-unit', 'Wolf Unit (exported)')

  await panel.open()
  const download = await panel.exportProject()
  expect(download.suggestedFilename()).toBe('armed-opposition-to-the-taliban-sample.sightline.json')
  const exported = testInfo.outputPath('export.json')
  await download.saveAs(exported)
  const envelope = JSON.parse(await readFile(exported, 'utf8')) as {
    format: string
    texts: Record<string, string>
  }
  expect(envelope.format).toBe('sightline-project')
  expect(Object.keys(envelope.texts).length).toBeGreaterThan(0)

  await panel.importFile(exported)
  await expect(panel.dialog).toBeHidden()
  await expect(groups.row('Wolf Unit (exported)')).toBeVisible()
  const names = await groups.groupNames()
  expect(names).toContain('National Resistance Front')

  await panel.open()
  await expect(panel.dialog).toContainText('/projects/armed-opposition-to-the-taliban-sample')
  await expect(panel.backups).toContainText('As imported')
})

test('an import that is not sound is refused with the list of its problems', async ({
  page,
  app,
}, testInfo) => {
  const shell = new AppShell(page)
  const panel = new ProjectPanel(page)
  await shell.open(app.url)
  await panel.open()
  const download = await panel.exportProject()
  const path = testInfo.outputPath('broken.json')
  await download.saveAs(path)
  const sound = await readFile(path, 'utf8')
  const dangling = sound
    .replace('"from":"per-ahmad-masoud"', '"from":"per-nobody"')
    .replace(/"sourceId":"[^"]+"/, '"sourceId":"src-nowhere"')
  await writeFile(path, dangling)
  await panel.importFile(path)
  const alert = panel.dialog.getByRole('alert')
  await expect(alert).toContainText('This file cannot be imported')
  const problems = alert.getByRole('list', { name: 'Problems found in the file' })
  await expect(problems.getByRole('listitem')).toHaveCount(2)
  await expect(problems).toContainText('links a missing entity "per-nobody"')
  await expect(problems).toContainText('points to a missing source "src-nowhere"')

  await writeFile(
    path,
    sound.replace('"attributes":{', '"attributes":{"__proto__":{"polluted":true},'),
  )
  await panel.importFile(path)
  await expect(alert).toContainText('the key "__proto__" is not allowed')
  expect(await page.evaluate(() => 'polluted' in {})).toBe(false)
  // Still the same project, untouched.
  await panel.close()
  await expect(shell.projectName).toHaveText('Armed opposition to the Taliban (sample)')
  expect(await readdir(join(app.projectDir, '..', 'user-data')).catch(() => [])).not.toContain(
    'projects',
  )
})
