import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { EvidencePanel } from './pages/EvidencePanel'
import { ReaderPage } from './pages/ReaderPage'
import { SourcesPage } from './pages/SourcesPage'

async function openBrief(page: Page, url: string): Promise<ReaderPage> {
  const shell = new AppShell(page)
  await shell.open(url)
  await shell.goTo('Sources')
  await new SourcesPage(page).openSource(/analyst brief/)
  const reader = new ReaderPage(page)
  await expect(reader.text).toContainText('National Freedom Front')
  return reader
}

test('known entities are underlined in the text, and a click opens their evidence', async ({
  page,
  app,
}) => {
  const reader = await openBrief(page, app.url)
  // By name, by acronym (its case kept), in Arabic script.
  await expect(reader.mention('Mohammad Yasin Zia')).toBeVisible()
  await expect(reader.mention('NFF')).toBeVisible()
  await expect(reader.mention('پنجشیر')).toBeAttached()

  await reader.mention('Mohammad Yasin Zia').click()
  const panel = new EvidencePanel(page, 'Mohammad Yasin Zia')
  await expect(panel.panel).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(panel.panel).toHaveCount(0)

  // A drag across a name selects it (to annotate) instead of opening its panel.
  await reader.selectWithMouse('Panjshir')
  await expect(page.getByRole('complementary', { name: 'Panjshir' })).toHaveCount(0)
})

test('the underlined names are reached by key without making them tab stops, and a drag still selects', async ({
  page,
  app,
}) => {
  const reader = await openBrief(page, app.url)
  // No name is a tab stop: tabbing never lands in the middle of the text.
  await expect(reader.focusableMentions).toHaveCount(0)

  // N focuses the first name in view; the arrows move; Enter opens the name's evidence.
  await reader.reachMentionByKey('Mohammad Yasin Zia')
  await page.keyboard.press('Enter')
  const panel = new EvidencePanel(page, 'Mohammad Yasin Zia')
  await expect(panel.panel).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(panel.panel).toHaveCount(0)
  // The focus comes back to the name; Escape leaves the names.
  await expect(reader.focusedMention).toHaveText('Mohammad Yasin Zia')
  await page.keyboard.press('Escape')
  await expect(reader.focusedMention).toHaveCount(0)

  // Once the focus has left them the names are plain text again, and a drag selects.
  await expect(reader.focusableMentions).toHaveCount(0)
  await reader.selectWithMouse('Panjshir')
  await expect(page.getByRole('complementary', { name: 'Panjshir' })).toHaveCount(0)
})

test('highlights take their kind’s colour and carry the grade; a status line never moves the text', async ({
  page,
  app,
}) => {
  const reader = await openBrief(page, app.url)
  const background = (id: string) =>
    reader.highlightOf(id).evaluate((el) => getComputedStyle(el).backgroundColor)
  // ann-nff-leader is a fact, ann-nff-70-percent a claim, ann-nff-planning an assessment.
  const fact = await background('ann-nff-leader')
  const claim = await background('ann-nff-70-percent')
  const assessment = await background('ann-nff-planning')
  expect(new Set([fact, claim, assessment]).size).toBe(3)
  // The brief is graded B; the leader quote 2, the 70% claim 4.
  expect(await reader.gradeMark('ann-nff-leader')).toBe('B2')
  expect(await reader.gradeMark('ann-nff-70-percent')).toBe('B4')

  const before = (await reader.text.boundingBox())!.y
  await reader.status.evaluate((el) => {
    el.textContent =
      'Annotation saved. A message long enough to need a second line at this width would push the text down if the line could grow; it must not.'
  })
  const after = (await reader.text.boundingBox())!.y
  expect(after).toBe(before)
})
