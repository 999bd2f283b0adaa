/**
 * Untrusted files, as an analyst meets them: a project folder whose source text is a link
 * to a file elsewhere, and documents that are too big to read or take long. The link is
 * never followed (the source shows as damaged everywhere, its quotes wait for review and
 * the project file is not touched); a zip bomb is refused with a clear message; a long PDF
 * shows the pages read and can be cancelled; a right-to-left override in a title is gone.
 */
import { readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { ReaderPage } from './pages/ReaderPage'
import { RecoveryPage } from './pages/RecoveryPage'
import { SourcesPage } from './pages/SourcesPage'
import { makeLargePdf, makeZipBombDocx } from '../test/support/documents'
import { storedText } from '../test/support/stored'

const SAMPLE_TITLE = 'Armed opposition to the Taliban since 2021 — analyst brief'
const SECRET = 'the outside secret 7f3a'

/** Where the copy of the sample keeps the text of its one source. */
async function sampleTextPath(projectDir: string): Promise<string> {
  const project = JSON.parse(await readFile(join(projectDir, 'project.json'), 'utf8')) as {
    sources: { contentHash: string }[]
  }
  return join(projectDir, 'sources', `${project.sources[0]!.contentHash}.txt`)
}

const linkedAway = test.extend({
  prepareProject: async ({}, use) => {
    await use(async (projectDir) => {
      const outside = join(projectDir, '..', 'outside-secret.txt')
      await writeFile(outside, SECRET)
      const text = await sampleTextPath(projectDir)
      await rm(text)
      await symlink(outside, text)
    })
  },
})

linkedAway(
  'a source text that links outside the folder is shown as damaged, never read',
  async ({ page, app }) => {
    // The app converted project.json to the v2 store files when it opened the folder.
    const before = await storedText(app.projectDir)
    const shell = new AppShell(page)
    const sources = new SourcesPage(page)
    const reader = new ReaderPage(page)
    await shell.open(app.url)
    await shell.goTo('Sources')
    await sources.waitForList()

    const row = sources.row(SAMPLE_TITLE)
    await expect(row).toContainText('Damaged')
    await expect(row).toContainText('is a link to another place, which Sightline does not follow')

    await sources.openSource(SAMPLE_TITLE)
    await expect(reader.damage).toContainText('import the original document again')
    await expect(reader.editTextButton).toHaveCount(0)
    await expect(reader.reviewQueue).toBeVisible()
    await expect(reader.reviewItem(/Source damaged/).first()).toBeVisible()
    await expect(page.getByRole('main')).not.toContainText(SECRET)

    expect(await storedText(app.projectDir)).toBe(before)
  },
)

test('hostile documents: a zip bomb refused, a long PDF followed and cancelled, an RLO title cleaned', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const sources = new SourcesPage(page)
  await shell.open(app.url)
  await shell.goTo('Sources')
  await sources.waitForList()
  const before = await sources.rowCount()

  const bomb = await makeZipBombDocx(120 * 1024 * 1024)
  const page1 = `<!doctype html><html><head><title>Invoice \u202Efdp.exe</title></head><body><article><p>Officials denied that any attack took place near the valley road on Tuesday.</p></article></body></html>`
  await sources.importFiles([
    {
      name: 'bomb.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: bomb,
    },
    { name: 'invoice.html', mimeType: 'text/html', buffer: Buffer.from(page1) },
    { name: 'long.pdf', mimeType: 'application/pdf', buffer: makeLargePdf(6) },
  ])

  await expect(sources.resultFor('bomb.docx').getByRole('alert')).toContainText(
    'expands to more than 100 MB once unzipped',
  )
  await expect(sources.resultFor('invoice.html')).toContainText('Imported.', { timeout: 30_000 })
  await expect(sources.sourceLink('Invoice fdp.exe')).toBeVisible()

  // The PDF is read page by page in the worker; the app keeps answering meanwhile.
  await expect(sources.pagesRead('long.pdf')).toBeVisible({ timeout: 60_000 })
  await expect(sources.resultFor('long.pdf')).toContainText(/Reading page [\d,]+ of [\d,]+…/)
  // Other calls are answered meanwhile: the progress moves on, polled every 400 ms.
  const first = await sources.pagesRead('long.pdf').getAttribute('value')
  await expect
    .poll(() => sources.pagesRead('long.pdf').getAttribute('value'), { timeout: 30_000 })
    .not.toBe(first)
  await sources.cancelImport('long.pdf')
  await expect(sources.resultFor('long.pdf')).toContainText('Cancelled; nothing was added.')
  // The sample's sources and the one HTML page: the bomb and the cancelled PDF added nothing.
  await expect(sources.table.getByRole('row')).toHaveCount(1 + before + 1)
})

const NX_PROJECT = JSON.stringify({
  name: 'web',
  $schema: '../../node_modules/nx/schemas/project-schema.json',
  targets: { build: {} },
})

const foreignFolder = test.extend({
  prepareProject: async ({}, use) => {
    await use(async (projectDir) => {
      await writeFile(join(projectDir, 'project.json'), NX_PROJECT)
    })
  },
})

foreignFolder(
  'a folder holding another tool’s project.json is refused with a message, nothing renamed',
  async ({ page, app }) => {
    const shell = new AppShell(page)
    const recovery = new RecoveryPage(page)
    await shell.open(app.url)
    await expect(recovery.problem).toContainText('looks like an Nx project configuration')
    const names = await readdir(app.projectDir)
    expect(names).toContain('project.json')
    expect(names.filter((n) => n.includes('.corrupt-'))).toEqual([])
    expect(await readFile(join(app.projectDir, 'project.json'), 'utf8')).toBe(NX_PROJECT)
  },
)
