import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import { createDispatch, type Dispatch } from '../dispatch'
import { ProjectStore } from '../project-store'
import { copySample, tempDir } from '../../../../test/support/folders'
import { Workspace } from '../workspace'
import { noteLinks, parseAllNotes } from './notes'

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let dispatch: Dispatch
let projectDir: string

beforeEach(async () => {
  dir = await tempDir()
  workspace = new Workspace({ userDataDir: dir.path, store: { writeDelayMs: 5 } })
  projectDir = await copySample(dir.path)
  await workspace.open(projectDir)
  dispatch = createDispatch(workspace, { validateOutput: true })
})
afterEach(async () => {
  await workspace.close()
  await dir.cleanup()
})

async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await dispatch(method, input)
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
  return result.value as MethodOutput<M>
}

function errorOf(result: Result<unknown>) {
  if (result.ok) throw new Error('expected an error')
  return result.error
}

describe('notes', () => {
  it('lists the sample notes with their distinct citations and mentions', async () => {
    const notes = await call('notes.list', {})
    const claim = notes.find((n) => n.id === 'note-nff-claim')
    expect(claim).toMatchObject({
      title: 'Weighing the NFF’s 70% claim',
      citationCount: 3,
      mentionCount: 5,
      brokenCount: 0,
    })
    expect(claim?.excerpt).toMatch(/^The National Freedom Front says/)
    expect(notes).toHaveLength(3)
  })

  it('searches titles and bodies, case-insensitively', async () => {
    expect((await call('notes.list', { q: 'MAO' })).map((n) => n.id)).toEqual(['note-phases'])
    expect((await call('notes.list', { q: 'virtual coordination' })).map((n) => n.id)).toEqual([
      'note-nff-claim',
    ])
    expect(await call('notes.list', { q: 'no such words anywhere' })).toEqual([])
  })

  it('creates, updates, reads back and deletes a note, and keeps it on disk', async () => {
    const created = await call('notes.create', { title: '  ', body: 'First words' })
    expect(created.title).toBe('Untitled note')
    const updated = await call('notes.update', {
      id: created.id,
      title: 'Supply routes',
      body: 'Routes through [Andarab](entity:plc-andarab).',
      baseUpdatedAt: created.updatedAt,
    })
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt))
    expect((await call('notes.list', {}))[0]).toMatchObject({ id: created.id, mentionCount: 1 })

    await workspace.current.flush()
    const reopened = await ProjectStore.open(projectDir)
    expect(reopened.data.notes.find((n) => n.id === created.id)?.body).toBe(updated.body)

    expect(await call('notes.delete', { id: created.id })).toEqual({ id: created.id })
    expect(errorOf(await dispatch('notes.get', { id: created.id })).code).toBe('not_found')
  })

  it('refuses a save based on an older version, and leaves the note as it was', async () => {
    const note = await call('notes.get', { id: 'note-phases' })
    const first = await call('notes.update', {
      id: note.id,
      body: `${note.body}\nOne more line.`,
      baseUpdatedAt: note.updatedAt,
    })
    const stale = await dispatch('notes.update', {
      id: note.id,
      body: 'An older draft',
      baseUpdatedAt: note.updatedAt,
    })
    expect(errorOf(stale)).toMatchObject({ code: 'conflict' })
    expect(errorOf(stale).message).toMatch(/changed elsewhere/)
    expect((await call('notes.get', { id: note.id })).body).toBe(first.body)
  })

  it('rejects invalid input without changing the store', async () => {
    const revision = workspace.current.revision
    expect(errorOf(await dispatch('notes.update', { id: 'note-phases', body: 42 })).code).toBe(
      'invalid_input',
    )
    expect(errorOf(await dispatch('notes.create', { title: 'x'.repeat(501) })).code).toBe(
      'invalid_input',
    )
    expect(errorOf(await dispatch('notes.update', { id: 'nope', body: '' })).code).toBe('not_found')
    expect(workspace.current.revision).toBe(revision)
  })

  it('does not bump updatedAt when nothing changed', async () => {
    const note = await call('notes.get', { id: 'note-phases' })
    const same = await call('notes.update', { id: note.id, body: note.body })
    expect(same.updatedAt).toBe(note.updatedAt)
  })
})

describe('backlinks', () => {
  it('finds the notes citing an annotation and those mentioning an entity', async () => {
    expect(
      (await call('notes.citing', { annotationId: 'ann-nff-planning' })).map((n) => n.id).sort(),
    ).toEqual(['note-nff-claim', 'note-phases'])
    const nff = await call('notes.mentioning', { entityId: 'grp-nff' })
    expect(nff.map((n) => n.id).sort()).toEqual(['note-landscape', 'note-nff-claim', 'note-phases'])
    expect(await call('notes.citing', { annotationId: 'ann-unknown' })).toEqual([])
  })

  it('follows edits at once: derived from the bodies, never stored', async () => {
    const note = await call('notes.create', {
      title: 'Fresh',
      body: '[a](quote:ann-rmj-hazara) and again [b](quote:ann-rmj-hazara)',
    })
    const citing = await call('notes.citing', { annotationId: 'ann-rmj-hazara' })
    expect(citing.find((n) => n.id === note.id)?.occurrences).toBe(2)
    await call('notes.update', { id: note.id, body: 'No citation any more' })
    const after = await call('notes.citing', { annotationId: 'ann-rmj-hazara' })
    expect(after.some((n) => n.id === note.id)).toBe(false)
    const stored = workspace.current.data
    expect(Object.keys(stored.notes[0]!)).toEqual(['id', 'createdAt', 'updatedAt', 'title', 'body'])
  })
})

