import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { copySample, tempDir } from '../../../../test/support/folders'
import type { ImportOutcome, MethodOutput, SourceWithText } from '../../../shared/contract'
import { createDispatch, type Dispatch } from '../dispatch'
import { Workspace } from '../workspace'
import { SAME_ARTICLE_SHARE, sharedShare, sketchOf } from './near-duplicates'

const paragraphs = [
  'The National Freedom Front said on Tuesday that its fighters had attacked a checkpoint in Takhar province, killing two guards.',
  'Officials in the provincial capital denied the account and said the post had not been attacked at all during the night.',
  'The front, led by a former army chief, claims to coordinate with thousands of former soldiers through encrypted channels.',
  'Independent observers have not been able to confirm the figure, and the group has given no evidence of its strength so far.',
  'Residents of two districts described gunfire late in the evening but could not say who was involved in the clash.',
]
const article = paragraphs.join('\n\n')
const page = `<html><head><title>Front claims attack</title></head><body>
<nav>Home | World | Asia | Contact us | Subscribe to our newsletter</nav>
<article><h1>Front claims attack</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>Copyright the newspaper. All rights reserved. Follow us on social media.</footer>
</body></html>`

describe('sketches', () => {
  it('find a text inside a longer copy with extra matter around it', () => {
    const withFurniture = `Home | World | Asia | Contact us\n\n${article}\n\nCopyright the newspaper. All rights reserved.`
    expect(sharedShare(sketchOf(article), sketchOf(withFurniture))).toBeGreaterThanOrEqual(
      SAME_ARTICLE_SHARE,
    )
    // Case, accents and punctuation do not tell copies apart.
    expect(
      sharedShare(sketchOf(article), sketchOf(article.toUpperCase().replace(/,/g, ''))),
    ).toBeGreaterThan(0.95)
  })

  it('keep different articles on the same subject apart', () => {
    const other = [
      'A group calling itself the Freedom Front announced on Tuesday a new campaign in the north.',
      'Its statement named no commanders and gave no figures, but promised attacks on checkpoints.',
      'The Taliban spokesman dismissed the claim as propaganda from people living abroad.',
    ].join('\n\n')
    expect(sharedShare(sketchOf(article), sketchOf(other))).toBeLessThan(0.2)
    expect(sharedShare(sketchOf(''), sketchOf(article))).toBe(0)
  })
})

describe('importing the same article twice', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let workspace: Workspace
  let dispatch: Dispatch

  beforeEach(async () => {
    dir = await tempDir()
    workspace = new Workspace({ userDataDir: dir.path, store: { writeDelayMs: 10 } })
    await workspace.open(await copySample(dir.path))
    dispatch = createDispatch(workspace, {
      validateOutput: true,
      logError: (e) => console.error(e),
    })
  })
  afterEach(async () => {
    await workspace.close()
    await dir.cleanup()
  })

  async function value<T>(method: string, input: unknown): Promise<T> {
    const result = await dispatch(method, input)
    if (!result.ok)
      throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
    return result.value as T
  }
  const importFile = (fileName: string, text: string) =>
    value<ImportOutcome>('sources.import', {
      fileName,
      dataBase64: Buffer.from(text, 'utf8').toString('base64'),
    })

  it('flags the .txt copy of an imported web page, and keeps it as a version on request', async () => {
    const html = await importFile('front.html', page)
    expect(html.status).toBe('imported')
    if (html.status !== 'imported') return
    expect(html.similar).toBeUndefined()

    // The copy from the browser keeps the headline and byline the reader view dropped.
    const copied = `Front claims attack\n\nBy a staff reporter, 14 May\n\n${article}`
    const txt = await importFile('front.txt', copied)
    expect(txt.status).toBe('imported')
    if (txt.status !== 'imported') return
    expect(txt.similar?.map((s) => s.source.id)).toEqual([html.source.id])
    expect(txt.similar?.[0]?.share).toBeGreaterThanOrEqual(SAME_ARTICLE_SHARE)

    const merged = await value<MethodOutput<'sources.addAsVersion'>>('sources.addAsVersion', {
      id: txt.source.id,
      intoId: html.source.id,
    })
    expect(merged.removedId).toBe(txt.source.id)
    expect(merged.source.history?.at(-1)).toMatchObject({ reason: 'reimport' })
    const kept = await value<SourceWithText>('sources.get', { id: html.source.id })
    expect(kept.text).toBe(copied)
    const gone = await dispatch('sources.get', { id: txt.source.id })
    expect(gone.ok).toBe(false)
  })

  it('refuses to fold a source that has annotations of its own, and changes nothing', async () => {
    const first = await importFile('front.txt', article)
    const second = await importFile('front-copy.txt', `${article}\n\nUpdated at noon.`)
    if (first.status !== 'imported' || second.status !== 'imported') throw new Error('not imported')
    expect(second.similar?.[0]?.source.id).toBe(first.source.id)
    const quote = 'Officials in the provincial capital denied the account'
    const { text } = await value<SourceWithText>('sources.get', { id: second.source.id })
    const start = text.indexOf(quote)
    await value('annotations.create', {
      sourceId: second.source.id,
      start,
      end: start + quote.length,
      exact: quote,
      contentHash: second.source.contentHash,
      kind: 'claim',
      credibility: 3,
      entityIds: [],
      tags: [],
      comment: '',
    })
    const refused = await dispatch('sources.addAsVersion', {
      id: second.source.id,
      intoId: first.source.id,
    })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toMatch(/has 1 annotation of its own/)
    const still = await value<SourceWithText>('sources.get', { id: first.source.id })
    expect(still.text).toBe(article)
  })
})
