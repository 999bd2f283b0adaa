import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, startApp, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { ConflictsPage } from './pages/ConflictsPage'
import { GroupsPage } from './pages/GroupsPage'
import { TeamPage } from './pages/TeamPage'
import { startTeamHub } from '../test/support/team-hub'

const ROOT = resolve(import.meta.dirname, '..')

test('two analysts share a project through a hub on loopback and settle a clash in the Conflicts view', async ({
  page,
  app,
  browser,
}) => {
  test.setTimeout(180_000)
  const hub = await startTeamHub()
  // A second analyst: their own copy of the project, their own app, their own browser context.
  const temp = await mkdtemp(join(tmpdir(), 'sightline-e2e-peer-'))
  const peerDir = join(temp, 'project')
  await cp(join(ROOT, 'data', 'sample'), peerDir, { recursive: true })
  const peer = await startApp(peerDir, join(temp, 'user-data'))
  const otherContext = await browser.newContext()
  const other = await otherContext.newPage()
  try {
    const mine = {
      shell: new AppShell(page),
      team: new TeamPage(page),
      groups: new GroupsPage(page),
    }
    const theirs = {
      shell: new AppShell(other),
      team: new TeamPage(other),
      groups: new GroupsPage(other),
      conflicts: new ConflictsPage(other),
    }
    const url = hub.databaseUrl('team')

    await mine.shell.open(app.url)
    await mine.shell.goTo('Team')
    await mine.team.setName('Amina')
    await mine.team.linkTo(url)
    await mine.team.syncNow()

    await theirs.shell.open(peer.url)
    await theirs.shell.goTo('Team')
    await theirs.team.setName('Bashir')
    await theirs.team.linkTo(url)
    await theirs.team.syncNow()
    await expect(theirs.team.conflictsLink).toHaveCount(0)

    // An edit in one project reaches the other's grid after a sync.
    await mine.shell.goTo('Groups')
    await mine.groups.editText('Wolf Unit', 'Name', 'Wolf Unit (Panjshir)')
    await expect(mine.groups.row('Wolf Unit (Panjshir)')).toBeVisible()
    await mine.shell.goTo('Team')
    await mine.team.syncNow()
    await theirs.team.syncNow()
    await theirs.shell.goTo('Groups')
    await expect(theirs.groups.row('Wolf Unit (Panjshir)')).toBeVisible()

    // Both rename the same group offline: a conflict, settled through the view.
    await mine.shell.goTo('Groups')
    await mine.groups.editText('Freedom Uprising', 'Name', 'Freedom Uprising (Amina)')
    await expect(mine.groups.row('Freedom Uprising (Amina)')).toBeVisible()
    await theirs.groups.editText('Freedom Uprising', 'Name', 'Freedom Uprising (Bashir)')
    await expect(theirs.groups.row('Freedom Uprising (Bashir)')).toBeVisible()
    await mine.shell.goTo('Team')
    await mine.team.syncNow()
    await theirs.shell.goTo('Team')
    await theirs.team.syncNow()
    await expect(theirs.team.conflictsLink).toHaveText('1 conflict')

    await theirs.shell.goTo('Conflicts')
    const detail = await theirs.conflicts.open('Freedom Uprising (Bashir)')
    await expect(
      detail.getByRole('row').filter({ hasText: 'Freedom Uprising (Amina)' }),
    ).toBeVisible()
    await theirs.conflicts.keep('Freedom Uprising (Bashir)', 'name', 'Theirs')
    await theirs.conflicts.resolveButton.click()
    await expect(theirs.conflicts.allClear).toBeVisible()

    await theirs.shell.goTo('Team')
    await theirs.team.syncNow()
    await mine.team.syncNow()
    for (const side of [mine, theirs]) {
      await side.shell.goTo('Groups')
      await expect(side.groups.row('Freedom Uprising (Amina)')).toBeVisible()
      await expect(side.groups.row('Freedom Uprising (Bashir)')).toHaveCount(0)
      await expect(side.team.conflictsLink).toHaveCount(0)
    }
  } finally {
    await otherContext.close()
    const exited = new Promise((done) => peer.process.once('exit', done))
    peer.process.kill('SIGTERM')
    await exited
    await rm(temp, { recursive: true, force: true })
    await hub.close()
  }
})