describe('citing', () => {
  it('inserts a citation at the cursor, with spaces where words touch', async () => {
    const note = await call('notes.create', { title: 'Cite', body: 'The claim.Then more.' })
    const { note: next, range } = await call('notes.cite', {
      noteId: note.id,
      annotationId: 'ann-nff-70-percent',
      at: 'The claim.'.length,
    })
    expect(next.body).toBe(
      'The claim. [The NFF claims to have consolidated about 70% of former…](quote:ann-nff-70-percent) Then more.',
    )
    expect(next.body.slice(range.start, range.end)).toMatch(/^\[.*\]\(quote:ann-nff-70-percent\)$/)
  })

  it('appends at the end without an offset, and never inside another link', async () => {
    const note = await call('notes.create', {
      title: 'Cite',
      body: 'See [x](quote:ann-nrf-leader)',
    })
    const end = await call('notes.cite', { noteId: note.id, annotationId: 'ann-mao-stages' })
    expect(end.note.body).toMatch(
      /^See \[x\]\(quote:ann-nrf-leader\) \[.*\]\(quote:ann-mao-stages\)$/,
    )
    const inside = await call('notes.cite', {
      noteId: note.id,
      annotationId: 'ann-rmj-hazara',
      at: 8,
    })
    expect(inside.note.body.startsWith('See [x](quote:ann-nrf-leader) [')).toBe(true)
    expect(inside.range.start).toBe('See [x](quote:ann-nrf-leader) '.length)
  })

  it('refuses to cite a quote that does not exist', async () => {
    const result = await dispatch('notes.cite', { noteId: 'note-phases', annotationId: 'ann-nope' })
    expect(errorOf(result).code).toBe('not_found')
  })
})

describe('resolving citations', () => {
  it('returns each quote with its source, date and grade, and marks the missing ones', async () => {
    const { quotes, entities } = await call('notes.resolve', {
      annotationIds: ['ann-nff-70-percent', 'ann-gone', 'ann-nff-70-percent'],
      entityIds: ['grp-nff', 'grp-gone'],
    })
    expect(quotes).toHaveLength(2)
    expect(quotes[0]).toMatchObject({
      annotationId: 'ann-nff-70-percent',
      status: 'ok',
      sourceId: 'src-brief',
      credibility: 4,
    })
    expect(quotes[0]?.status === 'ok' && quotes[0].exact).toMatch(/70% of former/)
    expect(quotes[1]).toEqual({ annotationId: 'ann-gone', status: 'missing' })
    expect(entities).toEqual([
      { entityId: 'grp-nff', status: 'ok', name: 'National Freedom Front', type: 'group' },
      { entityId: 'grp-gone', status: 'missing' },
    ])
  })

  it('marks an orphaned annotation and counts it as broken in the list', async () => {
    workspace.current.mutate((data) => {
      // Saved records are frozen: an edit replaces the record.
      const index = data.annotations.findIndex((a) => a.id === 'ann-nff-70-percent')
      data.annotations[index] = { ...data.annotations[index]!, anchor: { state: 'orphaned' } }
    })
    const { quotes } = await call('notes.resolve', {
      annotationIds: ['ann-nff-70-percent'],
      entityIds: [],
    })
    expect(quotes[0]?.status).toBe('orphaned')
    const claim = (await call('notes.list', {})).find((n) => n.id === 'note-nff-claim')
    expect(claim?.brokenCount).toBe(1)
  })

  it('suggests quotes by their text first, then by comment, tag or source', async () => {
    const hits = await call('notes.quoteSuggestions', { q: '70%' })
    expect(hits[0]?.annotationId).toBe('ann-nff-70-percent')
    const byTag = await call('notes.quoteSuggestions', { q: 'geography', limit: 50 })
    expect(byTag.map((h) => h.annotationId)).toContain('ann-nff-provinces')
    expect(await call('notes.quoteSuggestions', { q: 'zzzz-nothing' })).toEqual([])
    expect(await call('notes.quoteSuggestions', { q: '', limit: 3 })).toHaveLength(3)
  })
})

describe('parsing every note', () => {
  it('lets other work through between slices, then serves every note from its one parse', async () => {
    const store = workspace.current
    const citation = (i: number): string => `[${i}](quote:ann-nrf-leader) `
    const body = Array.from({ length: 1_000 }, (_, i) => citation(i)).join('\n')
    for (let i = 0; i < 6; i++) await call('notes.create', { title: `Bulk ${i}`, body })

    let ranMeanwhile = false
    setImmediate(() => {
      ranMeanwhile = true
    })
    await parseAllNotes(store)
    expect(ranMeanwhile).toBe(true)

    const parses = store.data.notes.map((note) => noteLinks(store, note))
    expect(parses.every((links, i) => links === noteLinks(store, store.data.notes[i]!))).toBe(true)
    const bulk = store.data.notes.find((note) => note.title === 'Bulk 0')!
    expect(noteLinks(store, bulk)).toHaveLength(1_000)
  })
})
