import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { ReaderPage } from './pages/ReaderPage'
import { ImportHost } from './pages/ImportHost'

const REPORT = [
  'Night raid in Taloqan',
  '',
  'Residents said gunfire lasted two hours. The NFF said its fighters attacked a Taliban checkpoint in Takhar on Tuesday. No one else confirmed the account.',
  '',
  'Officials in Kunduz did not comment.',
].join('\n')
const CLAIM = 'The NFF said its fighters attacked a Taliban checkpoint in Takhar on Tuesday.'

test('the first graded, linked claim takes five actions: drop, select, 4, pick the group, Enter', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const reader = new ReaderPage(page)
  const imports = new ImportHost(page)
  await shell.open(app.url)
  await expect(shell.currentView()).toHaveText('Groups')

  // 1. Drop the file anywhere in the window (here on the Groups grid): it opens in the reader.
  await imports.dropFile('taloqan-raid.txt', REPORT)
  await expect(reader.title).toHaveText('Night raid in Taloqan', { timeout: 20_000 })
  // 2. Select the sentence.
  await reader.selectWithMouse(CLAIM)
  await expect(reader.adder.getByRole('button', { name: 'Cite in note…' })).toBeVisible()
  // 3. Its credibility, 4: the editor opens beside the text, graded, the source still F.
  await page.keyboard.press('4')
  await expect(reader.editor.getByRole('blockquote')).toHaveText(CLAIM)
  await expect(reader.grade).toHaveText('F4')
  await expect(reader.text).toBeVisible()
  // The names the sentence mentions are offered: the group by its acronym.
  const nff = reader.offeredEntity(/^National Freedom Front/)
  await expect(nff).toHaveAttribute('aria-pressed', 'false')
  // 4. Pick the offered group.
  await nff.click()
  await expect(nff).toHaveAttribute('aria-pressed', 'true')
  // 5. Enter saves.
  await page.keyboard.press('Enter')

  await expect(reader.editor).toBeHidden()
  const item = reader.annotationItem('The NFF said its fighters')
  await expect(item).toContainText('Claim · credibility 4 · grade F4')
  await expect(item).toContainText('About: National Freedom Front')
  await reader.highlight(CLAIM).hover()
  await expect(reader.tooltip).toContainText('credibility 4 (Doubtful) · grade F4')

  // Ctrl+Z takes the claim back.
  await page.mouse.move(0, 0)
  await page.keyboard.press('ControlOrMeta+z')
  await expect(reader.status).toContainText('Undone: annotation')
  await expect(reader.annotationItem('The NFF said its fighters')).toHaveCount(0)
  await expect(reader.highlight(CLAIM)).toHaveCount(0)
})

test('the editor grades the source, takes kind and entities by key, and Ctrl+O imports from any view', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const reader = new ReaderPage(page)
  await shell.open(app.url)
  await shell.goTo('Notes')

  // Ctrl+O from the Notes view picks a file; one file opens in the reader.
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('ControlOrMeta+o')
  await (
    await chooser
  ).setFiles({ name: 'raid.txt', mimeType: 'text/plain', buffer: Buffer.from(REPORT) })
  await expect(reader.title).toHaveText('Night raid in Taloqan', { timeout: 20_000 })

  // A opens the editor at 6 ("cannot be judged"); a digit grades, then digits toggle the chips.
  await reader.selectWithMouse(CLAIM)
  await page.keyboard.press('a')
  await expect(reader.grade).toHaveText('F6')
  await reader.editor.getByRole('combobox', { name: 'Source reliability' }).selectOption('B')
  await expect(reader.grade).toHaveText('B6')
  await reader.editor.getByRole('radio', { name: '6 — Truth cannot be judged' }).focus()
  await page.keyboard.press('2')
  await expect(reader.grade).toHaveText('B2')
  // The focus moved onto the chips: digits toggle them now, in the order the sentence names them.
  await expect(reader.editor.getByRole('list').first().getByRole('button')).toHaveText([
    /National Freedom Front/,
    /Taliban/,
    /Takhar/,
  ])
  await page.keyboard.press('1')
  await page.keyboard.press('3')
  await expect(reader.offeredEntity(/^National Freedom Front/)).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(reader.offeredEntity(/^Taliban/)).toHaveAttribute('aria-pressed', 'false')
  await expect(reader.offeredEntity(/^Takhar/)).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('f')
  await expect(reader.editor.getByRole('radio', { name: 'Fact', exact: true })).toBeChecked()
  await page.keyboard.press('ControlOrMeta+Enter')

  const item = reader.annotationItem('The NFF said its fighters')
  await expect(item).toContainText('Fact · credibility 2 · grade B2')
  await expect(item).toContainText('National Freedom Front')
  await expect(item).toContainText('Takhar')
  // The source took the letter chosen in the editor.
  await expect(page.getByText(/reliability B/)).toBeVisible()
})
