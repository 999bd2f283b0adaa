import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { NotesPage } from './pages/NotesPage'

test('write a note that cites a quote with [[ and mentions an entity with @; it survives a reload', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const notes = new NotesPage(page)
  await shell.open(app.url)
  await shell.goTo('Notes')
  await expect(notes.listItem('Weighing the NFF’s 70% claim')).toBeVisible()

  await notes.createNote('Northern fronts')
  await notes.typeAtEnd('The front ')
  await notes.insertSuggestion('@Nat Free', 'National Freedom Front')
  await notes.page.keyboard.type(' claims a large following ')
  await notes.insertSuggestion('[[70%', 'consolidated about 70%')
  await notes.page.keyboard.type('.')

  await notes.expectMarkdown(
    'The front [National Freedom Front](entity:grp-nff) claims a large following [The NFF claims to have consolidated about 70% of former…](quote:ann-nff-70-percent).',
  )
  await expect(notes.citation(1)).toBeVisible()
  await expect(notes.mention('National Freedom Front')).toHaveAttribute(
    'href',
    '#/groups?e=grp-nff',
  )

  await notes.citation(1).hover()
  const tip = notes.preview.getByRole('tooltip').filter({ hasText: '70% of former' })
  await expect(tip).toBeVisible()
  await expect(tip).toContainText('Armed opposition to the Taliban since 2021')
  await expect(tip).toContainText('grade')

  await notes.waitUntilSaved()
  await expect(notes.listItem('Northern fronts')).toContainText('1 citation')

  await page.reload()
  await expect(notes.title).toHaveValue('Northern fronts')
  await notes.expectMarkdown(/\(quote:ann-nff-70-percent\)\.$/)
  await expect(notes.citation(1)).toBeVisible()
})

test('typing and leaving at once loses nothing', async ({ page, app }) => {
  const shell = new AppShell(page)
  const notes = new NotesPage(page)
  await shell.open(app.url)
  await shell.goTo('Notes')
  await notes.open('Where the groups stand on Mao’s three stages')
  await notes.typeAtEnd('\nA last thought typed in a hurry.')
  await shell.goTo('Groups')
  await shell.goTo('Notes')
  await notes.open('Where the groups stand on Mao’s three stages')
  await notes.expectMarkdown(/A last thought typed in a hurry\.$/)
  await page.reload()
  await notes.expectMarkdown(/A last thought typed in a hurry\.$/)
})

test('reloading with unsaved typing asks first, and the text is saved meanwhile', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const notes = new NotesPage(page)
  await shell.open(app.url)
  await shell.goTo('Notes')
  await notes.open('The armed opposition at a glance')
  await notes.typeAtEnd('\nTyped just before closing.')
  const asked = new Promise<string>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.type())
      // A reader takes a moment to answer the prompt; the save lands meanwhile.
      setTimeout(() => void dialog.accept(), 500)
    })
  })
  await page.reload()
  expect(await asked).toBe('beforeunload')
  await notes.expectMarkdown(/Typed just before closing\.$/)
})

test('the list searches and sorts notes, and a deleted note is gone', async ({ page, app }) => {
  const shell = new AppShell(page)
  const notes = new NotesPage(page)
  await shell.open(app.url)
  await shell.goTo('Notes')
  await notes.sort.selectOption({ label: 'Title' })
  await expect(notes.list.getByRole('link').first()).toContainText(
    'The armed opposition at a glance',
  )
  await notes.sort.selectOption({ label: 'Most citations' })
  await expect(notes.list.getByRole('link').first()).toContainText(
    'The armed opposition at a glance',
  )
  await notes.search.fill('virtual coordination')
  await expect(notes.list.getByRole('link')).toHaveCount(1)
  await expect(notes.list.getByRole('link')).toContainText('Weighing the NFF’s 70% claim')
  await notes.search.fill('')

  await notes.open('Weighing the NFF’s 70% claim')
  await notes.deleteNote()
  await expect(notes.listItem('Weighing the NFF’s 70% claim')).toHaveCount(0)
  await page.reload()
  await expect(notes.listItem('The armed opposition at a glance')).toBeVisible()
  await expect(notes.listItem('Weighing the NFF’s 70% claim')).toHaveCount(0)
})
