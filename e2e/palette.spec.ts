import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { CommandPalette } from './pages/CommandPalette'
import { NotesPage } from './pages/NotesPage'
import { SearchBox } from './pages/SearchBox'

test('the palette opens a group, a source and a note by name, and runs Export CSV and New note from other views', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const palette = new CommandPalette(page)
  const notes = new NotesPage(page)
  await shell.open(app.url)
  await expect(shell.projectName).not.toBeEmpty()

  // A group by a fuzzy piece of its name (a typo included): its grid opens with its panel.
  await palette.run('freedom frnt', 'Groups', 'National Freedom Front')
  await expect(page).toHaveURL(/#\/groups\?e=grp-nff$/)
  await expect(shell.currentView()).toHaveText('Groups')

  // A source by title: the reader opens it.
  await palette.run('analyst brief', 'Sources', 'Armed opposition to the Taliban')
  await expect(page).toHaveURL(/#\/sources\/[^?]+$/)
  await expect(shell.currentView()).toHaveText('Sources')

  // A note by title.
  await palette.run('70% claim', 'Notes', 'Weighing the NFF’s 70% claim')
  await expect(notes.title).toHaveValue('Weighing the NFF’s 70% claim')

  // "New note" from the Groups view: the palette opens Notes, which creates and opens one.
  await shell.goTo('Groups')
  await palette.run('new note', 'Commands', 'New note')
  await expect(shell.currentView()).toHaveText('Notes')
  await expect(notes.title).toHaveValue('Untitled note')
  await expect(page).toHaveURL(/#\/notes\/.+/)

  // "Export CSV" from the Notes view: the People grid opens and downloads its CSV.
  const download = page.waitForEvent('download')
  await palette.run('export csv', 'Commands', /^Export CSV.*People$/)
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.csv$/)
  const csv = await readFile(await file.path(), 'utf8')
  expect(csv.split('\n')[0]).toContain('Name')
  await expect(shell.currentView()).toHaveText('People')
})

test('? lists the shortcuts of the registry, and each listed key works', async ({ page, app }) => {
  const shell = new AppShell(page)
  const palette = new CommandPalette(page)
  await shell.open(app.url)
  await shell.goTo('Groups')
  await expect(page.getByRole('heading', { name: 'Groups', level: 2 })).toBeVisible()

  const rows = await palette.shortcutRows()
  const listed = rows.map((row) => row.replace(/\s+/g, ' ').trim())
  expect(listed).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Command palette (Ctrl\+K|⌘K)$/),
      expect.stringMatching(/^Keyboard shortcuts \?$/),
      expect.stringMatching(/^Search the project \/$/),
      expect.stringMatching(/^Import files… (Ctrl\+O|⌘O)$/),
      expect.stringMatching(/^Undo the last edit (Ctrl\+Z|⌘Z)$/),
      expect.stringMatching(/^Redo (Ctrl\+Shift\+Z|⌘⇧Z) or (Ctrl\+Y|⌘Y)$/),
    ]),
  )
  await page.keyboard.press('Escape')
  await expect(palette.shortcuts).toBeHidden()

  // The keys the list names do what it says.
  await page.keyboard.press('/')
  await expect(new SearchBox(page).input).toBeFocused()
  // A field keeps the keys it types with: "?" is typed, not a shortcut.
  await page.keyboard.type('?')
  await expect(palette.shortcuts).toBeHidden()
  // Ctrl+K works from a field too.
  await page.keyboard.press('ControlOrMeta+K')
  await expect(palette.input).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(palette.dialog).toBeHidden()

  // The list follows the view: Notes binds none of the grid's undo keys.
  await shell.goTo('Notes')
  const notesRows = await palette.shortcutRows()
  expect(notesRows.join('\n')).not.toContain('Undo the last edit')
})
