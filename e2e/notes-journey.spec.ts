import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { CiteInNoteDialog } from './pages/CiteInNoteDialog'
import { EvidencePanel } from './pages/EvidencePanel'
import { NotesPage } from './pages/NotesPage'
import { ReaderPage } from './pages/ReaderPage'

const NOTE = 'Journey: the 70% claim'
const CLAIM = 'The NFF claims to have consolidated about 70% of former Afghan security personnel'
const NFF = 'National Freedom Front'

test('cite the 70% claim from the reader, follow it back, mention the NFF, reload, delete the quote', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const notes = new NotesPage(page)
  const reader = new ReaderPage(page)
  const citeDialog = new CiteInNoteDialog(page)
  await shell.open(app.url)

  // A new note.
  await shell.goTo('Notes')
  await notes.createNote(NOTE)
  await notes.typeAtEnd('The front says it has rallied most former soldiers.')
  await notes.waitUntilSaved()

  // Cite the claim from the reader's annotation panel.
  await page.goto(`${new URL(app.url).origin}/#/sources/src-brief?a=ann-nff-70-percent`)
  const claim = reader.annotations.getByRole('listitem').filter({ hasText: CLAIM })
  await citeDialog.cite(claim, NOTE)
  await expect(claim.getByRole('status')).toContainText(`Cited in ${NOTE}`)

  // The note's preview shows it as citation [1], with the quote on hover.
  await claim.getByRole('link', { name: NOTE }).first().click()
  await expect(notes.title).toHaveValue(NOTE)
  await notes.expectMarkdown(
    /most former soldiers\. \[The NFF claims to have consolidated about 70% of former…\]\(quote:ann-nff-70-percent\)$/,
  )
  await expect(notes.citation(1)).toBeVisible()
  await notes.citation(1).hover()
  await expect(notes.preview.getByRole('tooltip').filter({ hasText: CLAIM })).toBeVisible()

  // One click back to the passage: highlighted, focused and in view.
  await notes.citation(1).click()
  await expect(page).toHaveURL(/#\/sources\/src-brief\?a=ann-nff-70-percent$/)
  const passage = reader.highlight('The NFF claims to have consolidated about 70%')
  await expect(passage).toBeFocused()
  await expect(passage).toBeInViewport()

  // The annotation's panel lists the note among its backlinks.
  const backlinks = claim.getByRole('region', { name: 'Cited in notes' })
  await expect(backlinks.getByRole('link', { name: NOTE })).toBeVisible()
  await expect(backlinks.getByRole('link', { name: 'Weighing the NFF’s 70% claim' })).toBeVisible()

  // Back in the note, mention the NFF with @.
  await backlinks.getByRole('link', { name: NOTE }).click()
  await expect(notes.title).toHaveValue(NOTE)
  await notes.typeAtEnd(' See ')
  await notes.insertSuggestion('@Freedom Fr', NFF)
  await notes.waitUntilSaved()
  await expect(notes.mention(NFF)).toBeVisible()

  // The NFF's side panel lists the note.
  await notes.mention(NFF).click()
  await expect(shell.currentView()).toHaveText('Groups')
  const nff = new EvidencePanel(page, NFF)
  const mentions = nff.panel.getByRole('region', { name: 'Mentioned in notes' })
  await expect(mentions.getByRole('link', { name: NOTE })).toBeVisible()

  // Reload: all still there.
  await page.reload()
  await expect(mentions.getByRole('link', { name: NOTE })).toBeVisible()
  await mentions.getByRole('link', { name: NOTE }).click()
  await notes.expectMarkdown(
    /\(quote:ann-nff-70-percent\) See \[National Freedom Front\]\(entity:grp-nff\)$/,
  )
  await expect(notes.citation(1)).toBeVisible()
  await expect(notes.mention(NFF)).toBeVisible()

  // Delete the cited annotation, after its warning names the note.
  await notes.citation(1).click()
  await claim.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(reader.dialog.getByRole('alert')).toContainText(
    `leave a broken citation in the note “${NOTE}”`,
  )
  await reader.dialog.getByRole('button', { name: 'Delete annotation' }).click()
  await expect(reader.dialog).toBeHidden()
  await expect(reader.annotations.getByRole('listitem').filter({ hasText: CLAIM })).toHaveCount(0)

  // The note shows the citation as broken, and says why.
  await shell.goTo('Notes')
  await expect(notes.listItem(NOTE)).toContainText('1 broken')
  await notes.open(NOTE)
  await expect(notes.brokenCitation()).toBeVisible()
  await notes.brokenCitation().hover()
  await expect(
    notes.preview.getByRole('tooltip').filter({ hasText: 'Broken citation' }),
  ).toContainText('no longer exists')
  await expect(notes.citation(1)).toHaveCount(0)
})

test('cite a quote from the evidence panel of a group', async ({ page, app }) => {
  const shell = new AppShell(page)
  const notes = new NotesPage(page)
  await shell.open(app.url)
  await page.goto(`${new URL(app.url).origin}/#/groups?e=grp-rmj`)
  const panel = new EvidencePanel(page, 'Resistance Movement for Justice')
  const quote = panel.quotes.filter({ hasText: 'predominantly Hazara' }).first()
  await new CiteInNoteDialog(page).cite(quote, 'Where the groups stand on Mao’s three stages')
  await quote.getByRole('link', { name: 'Where the groups stand on Mao’s three stages' }).click()
  await notes.expectMarkdown(/\(quote:ann-rmj-hazara\)$/)
  await expect(notes.preview.getByRole('link', { name: /^Citation \[\d+\]$/ })).toHaveCount(8)
})
