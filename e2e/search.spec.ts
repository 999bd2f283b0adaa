import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { EvidencePanel } from './pages/EvidencePanel'
import { SearchBox } from './pages/SearchBox'

test('global search lists entities, notes and passages in groups, each passage once', async ({
  page,
  app,
}) => {
  await new AppShell(page).open(app.url)
  const search = new SearchBox(page)

  await search.search('NFF')
  await expect(
    search.group('Entities').getByRole('link', { name: /National Freedom Front/ }),
  ).toBeVisible()
  await expect(search.group('Notes').getByRole('link', { name: /Weighing the NFF/ })).toBeVisible()
  await expect(search.group('Passages').getByRole('link').first()).toBeVisible()

  // Two quotes and the text of the brief hold "at least 13 anti-Taliban armed groups": one hit.
  await search.search('13 anti-Taliban')
  const passages = search
    .group('Passages')
    .getByRole('link')
    .filter({ hasText: 'at least 13 anti-Taliban armed groups' })
  await expect(passages).toHaveCount(1)
})

test('arrow keys move through the results, and an entity hit opens its panel', async ({
  page,
  app,
}) => {
  await new AppShell(page).open(app.url)
  const search = new SearchBox(page)
  await search.type('NFF')
  const first = search.group('Entities').getByRole('link').first()
  await expect(first).toBeVisible()

  await search.input.press('ArrowDown')
  await expect(first).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(first).not.toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(first).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(search.input).toBeFocused()

  await search.input.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(new EvidencePanel(page, 'National Freedom Front').panel).toBeVisible()
})
