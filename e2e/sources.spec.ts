import type { Browser } from '@playwright/test'
import { makeDocx, makePdf } from '../test/support/documents'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { ReaderPage } from './pages/ReaderPage'
import { SearchBox } from './pages/SearchBox'
import { SourcesPage, type FileToImport } from './pages/SourcesPage'

const QUOTE = 'The Wolf Unit claimed an attack on a Taliban checkpoint in Kabul.'

const TXT = [
  'Wolf Unit statement, March 2024',
  '',
  `Residents of the city reported gunfire overnight. ${QUOTE} Officials denied it.`,
  '',
  'The statement was posted on a messaging channel and could not be verified.',
].join('\n')

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Clashes in Andarab | Valley Observer</title>
<meta property="og:site_name" content="Valley Observer">
<meta name="author" content="Field Desk">
<meta property="article:published_time" content="2024-04-02T07:00:00Z">
</head><body>
<nav><a href="/">Home</a> · <a href="/news">News</a> · <a href="/about">About us</a></nav>
<article><h1>Clashes in Andarab</h1>
<p>Fighters of the National Resistance Front clashed with Taliban forces in the Andarab valley on Monday, according to residents who spoke by phone.</p>
<p>The front said it had taken two outposts; the Taliban said the attack was repelled and that the valley was calm by the evening.</p>
<p>Independent confirmation was not possible because mobile networks in the district were cut during the fighting.</p>
</article>
<footer><a href="#top">Back to top</a> © Valley Observer</footer>
</body></html>`

/** A real PDF, printed by the test's own Chromium from an HTML page. */
async function printedPdf(browser: Browser): Promise<Buffer> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.setContent(
    '<html><body style="font-family: sans-serif">' +
      '<h1>Freedom Front field report</h1>' +
      '<p>The National Freedom Front is active in Takhar and Badakhshan provinces.</p>' +
      '<p style="page-break-before: always">Second page: the front claims wide support among former soldiers.</p>' +
      '</body></html>',
  )
  const pdf = await page.pdf({ format: 'A4' })
  await context.close()
  return pdf
}

const file = (name: string, mimeType: string, content: string | Buffer): FileToImport => ({
  name,
  mimeType,
  buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
})

test('import documents of every kind, annotate a sentence, and follow it through edits and search', async ({
  page,
  app,
  browser,
}) => {
  const shell = new AppShell(page)
  const sources = new SourcesPage(page)
  const reader = new ReaderPage(page)
  const search = new SearchBox(page)
  await shell.open(app.url)
  await shell.goTo('Sources')
  await expect(sources.heading).toBeVisible()
  await sources.waitForList()
  const before = await sources.rowCount()

  await sources.importFiles([
    file('wolf-unit.txt', 'text/plain', TXT),
    file('andarab.html', 'text/html', HTML),
    file('freedom-front.pdf', 'application/pdf', await printedPdf(browser)),
    file(
      'statement.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      await makeDocx(['Uprising statement', 'The Freedom Uprising announced a new commander.']),
    ),
    file('broken.pdf', 'application/pdf', '%PDF-1.4 this is not really a PDF'),
  ])
  for (const name of ['wolf-unit.txt', 'andarab.html', 'freedom-front.pdf', 'statement.docx']) {
    await expect(sources.resultFor(name)).toContainText('Imported', { timeout: 20_000 })
  }
  await expect(sources.resultFor('broken.pdf').getByRole('alert')).toContainText(
    /"broken\.pdf" is not a readable PDF/,
  )
  await expect.poll(() => sources.rowCount()).toBe(before + 4)

  // The web page came in as its article, with its metadata.
  await sources.openSource(/Clashes in Andarab/)
  await expect(reader.text).toContainText('Fighters of the National Resistance Front clashed')
  await expect(reader.text).not.toContainText('About us')
  await expect(reader.text).not.toContainText('Back to top')
  await expect(page.getByText(/Valley Observer · Field Desk · 2024-04-02/)).toBeVisible()
  await page.goBack()

  // The PDF kept its pages.
  await sources.openSource('freedom-front')
  await expect(reader.text).toContainText('active in Takhar and Badakhshan provinces')
  await expect(reader.text.locator('[data-page="2"]')).toContainText('Second page')
  await page.goBack()

  // Importing the same text again offers the existing source.
  await sources.importFiles([file('wolf-unit copy.txt', 'text/plain', `${TXT}\n\n`)])
  await expect(sources.resultFor('wolf-unit copy.txt')).toContainText('Already in the project')

  // Select a sentence with the mouse and annotate it as a claim about an existing group.
  await sources.openSource('Wolf Unit statement, March 2024')
  await reader.selectWithMouse(QUOTE)
  await reader.annotateButton.click()
  await expect(reader.dialog.getByRole('blockquote')).toHaveText(QUOTE)
  await reader.fillAnnotation({
    kind: 'Claim',
    credibility: '3 — Possibly true',
    comment: 'Self-reported; no independent confirmation.',
    entity: { type: 'Wolf', pick: /Wolf Unit \(group\)/ },
    tags: 'attack, kabul',
  })
  await expect(reader.highlight(QUOTE)).toHaveText(QUOTE)
  await expect(reader.annotations.getByRole('listitem')).toContainText([/Claim · credibility 3/])
  await expect(reader.annotations).toContainText('About: Wolf Unit')
  await reader.highlight(QUOTE).hover()
  await expect(reader.tooltip).toContainText('credibility 3 (Possibly true)')
  await expect(reader.tooltip).toContainText('Self-reported; no independent confirmation.')

  await page.reload()
  await expect(reader.highlight(QUOTE)).toHaveText(QUOTE)

  // An edit before the quote: the annotation stays on the same words.
  await reader.editText((text) =>
    text.replace('Residents of the city', 'According to a local journalist, residents of the city'),
  )
  await expect(reader.status).toContainText('1 annotation kept its place')
  await expect(reader.highlight(QUOTE)).toHaveText(QUOTE)
  await expect(reader.text).toContainText('According to a local journalist')

  // Words changed inside the quote: it goes to the review queue as a fuzzy match.
  await reader.editText((text) => text.replace('a Taliban checkpoint', 'two Taliban checkpoints'))
  await expect(reader.status).toContainText('1 needs review')
  const item = reader.reviewItem(/Fuzzy match \(\d+%\)/)
  await expect(item).toContainText(`Was: ${QUOTE}`)
  await expect(item).toContainText('two Taliban checkpoints')

  // Search finds the quote and opens the source at it.
  await shell.goTo('Groups')
  await search.search('taliban checkpoint')
  const hit = search.hit('Quote', QUOTE)
  await expect(hit).toBeVisible()
  await hit.click()
  await expect(reader.title).toHaveText('Wolf Unit statement, March 2024')
  await expect(page).toHaveURL(/#\/sources\/[\w-]+\?a=/)
  await expect(reader.highlight('two Taliban checkpoints')).toBeFocused()

  // Accepting the new wording takes it out of the queue.
  await reader
    .reviewItem(/Fuzzy match/)
    .getByRole('button', { name: 'Accept' })
    .click()
  await expect(reader.reviewQueue).toBeHidden()

  // A quote whose sentence is gone loses its place; re-selecting anchors it anew.
  const changedQuote = QUOTE.replace('a Taliban checkpoint', 'two Taliban checkpoints')
  await reader.editText((text) => text.replace(`${changedQuote} `, ''))
  await expect(reader.status).toContainText('1 needs review')
  await reader.reviewItem('Lost its place').getByRole('button', { name: 'Re-select' }).click()
  await reader.selectWithMouse('Officials denied it.')
  await page.getByRole('button', { name: 'Anchor here' }).click()
  await expect(reader.reviewQueue).toBeHidden()
  await expect(reader.highlight('Officials denied it.')).toHaveText('Officials denied it.')
  await expect(reader.annotations).toContainText('Self-reported; no independent confirmation.')
})

test('a broken file of each kind gets a clear message and changes nothing', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const sources = new SourcesPage(page)
  await shell.open(app.url)
  await shell.goTo('Sources')
  await sources.waitForList()
  const before = await sources.rowCount()
  await sources.importFiles([
    file('empty.txt', 'text/plain', ''),
    file('picture.txt', 'text/plain', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])),
    file('nav-only.html', 'text/html', '<html><body><nav>Home</nav></body></html>'),
    file('locked.pdf', 'application/pdf', makePdf([['secret']], { encrypted: true })),
    file('broken.docx', 'application/octet-stream', 'not a zip'),
    file('sheet.xlsx', 'application/octet-stream', 'cells'),
  ])
  const expected: [string, RegExp][] = [
    ['empty.txt', /is empty/],
    ['picture.txt', /binary file/],
    ['nav-only.html', /no readable text/],
    ['locked.pdf', /password-protected/],
    ['broken.docx', /not a valid \.docx/],
    ['sheet.xlsx', /not a format Sightline imports/],
  ]
  for (const [name, message] of expected) {
    await expect(sources.resultFor(name).getByRole('alert')).toContainText(message)
  }
  expect(await sources.rowCount()).toBe(before)
  await page.reload()
  await sources.waitForList()
  expect(await sources.rowCount()).toBe(before)
})

test('paste text, edit its details, and reach the reader from a link with an annotation', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const sources = new SourcesPage(page)
  const reader = new ReaderPage(page)
  await shell.open(app.url)
  await shell.goTo('Sources')
  await sources.pasteButton.click()
  await reader.dialog.getByLabel('Title').fill('Telegram post')
  await reader.dialog
    .getByLabel('Text', { exact: true })
    .fill('Freedom Uprising fighters ambushed a patrol near Mazar.')
  await reader.dialog.getByRole('button', { name: 'Add source' }).click()
  await expect(sources.resultFor('Pasted text')).toContainText('Imported')
  await sources.openSource('Telegram post')
  await page.getByRole('button', { name: 'Details…' }).click()
  await reader.dialog.getByLabel('Publisher').fill('Channel monitor')
  await reader.dialog.getByLabel('Reliability').selectOption({ label: 'C — Fairly reliable' })
  await reader.dialog.getByRole('button', { name: 'Save details' }).click()
  await expect(page.getByText(/Channel monitor · .*reliability C/)).toBeVisible()

  // The sample's annotations open scrolled and focused from a reader link.
  await page.goto(`${new URL(page.url()).origin}/#/sources/src-brief?a=ann-nrf-leader`)
  await expect(reader.highlight('It is led by Ahmad Masoud')).toBeFocused()

  // Deleting an annotation others depend on names them first.
  await reader.annotations
    .getByRole('listitem')
    .filter({ hasText: 'It is led by Ahmad Masoud' })
    .getByRole('button', { name: 'Delete' })
    .click()
  await expect(reader.dialog.getByRole('alert')).toContainText(
    'the relation “Ahmad Masoud leads National Resistance Front”',
  )
  await expect(reader.dialog.getByRole('alert')).toContainText(
    'the note “The armed opposition at a glance”',
  )
  await reader.dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(reader.dialog).toBeHidden()

  // The keyboard shortcut opens the form for a selection, and a new entity can be made there.
  await reader.selectWithMouse('Panjshir')
  await page.keyboard.press('a')
  await expect(reader.dialog.getByRole('blockquote')).toHaveText('Panjshir')
  await reader.dialog.getByRole('combobox', { name: 'Entities' }).fill('Panjshir Valley')
  await reader.dialog.getByRole('option', { name: 'Create “Panjshir Valley”…' }).click()
  await reader.dialog.getByLabel('Type of the new entity').selectOption('place')
  await reader.dialog.getByRole('button', { name: 'Create entity' }).click()
  await expect(reader.dialog.getByRole('list', { name: 'Chosen entities' })).toContainText(
    'Panjshir Valley',
  )
  await reader.dialog.getByRole('button', { name: 'Save annotation' }).click()
  await expect(reader.dialog).toBeHidden()
  await expect(reader.annotations).toContainText('About: Panjshir Valley')
})
