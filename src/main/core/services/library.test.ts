import { readdir, readFile } from 'node:fs/promises'
import { readStored } from '../../../../test/support/stored'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  ImportOutcome,
  MethodOutput,
  SearchResults,
  SourceWithText,
} from '../../../shared/contract'
import type { Annotation, SourceRecord } from '../../../shared/model'
import type { Result } from '../../../shared/result'
import { createDispatch, type Dispatch } from '../dispatch'
import { makeDocx, makePdf } from '../../../../test/support/documents'
import { searchIndexFor } from './search'
import { copySample, tempDir } from '../../../../test/support/folders'
import { Workspace } from '../workspace'

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let dispatch: Dispatch
let projectDir: string

beforeEach(async () => {
  dir = await tempDir()
  workspace = new Workspace({ userDataDir: dir.path, store: { writeDelayMs: 10 } })
  projectDir = await copySample(dir.path)
  await workspace.open(projectDir)
  dispatch = createDispatch(workspace, { validateOutput: true, logError: (e) => console.error(e) })
})
afterEach(async () => {
  await workspace.close()
  await dir.cleanup()
})

async function value<T>(method: string, input: unknown): Promise<T> {
  const result = await dispatch(method, input)
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

function errorOf(result: Result<unknown>) {
  if (result.ok) throw new Error('expected an error')
  return result.error
}

const base64 = (bytes: Uint8Array | string): string =>
  Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64')

const importFile = (fileName: string, bytes: Uint8Array | string, replaceSourceId?: string) =>
  value<ImportOutcome>('sources.import', {
    fileName,
    dataBase64: base64(bytes),
    ...(replaceSourceId ? { replaceSourceId } : {}),
  })

async function snapshot(): Promise<{ project: string; files: string[] }> {
  await workspace.current.flush()
  return {
    project: JSON.stringify(await readStored(projectDir)),
    files: (await readdir(join(projectDir, 'sources'))).sort(),
  }
}

const article =
  'Wolf Unit claims attack\n\nThe Wolf Unit claimed an attack on a Taliban post in Kabul on Tuesday. ' +
  'Officials denied that any attack took place.\n\nThe National Resistance Front is led by Ahmad Masoud.'

async function importArticle(): Promise<SourceRecord> {
  const outcome = await importFile('wolf.txt', article)
  if (outcome.status !== 'imported') throw new Error(`expected a new source, got ${outcome.status}`)
  return outcome.source
}

async function annotate(source: SourceRecord, quote: string, extra: Record<string, unknown> = {}) {
  const { text } = await value<SourceWithText>('sources.get', { id: source.id })
  const start = text.indexOf(quote)
  return value<Annotation>('annotations.create', {
    sourceId: source.id,
    start,
    end: start + quote.length,
    exact: quote,
    contentHash: source.contentHash,
    kind: 'claim',
    credibility: 3,
    ...extra,
  })
}

describe('importing sources', () => {
  it('imports each format into the project, text stored once under its sha256', async () => {
    const files: [string, Uint8Array | string][] = [
      ['wolf.txt', article],
      ['notes.md', '# Andarab notes\n\nClashes were reported in Andarab.'],
      [
        'page.html',
        '<html><head><title>Kapisa raid</title></head><body><article><p>' +
          'A raid in Kapisa was reported by residents, who said the fighting lasted for hours. '.repeat(
            4,
          ) +
          '</p></article></body></html>',
      ],
      ['report.pdf', makePdf([['Page one mentions Panjshir.'], ['Page two mentions Takhar.']])],
      ['statement.docx', await makeDocx(['Statement', 'The Freedom Front is active in Takhar.'])],
    ]
    for (const [name, bytes] of files) {
      const outcome = await importFile(name, bytes)
      expect(outcome.status, name).toBe('imported')
      if (outcome.status !== 'imported') continue
      const stored = await readFile(
        join(projectDir, 'sources', `${outcome.source.contentHash}.txt`),
        'utf8',
      )
      expect(stored.length).toBe(outcome.source.length)
      expect(outcome.source.origin.fileName).toBe(name)
    }
    const list = await value<MethodOutput<'sources.list'>>('sources.list', {})
    // The sample's five sources and the five files.
    expect(list).toHaveLength(10)
    const pdf = list.find((s) => s.source.origin.format === 'pdf')!.source
    expect(pdf.pages).toEqual([0, 'Page one mentions Panjshir.\n\n'.length])
    expect(list.find((s) => s.source.origin.format === 'md')?.source.title).toBe('Andarab notes')
  })

  it('recognizes a duplicate and offers the existing source instead', async () => {
    const first = await importArticle()
    const again = await importFile('copy of wolf.txt', `${article}\r\n\r\n`)
    expect(again).toMatchObject({ status: 'duplicate', existing: { id: first.id } })
    // The sample's five and the one article.
    expect((await value<unknown[]>('sources.list', {})).length).toBe(6)
  })

  it('leaves the project untouched when a file is broken', async () => {
    const before = await snapshot()
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['empty.txt', '', /empty/],
      ['image.txt', new Uint8Array([0x89, 0x50, 0, 0, 1, 2]), /binary/],
      ['locked.pdf', makePdf([['secret']], { encrypted: true }), /password-protected/],
      ['broken.docx', 'PK but not really', /not a valid \.docx/],
      ['nothing.html', '<html><body><nav>Home</nav></body></html>', /no readable text/],
    ]
    for (const [name, bytes, message] of cases) {
      const error = errorOf(
        await dispatch('sources.import', { fileName: name, dataBase64: base64(bytes) }),
      )
      expect(error.message, name).toMatch(message)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('adds pasted text and refuses an empty paste', async () => {
    const outcome = await value<ImportOutcome>('sources.paste', {
      title: 'Telegram post',
      text: 'Freedom Uprising  claims\r\nan ambush.',
    })
    expect(outcome).toMatchObject({
      status: 'imported',
      source: { title: 'Telegram post', origin: { format: 'paste' }, length: 34 },
    })
    expect(errorOf(await dispatch('sources.paste', { title: 'x', text: ' \n ' })).message).toMatch(
      /empty/,
    )
  })

  it('edits metadata, clearing fields with null and refusing invalid values', async () => {
    const source = await importArticle()
    const updated = await value<SourceRecord>('sources.update', {
      id: source.id,
      patch: {
        title: 'Wolf Unit claim',
        url: 'https://example.org/wolf',
        publisher: 'Observer',
        author: 'Desk',
        publishedAt: '2024-02-01',
        language: 'en',
        reliability: 'C',
        kind: 'post',
      },
    })
    expect(updated).toMatchObject({ title: 'Wolf Unit claim', reliability: 'C', kind: 'post' })
    const cleared = await value<SourceRecord>('sources.update', {
      id: source.id,
      patch: { url: null, author: null },
    })
    expect(cleared.url).toBeUndefined()
    expect(cleared.author).toBeUndefined()
    const bad = errorOf(
      await dispatch('sources.update', { id: source.id, patch: { url: 'ftp://x' } }),
    )
    expect(bad.code).toBe('invalid_input')
  })
})

describe('names with right-to-left overrides', () => {
  const rlo = '\u202E'

  it('are stored without them, whether imported or typed', async () => {
    const page = `<!doctype html><html><head><title>Invoice ${rlo}fdp.exe</title><meta name="author" content="Ann${rlo}a"></head><body><p>${article}</p></body></html>`
    const outcome = await importFile('page.html', page)
    if (outcome.status !== 'imported')
      throw new Error(`expected a new source, got ${outcome.status}`)
    expect(outcome.source.title).toBe('Invoice fdp.exe')
    expect(outcome.source.author ?? '').not.toContain(rlo)
    const updated = await value<SourceRecord>('sources.update', {
      id: outcome.source.id,
      patch: { title: `Report ${rlo}1`, publisher: `Pub${rlo}`, author: `A\u2066B\u2069` },
    })
    expect(updated).toMatchObject({ title: 'Report 1', publisher: 'Pub', author: 'AB' })
  })
})

describe('editing text and re-anchoring', () => {
  it('keeps annotations on their words after an edit before them, and flags changed quotes', async () => {
    const source = await importArticle()
    const attack = await annotate(source, 'claimed an attack on a Taliban post in Kabul')
    const leader = await annotate(source, 'is led by Ahmad Masoud')
    const denial = await annotate(source, 'Officials denied that any attack took place.')
    const { text } = await value<SourceWithText>('sources.get', { id: source.id })
    const edited = text
      .replace('Wolf Unit claims attack', 'Wolf Unit claims an attack (updated)')
      .replace('is led by Ahmad Masoud', 'is headed by Ahmad Masoud')
      .replace('Officials denied that any attack took place.', '')
    const result = await value<MethodOutput<'sources.editText'>>('sources.editText', {
      id: source.id,
      text: edited,
      baseHash: source.contentHash,
    })
    // Two edits make one changed region around the first quote: found again verbatim, so 'moved'.
    expect(result.reanchor).toEqual({ exact: 0, moved: 1, fuzzy: 1, orphaned: 1 })
    expect(result.source.history).toEqual([
      expect.objectContaining({ contentHash: source.contentHash, reason: 'edit' }),
    ])
    const after = await value<SourceWithText>('sources.get', { id: source.id })
    const byId = new Map(after.annotations.map((a) => [a.id, a]))
    const moved = byId.get(attack.id)!
    expect(moved.anchor.state).toBe('moved')
    expect(after.text.slice(moved.target.position.start, moved.target.position.end)).toBe(
      'claimed an attack on a Taliban post in Kabul',
    )
    expect(byId.get(leader.id)?.anchor.state).toBe('fuzzy')
    expect(byId.get(denial.id)?.anchor.state).toBe('orphaned')

    const queue = await value<MethodOutput<'annotations.review'>>('annotations.review', {
      sourceId: source.id,
    })
    expect(queue.map((q) => [q.annotation.id, q.currentText])).toEqual([
      [denial.id, null],
      [leader.id, 'is headed by Ahmad Masoud'],
    ])
    const summary = (await value<MethodOutput<'sources.list'>>('sources.list', {})).find(
      (s) => s.source.id === source.id,
    )
    expect(summary?.needsReview).toBe(2)

    const accepted = await value<Annotation>('annotations.accept', { id: leader.id })
    expect(accepted.anchor).toEqual({ state: 'exact' })
    expect(accepted.target.quote.exact).toBe('is headed by Ahmad Masoud')

    const newStart = after.text.indexOf('Officials')
    expect(newStart).toBe(-1)
    const reselect = after.text.indexOf('Taliban post')
    const reanchored = await value<Annotation>('annotations.reselect', {
      id: denial.id,
      start: reselect,
      end: reselect + 'Taliban post'.length,
      exact: 'Taliban post',
      contentHash: after.source.contentHash,
    })
    expect(reanchored).toMatchObject({ anchor: { state: 'exact' }, comment: denial.comment })
    expect(await value<unknown[]>('annotations.review', {})).toEqual([])
  })

  it('refuses an edit based on a stale text, and an empty text', async () => {
    const source = await importArticle()
    await value('sources.editText', {
      id: source.id,
      text: `${article} More.`,
      baseHash: source.contentHash,
    })
    const stale = errorOf(
      await dispatch('sources.editText', {
        id: source.id,
        text: 'x',
        baseHash: source.contentHash,
      }),
    )
    expect(stale.code).toBe('conflict')
    const current = await value<SourceWithText>('sources.get', { id: source.id })
    const empty = errorOf(
      await dispatch('sources.editText', {
        id: source.id,
        text: '  ',
        baseHash: current.source.contentHash,
      }),
    )
    expect(empty.message).toMatch(/cannot be empty/)
  })

  it('re-imports a new version of a document and re-anchors its annotations', async () => {
    const source = await importArticle()
    const attack = await annotate(source, 'claimed an attack on a Taliban post in Kabul')
    const outcome = await importFile(
      'wolf-v2.txt',
      `Wolf Unit claims attack\n\nEditor's note: this story was updated.\n\n${article.split('\n\n').slice(1).join('\n\n')}`,
      source.id,
    )
    expect(outcome).toMatchObject({
      status: 'replaced',
      source: { id: source.id, origin: { fileName: 'wolf-v2.txt' } },
      reanchor: { exact: 1, fuzzy: 0, orphaned: 0 },
    })
    const after = await value<SourceWithText>('sources.get', { id: source.id })
    const a = after.annotations.find((x) => x.id === attack.id)!
    expect(after.text.slice(a.target.position.start, a.target.position.end)).toBe(
      attack.target.quote.exact,
    )
    const same = await importFile('wolf-v2.txt', after.text, source.id)
    expect(same.status).toBe('duplicate')
  })
})

describe('annotations', () => {
  it('creates an annotation from a selection, with selectors computed from the stored text', async () => {
    const source = await importArticle()
    const created = await annotate(source, 'Ahmad Masoud', {
      comment: '  Leader named.  ',
      entityIds: ['grp-nrf', 'grp-nrf'],
      tags: ['leadership', ' leadership ', 'nrf'],
    })
    expect(created).toMatchObject({
      comment: 'Leader named.',
      entityIds: ['grp-nrf'],
      tags: ['leadership', 'nrf'],
      anchor: { state: 'exact' },
      target: { quote: { exact: 'Ahmad Masoud', prefix: expect.stringMatching(/is led by $/) } },
    })
    expect(await value<string[]>('annotations.tags', {})).toEqual(
      expect.arrayContaining(['leadership', 'nrf']),
    )
  })

  it('refuses a selection that does not match the text, a stale text, or an unknown entity', async () => {
    const source = await importArticle()
    const mismatch = errorOf(
      await dispatch('annotations.create', {
        sourceId: source.id,
        start: 0,
        end: 4,
        exact: 'Nope',
        contentHash: source.contentHash,
        kind: 'fact',
        credibility: 2,
      }),
    )
    expect(mismatch.code).toBe('conflict')
    const stale = errorOf(
      await dispatch('annotations.create', {
        sourceId: source.id,
        start: 0,
        end: 4,
        exact: 'Wolf',
        contentHash: '0'.repeat(64),
        kind: 'fact',
        credibility: 2,
      }),
    )
    expect(stale.message).toMatch(/changed since you opened it/)
    const unknown = errorOf(
      await dispatch('annotations.create', {
        sourceId: source.id,
        start: 0,
        end: 4,
        exact: 'Wolf',
        contentHash: source.contentHash,
        kind: 'fact',
        credibility: 2,
        entityIds: ['grp-nobody'],
      }),
    )
    expect(unknown.code).toBe('not_found')
  })

  it('updates an annotation', async () => {
    const source = await importArticle()
    const created = await annotate(source, 'Ahmad Masoud')
    const updated = await value<Annotation>('annotations.update', {
      id: created.id,
      patch: {
        kind: 'fact',
        credibility: 2,
        comment: 'Confirmed elsewhere.',
        entityIds: ['grp-nrf'],
      },
    })
    expect(updated).toMatchObject({ kind: 'fact', credibility: 2, entityIds: ['grp-nrf'] })
    expect(updated.target).toEqual(created.target)
  })

  it('names the relations and notes that depend on an annotation, and deleting unlinks it', async () => {
    const data = workspace.current.data
    const relation = data.relations.find((r) => r.evidence.length > 0)!
    const evidenceId = relation.evidence[0]!
    workspace.current.mutate((d) => {
      d.notes.push({
        id: 'note-test',
        createdAt: relation.createdAt,
        updatedAt: relation.createdAt,
        title: 'Citing note',
        body: `As [the brief says](quote:${evidenceId}), the front holds out.`,
      })
    })
    const dependents = await value<MethodOutput<'annotations.dependents'>>(
      'annotations.dependents',
      {
        id: evidenceId,
      },
    )
    expect(dependents.relations.map((r) => r.id)).toContain(relation.id)
    expect(dependents.relations[0]?.label).toMatch(/\w+ .+ \w+/)
    expect(dependents.notes).toContainEqual({ id: 'note-test', title: 'Citing note' })
    const deleted = await value<MethodOutput<'annotations.delete'>>('annotations.delete', {
      id: evidenceId,
    })
    expect(deleted.dependents).toEqual(dependents)
    expect(
      workspace.current.data.relations.find((r) => r.id === relation.id)?.evidence,
    ).not.toContain(evidenceId)
    expect(errorOf(await dispatch('annotations.get', { id: evidenceId })).code).toBe('not_found')
  })

  it('deletes a source with its annotations and unlinks them from relations', async () => {
    const before = workspace.current.data.annotations.filter(
      (a) => a.sourceId === 'src-brief',
    ).length
    const result = await value<MethodOutput<'sources.delete'>>('sources.delete', {
      id: 'src-brief',
    })
    expect(result.removedAnnotations).toHaveLength(before)
    expect(workspace.current.data.relations.every((r) => r.evidence.length === 0)).toBe(true)
    await workspace.current.flush()
  })
})

describe('search', () => {
  it('finds quotes, comments, titles and passages, and follows edits', async () => {
    const source = await importArticle()
    const quote = await annotate(source, 'claimed an attack on a Taliban post in Kabul', {
      comment: 'Unverified; the group exaggerates.',
    })
    const found = await value<SearchResults>('search.query', { q: 'taliban post' })
    const hit = found.hits.find((h) => h.annotationId === quote.id)
    expect(hit).toMatchObject({
      kind: 'quote',
      sourceId: source.id,
      start: quote.target.position.start,
    })
    expect(hit?.snippet.match.toLowerCase()).toBe('taliban')
    expect(found.hits.some((h) => h.kind === 'text' && h.sourceId === source.id)).toBe(true)

    const comment = await value<SearchResults>('search.query', { q: 'exaggerates' })
    expect(comment.hits[0]).toMatchObject({ kind: 'comment', annotationId: quote.id })

    const passage = await value<SearchResults>('search.query', { q: 'mountain terrain' })
    const inBrief = passage.hits.find((h) => h.sourceId === 'src-brief' && h.kind === 'text')!
    const brief = await value<SourceWithText>('sources.get', { id: 'src-brief' })
    expect(brief.text.slice(inBrief.start, inBrief.end).toLowerCase()).toBe('mountain')

    const { text } = await value<SourceWithText>('sources.get', { id: source.id })
    await value('sources.editText', {
      id: source.id,
      text: `${text}\n\nA later paragraph mentions Zebak.`,
      baseHash: source.contentHash,
    })
    const zebak = await value<SearchResults>('search.query', { q: 'zebak' })
    expect(zebak.hits.map((h) => h.sourceId)).toContain(source.id)
    await value('sources.delete', { id: source.id })
    expect((await value<SearchResults>('search.query', { q: 'zebak' })).hits).toEqual([])
  })

  it('stops indexing a project once it is closed', async () => {
    const store = workspace.current
    const index = searchIndexFor(store)
    const building = index.sync()
    await workspace.close()
    await expect(building).resolves.toBeUndefined()
    await expect(index.sync()).resolves.toBeUndefined()
    expect(index.query('Masoud', 5).hits.length).toBeLessThanOrEqual(5)
    await workspace.open(projectDir)
  })

  it('searches Arabic-script text', async () => {
    await value('sources.paste', {
      title: 'Dari report',
      text: 'جبهه مقاومت ملی به رهبری احمد مسعود در پنجشیر فعال است.',
    })
    const result = await value<SearchResults>('search.query', { q: 'پنجشیر' })
    expect(result.hits.some((h) => h.kind === 'text' && h.snippet.match === 'پنجشیر')).toBe(true)
  })
})
