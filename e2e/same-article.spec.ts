import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { SourcesPage, type FileToImport } from './pages/SourcesPage'

const PARAGRAPHS = [
  'The National Freedom Front said on Tuesday that its fighters had attacked a checkpoint in Takhar province, killing two guards.',
  'Officials in the provincial capital denied the account and said the post had not been attacked at all during the night.',
  'The front, led by a former army chief, claims to coordinate with thousands of former soldiers through encrypted channels.',
  'Independent observers have not been able to confirm the figure, and the group has given no evidence of its strength so far.',
]
const TITLE = 'Front claims checkpoint attack in Takhar'
const HTML = `<!doctype html><html><head><title>${TITLE}</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/subscribe">Subscribe</a></nav>
<article><h1>${TITLE}</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>
<footer>All rights reserved.</footer></body></html>`
// The same article copied from the browser: headline and byline kept, menus gone.
const TXT = `${TITLE}\n\nBy a staff reporter\n\n${PARAGRAPHS.join('\n\n')}\n`

const file = (name: string, mimeType: string, text: string): FileToImport => ({
  name,
  mimeType,
  buffer: Buffer.from(text, 'utf8'),
})

test('the .txt copy of an imported web page is flagged as the same article and becomes a version', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  await shell.open(app.url)
  await shell.goTo('Sources')
  const sources = new SourcesPage(page)

  await sources.importFiles([file('front.html', 'text/html', HTML)])
  await expect(sources.resultFor('front.html')).toContainText('Imported')
  await expect(sources.resultFor('front.html')).not.toContainText('Looks like the same document')

  await shell.goTo('Sources')
  await sources.importFiles([file('front.txt', 'text/plain', TXT)])
  const result = sources.resultFor('front.txt')
  await expect(result).toContainText(`Looks like the same document as “${TITLE}”`)
  await sources.addAsVersionButton('front.txt', TITLE).click()
  await expect(result).toContainText(`Kept as a new version of “${TITLE}”`)

  // One source of that title is left, now holding the copied text.
  await expect(sources.row(TITLE)).toHaveCount(1)
  await expect(sources.row('front.txt')).toHaveCount(0)
})
