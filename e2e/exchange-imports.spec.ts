import { writeFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { ExchangeDialog } from './pages/ExchangeDialog'
import { GroupsPage } from './pages/GroupsPage'
import { ProjectPanel } from './pages/ProjectPanel'
import { ReaderPage } from './pages/ReaderPage'
import { SourcesPage } from './pages/SourcesPage'

/** The sample's news report on Taloqan, named in a W3C target by the hash of its text. */
const TALOQAN_TEXT_HASH = '18ad1354016761e5cd871f1fa51fc0c645947bcf50d94177e8b905160b6f0574'
const QUOTED = 'they heard heavy gunfire for about an hour after midnight on Sunday'
const COMMENT = 'Hypothesis reader: the hour matches the front’s claim of a night attack.'

test('a W3C Web Annotation file is previewed, imported, and its quote shows on its source', async ({
  page,
  app,
}, testInfo) => {
  const shell = new AppShell(page)
  const exchange = new ExchangeDialog(page)
  const path = testInfo.outputPath('taloqan.annotations.jsonld')
  await writeFile(
    path,
    JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      label: 'Annotations from a colleague',
      first: {
        type: 'AnnotationPage',
        items: [
          {
            '@context': 'http://www.w3.org/ns/anno.jsonld',
            id: 'urn:uuid:7c1e4a52-2f7e-4d53-9a0e-3b8c5d1f0a11',
            type: 'Annotation',
            body: [
              { type: 'TextualBody', value: COMMENT, purpose: 'commenting' },
              { type: 'TextualBody', value: 'timing', purpose: 'tagging' },
            ],
            target: {
              source: `urn:sha256:${TALOQAN_TEXT_HASH}`,
              selector: [{ type: 'TextQuoteSelector', exact: QUOTED }],
            },
          },
        ],
      },
    }),
    'utf8',
  )
  await shell.open(app.url)
  await new ProjectPanel(page).openExchange()
  await exchange.previewFileIntoThisProject(path)
  expect(await exchange.counts('Quotes')).toEqual({ create: 1, merge: 0, skip: 0 })
  await exchange.confirmImport()
  await exchange.close()

  await shell.goTo('Sources')
  await new SourcesPage(page).openSource(/Gunfire reported near Taloqan/)
  const reader = new ReaderPage(page)
  await expect(reader.annotationItem(QUOTED)).toContainText(COMMENT)
})

test('a CSV file of entities is previewed with its column mapping, imported, and its groups are listed', async ({
  page,
  app,
}, testInfo) => {
  const shell = new AppShell(page)
  const exchange = new ExchangeDialog(page)
  const groups = new GroupsPage(page)
  const path = testInfo.outputPath('actors.csv')
  await writeFile(
    path,
    [
      'name,type,aliases',
      'Jackal Unit,group,JU;The Jackals',
      'Mountain Lions Front,group,',
      'National Resistance Front,group,Resistance Front',
    ].join('\n'),
    'utf8',
  )
  await shell.open(app.url)
  await expect(groups.row('National Resistance Front')).toBeVisible()
  await new ProjectPanel(page).openExchange()
  await exchange.previewFileIntoThisProject(path)
  await expect(exchange.csvColumn('name')).toHaveValue('name')
  await expect(exchange.csvColumn('aliases')).toHaveValue('aliases')
  // Two groups are new; the third is already in the project and merges with it.
  expect(await exchange.counts('Entities')).toEqual({ create: 2, merge: 1, skip: 0 })
  await exchange.confirmImport()
  await exchange.close()

  await expect(groups.row('Jackal Unit')).toBeVisible()
  await expect(groups.row('Mountain Lions Front')).toBeVisible()
})

test('an import cancelled while the file is read writes nothing and says so', async ({
  page,
  app,
}, testInfo) => {
  const shell = new AppShell(page)
  const exchange = new ExchangeDialog(page)
  const rows = 20_000
  const path = testInfo.outputPath('many.csv')
  await writeFile(
    path,
    ['name,type', ...Array.from({ length: rows }, (_, n) => `Cancelled group ${n},group`)].join(
      '\n',
    ),
    'utf8',
  )
  await shell.open(app.url)
  const before = await shell.recordCounts.innerText()
  await new ProjectPanel(page).openExchange()
  await exchange.chooseThenCancel(path)
  await expect(exchange.cancelledNotice).toContainText('Nothing was imported')
  await expect(exchange.preview).toBeHidden()
  await exchange.close()
  await page.reload()
  await expect(shell.recordCounts).toHaveText(before)
})
