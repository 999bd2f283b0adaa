/**
 * A project full of hostile content (remote images, fonts, stylesheets, scripts, frames,
 * event handlers) is imported and shown in every view: not one request leaves 127.0.0.1
 * (the fixture counts them), the CSP reports no violation (nothing even tried), no script
 * of the content runs, and the markup is shown as the text it is.
 */
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { GroupsPage } from './pages/GroupsPage'
import { ProjectPanel } from './pages/ProjectPanel'

const REMOTE = 'http://remote.invalid'

/** Each payload tries another way to fetch something or run something. */
const PAYLOADS = [
  `<img src=${REMOTE}/pixel.png onerror="window.__pwned='img'">`,
  `<script src=${REMOTE}/evil.js></script><script>window.__pwned='script'</script>`,
  `<link rel=stylesheet href=${REMOTE}/evil.css>`,
  `<style>@font-face{font-family:x;src:url(${REMOTE}/font.woff2)} body{background:url(${REMOTE}/bg.png)}</style>`,
  `<iframe src=${REMOTE}/frame srcdoc="<script>parent.__pwned='frame'</script>"></iframe>`,
  `<svg onload="window.__pwned='svg'"><image href="${REMOTE}/svg.png"/></svg>`,
  `<video poster=${REMOTE}/poster.jpg><source src=${REMOTE}/clip.mp4></video>`,
  `<object data=${REMOTE}/object.swf></object><embed src=${REMOTE}/embed.swf>`,
  `<meta http-equiv="refresh" content="0;url=${REMOTE}/refresh"><base href="${REMOTE}/">`,
  `<a href="javascript:window.__pwned='link'">click</a> ![image](${REMOTE}/markdown.png)`,
  `<form action=${REMOTE}/form><button formaction=${REMOTE}/x>go</button></form>`,
  `"><img src=x onerror="window.__pwned='attribute'">{{constructor.constructor('window.__pwned=1')()}}`,
]

const ROOT = resolve(import.meta.dirname, '..')

interface SampleFile {
  schemaVersion: number
  project: { name: string; description: string }
  sources: {
    id: string
    title: string
    publisher?: string
    contentHash: string
    length: number
    origin: { fileName: string; format: string }
  }[]
  entities: { id: string; type: string; name: string; aliases: string[]; description: string }[]
  notes: unknown[]
  [key: string]: unknown
}

/** The sample project as an export file, with every visible text field made hostile. */
async function hostileExport(): Promise<{ content: string; nrfName: string }> {
  const sample = join(ROOT, 'data', 'sample')
  const file = JSON.parse(await readFile(join(sample, 'project.json'), 'utf8')) as SampleFile
  const texts: Record<string, string> = {}
  for (const source of file.sources) {
    texts[source.contentHash] = await readFile(
      join(sample, 'sources', `${source.contentHash}.txt`),
      'utf8',
    )
  }
  file.project.name = `Hostile project <img src=${REMOTE}/title.png onerror="window.__pwned='title'">`
  file.project.description = PAYLOADS.join('\n')
  const groups = file.entities.filter((e) => e.type === 'group')
  groups.forEach((group, index) => {
    const payload = PAYLOADS[index % PAYLOADS.length]!
    group.name = `${group.name} ${payload}`.slice(0, 300)
    group.aliases = [payload.slice(0, 300)]
    group.description = PAYLOADS.join(' ')
  })
  // A source whose document is itself hostile HTML, as an import of a web page would be.
  const html = `<html><head><script src=${REMOTE}/head.js></script></head><body>${PAYLOADS.join('\n')}</body></html>`
  const hash = createHash('sha256').update(html, 'utf8').digest('hex')
  texts[hash] = html
  const template = file.sources[0]!
  file.sources.push({
    ...template,
    id: 'src-hostile',
    title: `Hostile page ${PAYLOADS[0]}`,
    publisher: PAYLOADS[2]!,
    contentHash: hash,
    length: html.length,
    origin: { fileName: 'hostile.html', format: 'html' },
  })
  const content = JSON.stringify({
    format: 'sightline-project',
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    project: file,
    texts,
  })
  return { content, nrfName: groups.find((g) => g.id === 'grp-nrf')!.name }
}

test('hostile content shown in every view makes no remote request and runs no script', async ({
  page,
  app,
}, testInfo) => {
  const shell = new AppShell(page)
  const groups = new GroupsPage(page)
  const panel = new ProjectPanel(page)
  const seen: string[] = []
  page.on('request', (request) => seen.push(request.url()))

  await shell.open(app.url)
  await expect(groups.row('Wolf Unit')).toBeVisible()
  const path = testInfo.outputPath('hostile.sightline.json')
  const { content, nrfName } = await hostileExport()
  expect(nrfName).toMatch(/^National Resistance Front </)
  await writeFile(path, content)
  await panel.open()
  await panel.importFile(path)
  await expect(panel.dialog).toBeHidden()

  await expect(shell.projectName).toContainText('Hostile project <img src=')
  // Markup is text: the grid shows the characters, and no element was made from them.
  await expect(groups.row(nrfName)).toBeVisible()
  await expect(
    page.locator('main img, main iframe, main object, main embed, main video'),
  ).toHaveCount(0)

  for (const view of ['Graph', 'Sources', 'Notes', 'Reports', 'Groups'] as const) {
    await shell.goTo(view)
    await expect(shell.currentView()).toHaveText(view)
    await expect(page.getByRole('heading', { name: view, level: 2 })).toBeVisible()
  }
  await panel.open()
  await expect(panel.dialog).toContainText('Hostile project <img')
  await panel.close()
  await page.reload()
  await expect(shell.projectName).toContainText('Hostile project')

  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
  expect(seen.filter((url) => url.includes('remote.invalid'))).toEqual([])
  // Every request went to the app's own server (the fixture checks the same after the test).
  expect(
    seen.every((url) => url.startsWith(new URL(app.url).origin) || url.startsWith('blob:')),
  ).toBe(true)
})
