import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { CiteInNoteDialog } from './pages/CiteInNoteDialog'
import { NotesPage } from './pages/NotesPage'
import { ReaderPage } from './pages/ReaderPage'
import { seriousViolations } from './support/axe'
import { savedNoteBody } from './support/stored-project'

const NOTE = 'Chips, not ids'
const CLAIM = 'The NFF claims to have consolidated about 70% of former Afghan security personnel'
const HEAD = 'The front claims a large following.'
const TAIL = ' We doubt it.'
const DARI = 'جبهه این رقم را خودش اعلام کرده است.'

test('a citation is one chip in the note: the caret steps over it, Backspace takes it whole, Ctrl+Z brings it back, the Markdown stays as stored', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const notes = new NotesPage(page)
  const reader = new ReaderPage(page)
  const saved = () => savedNoteBody(app.projectDir, NOTE)
  /** Puts the caret just before the last sentence, from the end of the text. */
  const caretBeforeTail = async (): Promise<void> => {
    await page.keyboard.press('ControlOrMeta+End')
    for (const _ of TAIL) await page.keyboard.press('ArrowLeft')
  }
  await shell.open(app.url)

  await shell.goTo('Notes')
  await notes.createNote(NOTE)
  await notes.typeAtEnd(HEAD + TAIL)
  await caretBeforeTail()
  await notes.waitUntilSaved()

  // Cite the claim from the reader: it lands where the caret was left, between the sentences.
  await page.evaluate(() => (window.location.hash = '#/sources/src-brief?a=ann-nff-70-percent'))
  const claim = reader.annotations.getByRole('listitem').filter({ hasText: CLAIM })
  await new CiteInNoteDialog(page).cite(claim, NOTE)
  await claim.getByRole('link', { name: NOTE }).first().click()
  await expect(notes.title).toHaveValue(NOTE)

  // The editor shows a chip named by the source and the quote, not the link and its id.
  const chip = notes.chip(
    'Citation: Armed opposition to the Taliban since 2021 — analyst brief, “The NFF claims to have consolidated about 70% of former…”',
  )
  await expect(chip).toBeVisible()
  await expect(chip).toContainText('The NFF claims to have')
  await expect(notes.text).not.toContainText('quote:')
  const cited = await notes.markdown()
  expect(cited).toMatch(
    /^The front claims a large following\. \[[^\]]+\]\(quote:ann-nff-70-percent\) We doubt it\.$/,
  )
  const link = cited.slice(HEAD.length + 1, cited.length - TAIL.length)
  const withoutChip = `${HEAD} ${TAIL}`
  // The editor and its chips pass axe in both themes.
  const found = await seriousViolations(page, 'note editor, light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  found.push(...(await seriousViolations(page, 'note editor, dark')))
  expect(found, found.join('\n')).toEqual([])

  // Right after the chip, one step left is before it: Delete there takes the whole link.
  await notes.text.click()
  await caretBeforeTail()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Delete')
  await notes.expectMarkdown(withoutChip)
  await expect(chip).toHaveCount(0)
  await page.keyboard.press('ControlOrMeta+Z')
  await notes.expectMarkdown(cited)

  // Typing beside the chip, and taking it out again, leaves the link as it is.
  await caretBeforeTail()
  await page.keyboard.type(' More.')
  await notes.expectMarkdown(`${HEAD} ${link} More.${TAIL}`)
  await expect.poll(saved).toBe(`${HEAD} ${link} More.${TAIL}`)
  for (const _ of ' More.') await page.keyboard.press('Backspace')
  await notes.expectMarkdown(cited)
  await expect.poll(saved).toBe(cited)

  // Backspace right after the chip takes it whole; Ctrl+Z brings it back.
  await page.keyboard.press('Backspace')
  await notes.expectMarkdown(withoutChip)
  await expect(chip).toHaveCount(0)
  await expect.poll(saved).toBe(withoutChip)
  await page.keyboard.press('ControlOrMeta+Z')
  await expect(chip).toBeVisible()
  await notes.expectMarkdown(cited)
  // Stored byte for byte as "Cite in note…" wrote it.
  await expect.poll(saved).toBe(cited)

  // A Dari line reads right to left, the English one beside it left to right.
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(`\n${DARI}`)
  expect(await notes.lineDirection(DARI)).toBe('rtl')
  expect(await notes.lineDirection('We doubt it.')).toBe('ltr')
  await expect.poll(saved).toBe(`${cited}\n${DARI}`)
})
