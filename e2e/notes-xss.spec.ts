import { expect, test as base } from './fixtures'
import {
  HOSTILE_ENTITY_NAME,
  HOSTILE_NOTE_TITLE,
  plantHostileContent,
  IMG_PAYLOAD,
  SCRIPT_PAYLOAD,
} from './support/hostile-project'
import { AppShell } from './pages/AppShell'
import { EvidencePanel } from './pages/EvidencePanel'
import { GroupsPage } from './pages/GroupsPage'
import { NotesPage } from './pages/NotesPage'
import { ReaderPage } from './pages/ReaderPage'

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

  // The source in the reader, scrolled to the hostile quote.
  await page.goto(`${new URL(app.url).origin}/#/sources/src-hostile?a=ann-hostile`)
  const reader = new ReaderPage(page)
  await expect(reader.text).toContainText(`The militia wrote ${IMG_PAYLOAD} on its channel`)
  await expect(reader.text).toContainText(SCRIPT_PAYLOAD)
  await expect(reader.highlight('The militia wrote')).toBeFocused()

  // The entity's evidence panel.
  await page.goto(`${new URL(app.url).origin}/#/groups?e=grp-hostile`)
  const panel = new EvidencePanel(page, HOSTILE_ENTITY_NAME)
  await expect(panel.panel.getByRole('heading', { level: 3 })).toHaveText(HOSTILE_ENTITY_NAME)
  await expect(
    panel.panel.getByRole('region', { name: 'Mentioned in notes' }).getByRole('link'),
  ).toHaveText(HOSTILE_NOTE_TITLE)
  await expect(page.locator('main img, main script, main iframe, main svg')).toHaveCount(0)
  await page.waitForLoadState('networkidle')

  expect(await page.evaluate(() => window.__pwned)).toBeUndefined()
  expect(await page.locator('script:not([src])').count()).toBe(0)
  expect(unexpected, 'requests for anything but the app and its API').toEqual([])
})
