import { expect, test as base } from './fixtures'
import {
  HOSTILE_ENTITY_NAME,
  HOSTILE_NOTE_TITLE,
  plantHostileContent,
  IMG_PAYLOAD,
  SCRIPT_PAYLOAD,
} from './hostile-project'
import { AppShell } from './pages/AppShell'
import { GroupsPage } from './pages/GroupsPage'
import { NotesPage } from './pages/NotesPage'

const test = base.extend({
  prepareProject: async ({}, use) => use(plantHostileContent),
})

declare global {
  interface Window {
    __pwned?: unknown
  }
}

test('HTML and script in a source, a quote, an entity name and a note stay inert text', async ({
  page,
  app,
}) => {
  // Beyond the fixture's check for other hosts: nothing but the app's own files and API calls.
  const unexpected: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol === 'data:') return
    if (
      url.pathname === '/' ||
      url.pathname.startsWith('/assets/') ||
      url.pathname.startsWith('/api/')
    )
      return
    unexpected.push(request.url())
  })
  const shell = new AppShell(page)
  const notes = new NotesPage(page)
  await shell.open(app.url)

  // The entity's name in the grid.
  const groups = new GroupsPage(page)
  await expect(groups.row(HOSTILE_ENTITY_NAME)).toBeVisible()

  // The note: its title in the list and editor, its body in the preview.
  await shell.goTo('Notes')
  await notes.open(HOSTILE_NOTE_TITLE)
  await expect(notes.preview.getByRole('heading', { level: 1 })).toHaveText(
    `Payloads ${SCRIPT_PAYLOAD}`,
  )
  await expect(notes.preview.getByText(`${IMG_PAYLOAD} raw HTML in a paragraph.`)).toBeVisible()
  await expect(notes.preview.locator('img, script, iframe, svg, object, embed')).toHaveCount(0)
  const hrefs = await notes.preview
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  expect(hrefs.filter((href) => !href.startsWith('#/'))).toEqual([])
  await notes.preview.getByText('click me').click()
  await notes.preview.getByText('data link').click()

  // The quote and its source in the citation's card, the entity as a mention.
  await notes.citation(1).hover()
  const card = notes.preview.getByRole('tooltip').filter({ hasText: 'The militia wrote' })
  await expect(card).toContainText(`The militia wrote ${IMG_PAYLOAD} on its channel`)
  await expect(card).toContainText(`Channel dump ${IMG_PAYLOAD}`)
  await expect(notes.mention('the front')).toHaveAttribute(
    'title',
    `${HOSTILE_ENTITY_NAME} (group)`,
  )

  // The type-ahead lists show quotes and names as text.
  await notes.typeAtEnd('\n[[militia wrote')
  await expect(
    notes.suggestions.getByRole('option').filter({ hasText: `wrote ${IMG_PAYLOAD}` }),
  ).toBeVisible()
  await page.keyboard.press('Escape')
  await page.keyboard.type('\n@Evil')
  await expect(
    notes.suggestions.getByRole('option').filter({ hasText: HOSTILE_ENTITY_NAME }),
  ).toBeVisible()
  await page.keyboard.press('Enter')
  await notes.waitUntilSaved()

  // The source's own view, whatever state it is in.
  await shell.goTo('Sources')
  await expect(page.getByRole('heading', { name: 'Sources', level: 2 })).toBeVisible()
  await page.goto(`${new URL(app.url).origin}/#/sources/src-hostile?a=ann-hostile`)
  await page.waitForLoadState('networkidle')

  expect(await page.evaluate(() => window.__pwned)).toBeUndefined()
  expect(await page.locator('script:not([src])').count()).toBe(0)
  expect(unexpected, 'requests for anything but the app and its API').toEqual([])
})
