import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { EntityGridPage } from './pages/EntityGridPage'
import { EvidencePanel } from './pages/EvidencePanel'
import { GraphPage } from './pages/GraphPage'
import { ReaderPage } from './pages/ReaderPage'
import { SourcesPage } from './pages/SourcesPage'
import { SuggestionsPanel } from './pages/SuggestionsPanel'
import { TimelinePage } from './pages/TimelinePage'

const TITLE = 'Logar Defence Front statement'
const LED_BY =
  'A new armed group, the Logar Defence Front (LDF), led by Karim Haidari, says it is operating in Logar and Wardak.'

const ARTICLE = [
  TITLE,
  '',
  `${LED_BY} Its claims could not be checked.`,
  '',
  'Residents said the front has been active in Paktia since 2023.',
].join('\n')

const LEADS = 'Karim Haidari leads Logar Defence Front'
const WARDAK = 'Logar Defence Front operates in Wardak'

test('import a document, accept a "led by" suggestion as one evidenced chain, undo it, and dismiss one for good', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const sources = new SourcesPage(page)
  const reader = new ReaderPage(page)
  const suggestions = new SuggestionsPanel(page)
  const openArticle = async (): Promise<void> => {
    await shell.goTo('Sources')
    await sources.openSource(TITLE)
    await suggestions.open()
  }
  await shell.open(app.url)
  await shell.goTo('Sources')
  await sources.waitForList()
  await sources.importFiles([
    { name: 'ldf.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE, 'utf8') },
  ])

  // Right after the import, what the text names is offered with the result.
  const result = sources.resultFor('ldf.txt')
  await expect(result).toContainText(/\d+ suggestions: 1 group, 1 person, 3 places/, {
    timeout: 20_000,
  })
  await result.getByRole('link', { name: 'Review the suggestions' }).click()
  await expect(suggestions.tab).toHaveAttribute('aria-selected', 'true')
  await expect(suggestions.summary).toContainText('suggestions')

  // The "led by" sentence, its words highlighted, proposing both new entities and the relation.
  const card = suggestions.card(LEADS)
  await expect(card.locator('mark')).toContainText(['LDF', 'led by', 'Karim Haidari'])
  await expect(card).toContainText('new person')
  await expect(card).toContainText('new group')
  await expect(card.getByRole('combobox', { name: 'Credibility' })).toHaveValue('6')
  await suggestions.grade(LEADS, '2 — Probably true')
  await suggestions.accept(LEADS)
  await expect(reader.status).toContainText('Accepted: 1 quote, 2 new entities')
  await expect(suggestions.acceptButton(LEADS)).toHaveCount(0)

  // The quote sits in the text and in the annotation list, graded as set.
  await expect(reader.highlight('led by Karim Haidari')).toBeVisible()
  await suggestions.annotationsTab.click()
  await expect(reader.annotations).toContainText('credibility 2')
  await expect(reader.annotations).toContainText('Logar Defence Front')

  // The group and the person in the grids, the quote behind the group in its evidence panel.
  await shell.goTo('Groups')
  const groups = new EntityGridPage(page, 'Groups')
  await expect(groups.row('Logar Defence Front')).toBeVisible()
  await groups.selectRow('Logar Defence Front')
  const evidence = new EvidencePanel(page, 'Logar Defence Front')
  await expect(evidence.quotes.filter({ hasText: 'led by Karim Haidari' })).toHaveCount(1)
  await expect(evidence.relation(/Karim Haidari leads Logar Defence Front/)).toBeVisible()
  await shell.goTo('People')
  const people = new EntityGridPage(page, 'People')
  await expect(people.row('Karim Haidari')).toBeVisible()

  // The relation on the chart, with the sentence as its evidence.
  await shell.goTo('Graph')
  const graph = new GraphPage(page)
  await graph.ready()
  await expect(graph.relationRow('Karim Haidari', 'leads', 'Logar Defence Front')).toBeVisible()
  await graph.openRelation('Karim Haidari', 'leads', 'Logar Defence Front')
  await expect(graph.relationPanel.getByRole('article')).toContainText(LED_BY)

  // One undo takes all of it back: relation, entities and quote.
  await openArticle()
  await suggestions.undoButton.click()
  await expect(reader.status).toContainText(`Undone: accept of “${LEADS}”`)
  await expect(suggestions.acceptButton(LEADS)).toBeVisible()
  await expect(reader.highlight('led by Karim Haidari')).toHaveCount(0)
  await shell.goTo('Groups')
  await expect(groups.heading).toBeVisible()
  await expect(groups.row('National Resistance Front')).toBeVisible()
  await expect(groups.row('Logar Defence Front')).toHaveCount(0)
  await shell.goTo('Graph')
  await graph.ready()
  await expect(graph.entityRow('Karim Haidari')).toHaveCount(0)
  await expect(graph.entityRow('Logar Defence Front')).toHaveCount(0)

  // A dismissed suggestion stays dismissed for this source, after a reload too.
  await openArticle()
  await suggestions.dismiss(WARDAK)
  await expect(suggestions.acceptButton(WARDAK)).toHaveCount(0)
  await page.reload()
  await suggestions.open()
  await expect(suggestions.acceptButton(LEADS)).toBeVisible()
  await expect(suggestions.acceptButton(WARDAK)).toHaveCount(0)
  await expect(suggestions.dismissed).toContainText(WARDAK)
})

const SAMPLE_BRIEF = 'Armed opposition to the Taliban since 2021 — analyst brief'
const SURFACED = 'Thirteen armed groups surface'

test('a date in the sample’s text becomes a dated event in one step, shown in the Events grid and on the timeline', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const sources = new SourcesPage(page)
  const reader = new ReaderPage(page)
  const suggestions = new SuggestionsPanel(page)
  await shell.open(app.url)
  await shell.goTo('Sources')
  await sources.openSource(SAMPLE_BRIEF)
  await suggestions.open()

  // The editor opens prefilled from the sentence: kind from its words, the date as found.
  await suggestions.createEvent('August 2021')
  const editor = suggestions.eventEditor
  await expect(editor.getByLabel('Title')).toHaveValue(
    /^Since the Taliban returned to power in August 2021/,
  )
  await expect(editor.getByLabel('Kind of event')).toHaveValue('formation')
  await expect(editor.getByLabel('Date', { exact: true })).toHaveValue('2021-08-01')
  await expect(editor.getByLabel('Precision')).toHaveValue('month')
  await expect(editor.getByLabel('Date as written')).toHaveValue('August 2021')
  await expect(editor.getByRole('list', { name: 'Participants' })).toContainText('Taliban')
  await editor.getByLabel('Title').fill(SURFACED)
  await editor.getByLabel('Kind of event').selectOption('other')
  await suggestions.acceptEvent()
  await expect(reader.status).toContainText(
    'Accepted: 1 new entity (Thirteen armed groups surface), 1 relation',
  )

  // In the Events grid with its date.
  await shell.goTo('Events')
  const events = new EntityGridPage(page, 'Events')
  await expect(events.row(SURFACED)).toBeVisible()
  await expect(await events.cell(SURFACED, 'Date')).toHaveText('2021-08-01')

  // On the timeline's list, dated to its month.
  const timeline = new TimelinePage(page)
  await shell.goTo('Timeline')
  await expect(timeline.heading).toBeVisible()
  await expect(timeline.item(SURFACED)).toBeVisible()
  await expect(timeline.item(SURFACED)).toHaveAccessibleName(/August 2021/)
})
