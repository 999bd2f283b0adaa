/**
 * Three analysts' projects replicate through a real hub (express-pouchdb on 127.0.0.1):
 * offline edits on each, syncs in different orders, conflicts shown and resolved, a
 * malformed document from the hub quarantined.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import PouchDB, { type PouchDB as Pouch } from 'pouchdb-node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { MethodName, MethodOutput } from '../../../shared/contract'
import { tempDir } from '../../../../test/support/folders'
import { startTeamHub, type TeamHub } from '../../../../test/support/team-hub'
import { createDispatch } from '../dispatch'
import { Workspace } from '../workspace'
import { isRecordDocId } from './mirror-docs'
import { EMPTY_STATE, STATE_ID } from './project-sync'

const originalChanges = PouchDB.prototype.changes
const originalSync = PouchDB.prototype.sync

interface Peer {
  name: string
  workspace: Workspace
  call<M extends MethodName>(method: M, input?: unknown): Promise<MethodOutput<M>>
  sync(): Promise<void>
  records(): string
}

let hub: TeamHub
let cleanups: Array<() => Promise<void>> = []

// One hub for the file (PouchDB keeps its in-memory databases per process); one database a test.
beforeAll(async () => {
  hub = await startTeamHub()
})

afterAll(async () => {
  await hub.close()
})

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups = []
})

async function peer(name: string, database = 'team'): Promise<Peer> {
  const dir = await tempDir(`sightline-sync-${name}-`)
  const workspace = new Workspace({
    userDataDir: join(dir.path, 'user'),
    store: { writeDelayMs: 5, backups: false },
    // The sync worker's own thread is proven by live-sync and sync-kill; here a dozen
    // projects would each start one from source (about a second each).
    syncInThisThread: true,
  })
  const dispatch = createDispatch(workspace, {
    validateOutput: true,
    logError: (error) => {
      throw error
    },
  })
  const call = async <M extends MethodName>(method: M, input: unknown = {}) => {
    const result = await dispatch(method, input)
    if (!result.ok) throw new Error(`${name} ${method}: ${result.error.message}`)
    return result.value as MethodOutput<M>
  }
  await call('project.create', { name: `${name}'s copy`, path: join(dir.path, 'project') })
  await call('sync.setAuthor', { author: name })
  await call('sync.link', { url: hub.databaseUrl(database) })
  cleanups.push(async () => {
    await workspace.close()
    await dir.cleanup()
  })
  return {
    name,
    workspace,
    call,
    sync: async () => (await workspace.sync.forStore(workspace.current)).syncNow(),
    records: () => {
      const data = workspace.current.data
      const pick = (list: ReadonlyArray<{ id: string }>) =>
        [...list].sort((a, b) => a.id.localeCompare(b.id))
      return JSON.stringify({
        sources: pick(data.sources),
        annotations: pick(data.annotations),
        entities: pick(data.entities),
        relations: pick(data.relations),
        notes: pick(data.notes),
      })
    },
  }
}

async function syncAll(order: Peer[], rounds = 2): Promise<void> {
  for (let round = 0; round < rounds; round++) for (const p of order) await p.sync()
}

describe('team sync through a hub on 127.0.0.1', () => {
  it('converges three offline projects, shows the clash until it is resolved, and loses no edit', async () => {
    const amina = await peer('Amina')
    const bashir = await peer('Bashir')
    const chen = await peer('Chen')

    const front = await amina.call('entities.create', { type: 'group', name: 'Northern Front' })
    const council = await amina.call('entities.create', { type: 'group', name: 'River Council' })
    const militia = await amina.call('entities.create', { type: 'group', name: 'Hill Militia' })
    const note = await amina.call('notes.create', {
      title: 'Assessment',
      body: 'Line one.\nLine two.\nLine three.',
    })
    await amina.sync()
    await bashir.sync()
    await chen.sync()
    expect(bashir.records()).toBe(amina.records())
    expect(chen.records()).toBe(amina.records())

    // Offline, each on their own laptop.
    await amina.call('entities.update', { id: front.id, patch: { name: 'Northern Front (Amina)' } })
    await bashir.call('entities.update', {
      id: front.id,
      patch: { name: 'Northern Front (Bashir)' },
    })
    await amina.call('entities.update', { id: council.id, patch: { aliases: ['RC'] } })
    await chen.call('entities.update', {
      id: council.id,
      patch: { description: 'Formed in 2021.' },
    })
    await bashir.call('entities.delete', { id: militia.id })
    await chen.call('entities.update', {
      id: militia.id,
      patch: { name: 'Hill Militia (renamed)' },
    })
    await amina.call('notes.update', { id: note.id, body: 'Line ONE.\nLine two.\nLine three.' })
    await bashir.call('notes.update', { id: note.id, body: 'Line one.\nLine two.\nLine THREE.' })
    const pasted = await chen.call('sources.paste', {
      title: 'Field report',
      text: 'The Northern Front moved its checkpoint to the river crossing.',
    })
    expect(pasted.status).toBe('imported')

    await syncAll([chen, amina, bashir])
    await syncAll([bashir, chen, amina])

    // Same field, two ways: in the Conflicts view on the peers, with the ancestor.
    for (const p of [amina, bashir]) {
      const conflicts = await p.call('sync.conflicts')
      const clash = conflicts.find((c) => c.id === front.id)
      expect(clash, `${p.name} lists the clash on the group's name`).toBeDefined()
      expect(clash!.fields).toEqual([
        expect.objectContaining({ field: 'name', base: 'Northern Front' }),
      ])
      expect([clash!.fields[0]!.mine, clash!.fields[0]!.theirs].sort()).toEqual([
        'Northern Front (Amina)',
        'Northern Front (Bashir)',
      ])
      // A deletion against an edit is a conflict too, never silent.
      const deleted = conflicts.find((c) => c.id === militia.id)
      expect(deleted?.fields[0]?.field).toBe('(record)')
    }
    expect((await chen.call('sync.status')).conflicts).toBeGreaterThan(0)

    // Different fields merged without asking, and recorded.
    for (const p of [amina, bashir, chen]) {
      const merged = p.workspace.current.data.entities.find((e) => e.id === council.id)!
      expect(merged.aliases).toEqual(['RC'])
      expect(merged.description).toBe('Formed in 2021.')
      const body = p.workspace.current.data.notes.find((n) => n.id === note.id)!.body
      expect(body).toBe('Line ONE.\nLine two.\nLine THREE.')
    }
    const team = await amina.call('sync.team')
    expect(team.activity.some((a) => a.action === 'merged')).toBe(true)

    // Amina settles both: a new name of her own; the militia kept with Chen's edit.
    const conflicts = await amina.call('sync.conflicts')
    const clash = conflicts.find((c) => c.id === front.id)!
    await amina.call('sync.resolve', {
      docId: clash.docId,
      value: { ...clash.mine, name: 'Northern Front' },
    })
    const militiaClash = conflicts.find((c) => c.id === militia.id)!
    const kept = militiaClash.mine ?? militiaClash.theirs
    expect(kept).toMatchObject({ name: 'Hill Militia (renamed)' })
    await amina.call('sync.resolve', { docId: militiaClash.docId, value: kept })

    await syncAll([amina, bashir, chen])

    const expected = amina.records()
    for (const p of [bashir, chen]) expect(p.records(), `${p.name} converged`).toBe(expected)
    for (const p of [amina, bashir, chen]) {
      expect(await p.call('sync.conflicts')).toEqual([])
      expect((await p.call('sync.status')).conflicts).toBe(0)
      const data = p.workspace.current.data
      expect(data.entities.find((e) => e.id === front.id)!.name).toBe('Northern Front')
      expect(data.entities.find((e) => e.id === militia.id)!.name).toBe('Hill Militia (renamed)')
      // The source Chen imported, with its text.
      const source = data.sources.find((s) => s.title === 'Field report')!
      const text = await p.workspace.current.readSourceText(source.contentHash, source.length)
      expect(text).toContain('checkpoint to the river crossing')
    }
  }, 60_000)

  it('treats two copies of one project as one history: no conflict at first, the ancestor known later', async () => {
    const at = '2026-01-01T00:00:00.000Z'
    const copies: Peer[] = []
    for (const name of ['Amina', 'Bashir']) {
      const copy = await peer(name, 'copies')
      copy.workspace.current.mutate((data) => {
        data.entities.push({
          id: 'g-shared',
          createdAt: at,
          updatedAt: at,
          type: 'group',
          name: 'Shared group',
          aliases: [],
          description: '',
          attributes: {},
        })
      })
      copies.push(copy)
    }
    const [amina, bashir] = copies as [Peer, Peer]
    // One round: each edits on the revision it has, before the other has seen its copy.
    await syncAll([amina, bashir], 1)
    expect((await bashir.call('sync.status')).conflicts).toBe(0)
    await amina.call('entities.update', { id: 'g-shared', patch: { name: 'Amina named it' } })
    await bashir.call('entities.update', { id: 'g-shared', patch: { name: 'Bashir named it' } })
    await syncAll([amina, bashir])
    const [clash] = await bashir.call('sync.conflicts')
    expect(clash?.fields).toEqual([
      expect.objectContaining({ field: 'name', base: 'Shared group' }),
    ])
  }, 30_000)

  it('keeps a remote edit that had arrived unapplied when the app stopped before saving its sync state', async () => {
    const amina = await peer('Amina', 'crash')
    const bashir = await peer('Bashir', 'crash')
    const cell = await amina.call('entities.create', { type: 'group', name: 'Delta Cell' })
    await amina.sync()
    await bashir.sync()
    await bashir.call('entities.update', {
      id: cell.id,
      patch: { description: 'Seen at the port.' },
    })
    await bashir.sync()

    // Amina's app: replication brings Bashir's edit into her mirror, then the app dies
    // before applying it and before the state naming the revision her record stands on
    // was ever saved.
    const folder = amina.workspace.current.folder
    const userDataDir = amina.workspace.options.userDataDir
    await amina.workspace.close()
    const mirror = new PouchDB<Record<string, unknown>>(join(folder, '.sync', 'mirror'))
    await mirror.sync(new PouchDB(hub.databaseUrl('crash')))
    const saved = await mirror.get(STATE_ID)
    await mirror.put({ ...EMPTY_STATE, _id: STATE_ID, _rev: saved._rev! })
    await mirror.close()

    const again = new Workspace({
      userDataDir,
      store: { writeDelayMs: 5, backups: false },
      syncInThisThread: true,
    })
    cleanups.push(() => again.close())
    const store = await again.open(folder)
    const sync = await again.sync.forStore(store)
    // After the restart she edits another field of the same group.
    store.mutate((data) => {
      const at = data.entities.findIndex((e) => e.id === cell.id)
      data.entities[at] = { ...data.entities[at]!, name: 'Delta Cell (Amina)' }
    })
    await sync.syncNow()
    await bashir.sync()
    await sync.syncNow()
    for (const data of [store.data, bashir.workspace.current.data]) {
      const record = data.entities.find((e) => e.id === cell.id)!
      expect(record.description, 'Bashir’s edit is kept').toBe('Seen at the port.')
      expect(record.name, 'Amina’s edit is kept').toBe('Delta Cell (Amina)')
    }
  }, 30_000)

  it('syncs the project details, the saved views and the graph image, and shows a clash over them like a record', async () => {
    const amina = await peer('Amina', 'parts')
    const bashir = await peer('Bashir', 'parts')
    const group = await amina.call('entities.create', { type: 'group', name: 'Harbour Watch' })
    await amina.call('graph.savePositions', { positions: { [group.id]: { x: 10, y: 20 } } })
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>'
    await amina.call('graph.saveImage', { format: 'svg', data: svg, width: 4, height: 4 })
    await amina.sync()
    await bashir.sync()
    const joined = bashir.workspace.current.data
    // A project joining a team takes the team's details rather than clashing over them.
    expect(joined.project.name).toBe("Amina's copy")
    expect(joined.views.graphPositions?.[group.id]).toEqual({ x: 10, y: 20 })
    const image = await bashir.call('graph.image')
    expect(image?.format).toBe('svg')
    const bytes = await bashir.workspace.current.readAsset(
      joined.views.graphImage!.contentHash,
      'svg',
    )
    expect(Buffer.from(bytes).toString('utf8')).toBe(svg)

    // Both change the project's description offline: a conflict, listed like a record's.
    for (const [p, description] of [
      [amina, 'Amina’s scope'],
      [bashir, 'Bashir’s scope'],
    ] as const) {
      p.workspace.current.mutate((data) => {
        data.project = { ...data.project, description }
      })
    }
    await syncAll([amina, bashir])
    const clash = (await bashir.call('sync.conflicts')).find((c) => c.collection === 'project')
    expect(clash?.fields).toEqual([expect.objectContaining({ field: 'description' })])
    expect(clash?.label).toBe("Amina's copy")
    await bashir.call('sync.resolve', {
      docId: clash!.docId,
      value: { ...clash!.mine, description: 'Agreed scope' },
    })
    await syncAll([bashir, amina])
    for (const p of [amina, bashir]) {
      expect(p.workspace.current.data.project.description).toBe('Agreed scope')
      expect(await p.call('sync.conflicts')).toEqual([])
    }
  }, 30_000)

  it('quarantines a malformed document from the hub and applies the rest', async () => {
    const amina = await peer('Amina', 'q')
    const bashir = await peer('Bashir', 'q')
    await amina.call('entities.create', { type: 'group', name: 'Valid group' })
    await amina.sync()
    // Written straight to the hub, as a careless or hostile client could.
    const forged = await fetch(`${hub.databaseUrl('q')}/${encodeURIComponent('entities:forged')}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        collection: 'entities',
        id: 'forged',
        value: { id: 'forged', type: 'spaceship', name: 42 },
        author: 'Mallory',
        at: new Date().toISOString(),
      }),
    })
    expect(forged.status).toBe(201)
    await bashir.sync()
    const data = bashir.workspace.current.data
    expect(data.entities.map((e) => e.name)).toEqual(['Valid group'])
    const team = await bashir.call('sync.team')
    expect(team.quarantine).toEqual([
      expect.objectContaining({ docId: 'entities:forged', author: 'Mallory' }),
    ])
    expect(team.status.quarantined).toBe(1)
  }, 30_000)

  it('quarantines a source whose text on the hub does not match its hash, and stores the others’ texts', async () => {
    const amina = await peer('Amina', 'texts')
    const bashir = await peer('Bashir', 'texts')
    const pasted = await amina.call('sources.paste', {
      title: 'Port log',
      text: 'Two boats left the harbour at dawn.',
    })
    expect(pasted.status).toBe('imported')
    await amina.sync()
    const genuine = amina.workspace.current.data.sources[0]!
    // A source whose record names one text while the hub holds another under that name.
    const claimed = createHash('sha256').update('What the record says.', 'utf8').digest('hex')
    const put = async (docId: string, body: Record<string, unknown>): Promise<void> => {
      const response = await fetch(`${hub.databaseUrl('texts')}/${encodeURIComponent(docId)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(response.status).toBe(201)
    }
    await put(`source-text:${claimed}`, {
      _attachments: {
        text: {
          content_type: 'text/plain',
          data: Buffer.from('Something else entirely.', 'utf8').toString('base64'),
        },
      },
    })
    await put('sources:tampered', {
      collection: 'sources',
      id: 'tampered',
      value: { ...genuine, id: 'tampered', title: 'Tampered', contentHash: claimed },
      author: 'Mallory',
      at: new Date().toISOString(),
    })
    await bashir.sync()
    const data = bashir.workspace.current.data
    expect(data.sources.map((s) => s.id)).toEqual([genuine.id])
    const text = await bashir.workspace.current.readSourceText(genuine.contentHash, genuine.length)
    expect(text).toBe('Two boats left the harbour at dawn.')
    const team = await bashir.call('sync.team')
    expect(team.quarantine).toEqual([
      expect.objectContaining({
        docId: 'sources:tampered',
        reason: expect.stringMatching(/text does not match/),
      }),
    ])
  }, 30_000)

  it('applies a first pull from the replication’s own batches, reading none of it back from the mirror', async () => {
    const amina = await peer('Amina', 'batches')
    const bashir = await peer('Bashir', 'batches')
    for (let i = 0; i < 40; i++)
      await amina.call('entities.create', { type: 'group', name: `Group ${i}` })
    const pasted = await amina.call('sources.paste', {
      title: 'Ferry schedule',
      text: 'The ferry runs twice a day when the river is high.',
    })
    expect(pasted.status).toBe('imported')
    await amina.sync()

    // What Bashir's incoming pass reads of his mirror's changes feed while he syncs (it asks
    // with conflicts; replication's own reads do not; the hub's databases are not his).
    const mirror = join(bashir.workspace.current.folder, '.sync')
    let readBack = 0
    const spy = vi.spyOn(PouchDB.prototype, 'changes').mockImplementation(function (
      this: { name: string },
      options,
    ) {
      const feed = originalChanges.call(this, options)
      if (this.name.startsWith(mirror) && options.conflicts === true)
        void Promise.resolve(feed).then((read) => {
          readBack += read.results.filter((row) => isRecordDocId(row.id)).length
        })
      return feed
    })
    try {
      await bashir.sync()
    } finally {
      spy.mockRestore()
    }
    expect(bashir.records()).toBe(amina.records())
    const source = bashir.workspace.current.data.sources[0]!
    expect(await bashir.workspace.current.readSourceText(source.contentHash, source.length)).toBe(
      'The ferry runs twice a day when the river is high.',
    )
    expect(readBack, 'records read back from the mirror’s changes feed').toBe(0)
  }, 30_000)

  it('applies a source whose text comes in a later batch of the pull as it came, without reading it back', async () => {
    const amina = await peer('Amina', 'text-later')
    const bashir = await peer('Bashir', 'text-later')
    for (let i = 0; i < 3; i++)
      await amina.call('entities.create', { type: 'group', name: `Group ${i}` })
    await amina.call('sources.paste', {
      title: 'Ferry schedule',
      text: 'The ferry runs twice a day when the river is high.',
    })
    await amina.sync()

    // Two documents a batch: the source lands beside the last group, its text in the next
    // batch. What Bashir's incoming pass asks his mirror by id is counted (allDocs is each
    // database's own, so it is wrapped on the mirror as its sync starts).
    const mirror = join(bashir.workspace.current.folder, '.sync')
    const readById: string[] = []
    const counted = new WeakSet<object>()
    const syncSpy = vi.spyOn(PouchDB.prototype, 'sync').mockImplementation(function (
      this: Pouch.Database<Record<string, unknown>> & { name: string },
      remote,
      options,
    ) {
      if (this.name.startsWith(mirror) && !counted.has(this)) {
        counted.add(this)
        const allDocs = this.allDocs.bind(this) as (options: unknown) => unknown
        ;(this as unknown as { allDocs: (options: unknown) => unknown }).allDocs = (options) => {
          // The incoming pass asks with conflicts; the journal's echo (writeLocal) does not.
          const { keys = [], conflicts } = (options ?? {}) as {
            keys?: string[]
            conflicts?: boolean
          }
          if (conflicts) readById.push(...keys.filter(isRecordDocId))
          return allDocs(options)
        }
      }
      return originalSync.call(this, remote, { ...options, batch_size: 2 })
    })
    try {
      await bashir.sync()
    } finally {
      syncSpy.mockRestore()
    }
    const source = bashir.workspace.current.data.sources[0]!
    expect(await bashir.workspace.current.readSourceText(source.contentHash, source.length)).toBe(
      'The ferry runs twice a day when the river is high.',
    )
    expect(bashir.records()).toBe(amina.records())
    expect(readById, 'records read back by id from the mirror').not.toContain(
      `sources:${source.id}`,
    )
  }, 30_000)

  it('refuses a hub over plain http beyond this computer, and keeps the password out of the project', async () => {
    const amina = await peer('Amina', 'auth')
    await expect(amina.call('sync.link', { url: 'http://hub.example.org/team' })).rejects.toThrow(
      /https/,
    )
    await amina.call('sync.link', {
      url: hub.databaseUrl('auth'),
      username: 'amina',
      password: 'correct horse battery staple',
    })
    const { readFile, readdir, stat } = await import('node:fs/promises')
    const folder = amina.workspace.current.folder
    const files = await readdir(join(folder, '.sync'))
    for (const file of files.filter((f) => f.endsWith('.json'))) {
      expect(await readFile(join(folder, '.sync', file), 'utf8')).not.toContain('battery')
    }
    const vault = join(amina.workspace.options.userDataDir, 'credentials.json')
    expect((await stat(vault)).mode & 0o777).toBe(0o600)
    expect(await readFile(vault, 'utf8')).toContain('battery')
  }, 30_000)
})
