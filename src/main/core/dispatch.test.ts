import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '../../shared/contract'
import type { Result } from '../../shared/result'
import { createDispatch, type Dispatch } from './dispatch'
import { ProjectStore } from './project-store'
import { copySample, tempDir } from '../../../test/support/folders'
import { Workspace } from './workspace'

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let dispatch: Dispatch
const logged: unknown[] = []

beforeEach(async () => {
  dir = await tempDir()
  workspace = new Workspace({ userDataDir: dir.path, store: { writeDelayMs: 10 } })
  await workspace.open(await copySample(dir.path))
  logged.length = 0
  dispatch = createDispatch(workspace, { validateOutput: true, logError: (e) => logged.push(e) })
})
afterEach(async () => {
  await workspace.close()
  await dir.cleanup()
})

async function value<T = unknown>(method: string, input: unknown): Promise<T> {
  const result = await dispatch(method, input)
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

function errorOf(result: Result<unknown>) {
  if (result.ok) throw new Error('expected an error')
  return result.error
}

describe('dispatch', () => {
  it('answers project.info with the sample project', async () => {
    const info = await value<{ project: { name: string }; counts: { entities: number } }>(
      'project.info',
      {},
    )
    expect(info.project.name).toMatch(/Taliban/)
    expect(info.counts.entities).toBeGreaterThan(20)
  })

  it('lists the eight named groups with their leaders and quote counts', async () => {
    const rows = await value<
      {
        entity: { name: string }
        leaders: { name: string }[]
        areas: { name: string }[]
        quoteCount: number
      }[]
    >('entities.table', { type: 'group' })
    const byName = new Map(rows.map((r) => [r.entity.name, r]))
    for (const name of [
      'National Resistance Front',
      'National Freedom Front',
      'Resistance Movement for Justice',
      'Free Tigers of Turkistan',
      'National Islamic Freedom Movement',
      'Freedom Uprising',
      'Wolf Unit',
      'Supreme Resistance Council',
    ]) {
      expect(byName.get(name), name).toBeDefined()
      expect(byName.get(name)!.quoteCount, name).toBeGreaterThan(0)
    }
    expect(byName.get('National Resistance Front')!.leaders.map((l) => l.name)).toEqual([
      'Ahmad Masoud',
    ])
    expect(byName.get('National Resistance Front')!.areas.map((l) => l.name)).toEqual([
      'Andarab',
      'Kapisa',
      'Panjshir',
    ])
    expect(byName.get('National Freedom Front')!.leaders.map((l) => l.name)).toEqual([
      'Mohammad Yasin Zia',
    ])
  })

  it('creates, updates and deletes an entity, and the change reaches disk', async () => {
    const created = await value<{ id: string; name: string }>('entities.create', {
      type: 'group',
      name: 'Afghanistan Freedom Front',
      attributes: { acronym: 'AFF', phase: 'guerrilla-warfare' },
    })
    const updated = await value<{ attributes: Record<string, unknown> }>('entities.update', {
      id: created.id,
      patch: { attributes: { phase: 'political-mobilization', acronym: null } },
    })
    expect(updated.attributes).toEqual({ phase: 'political-mobilization' })
    await workspace.current.flush()

    const onDisk = await ProjectStore.open(workspace.current.folder)
    expect(onDisk.data.entities.find((e) => e.id === created.id)?.attributes).toEqual({
      phase: 'political-mobilization',
    })
    const deleted = await value<{ removedRelations: string[] }>('entities.delete', {
      id: 'grp-nrf',
    })
    expect(deleted.removedRelations.length).toBeGreaterThan(2)
    const rows = await value<{ entity: { id: string } }[]>('entities.table', { type: 'group' })
    expect(rows.map((r) => r.entity.id)).not.toContain('grp-nrf')
    const leaders = await value<{ leaders: unknown[] }[]>('entities.table', { type: 'person' })
    expect(leaders.length).toBeGreaterThan(0)
  })

  it('refuses invalid input with a typed error and changes nothing', async () => {
    const before = workspace.current.revision
    const cases: [string, unknown, string][] = [
      ['entities.create', { type: 'group', name: '   ' }, 'invalid_input'],
      [
        'entities.create',
        { type: 'person', name: 'X', attributes: { phase: 'guerrilla-warfare' } },
        'invalid_input',
      ],
      [
        'entities.update',
        { id: 'grp-nrf', patch: { attributes: { phase: 'world-domination' } } },
        'invalid_input',
      ],
      ['entities.table', {}, 'invalid_input'],
      ['entities.get', { id: 'nope' }, 'not_found'],
      ['entities.get', 'grp-nrf', 'invalid_input'],
      ['entities.list', { type: 'group', extra: 1 }, 'invalid_input'],
      ['sources.get', { id: '../../etc/passwd' }, 'invalid_input'],
      ['no.such.method', {}, 'unknown_method'],
      ['__proto__', {}, 'unknown_method'],
      ['toString', {}, 'unknown_method'],
    ]
    for (const [method, input, code] of cases) {
      const error = errorOf(await dispatch(method, input))
      expect(error.code, `${method} ${JSON.stringify(input)}`).toBe(code)
      expect(error.message).not.toMatch(/\n\s+at /)
    }
    const invalidPhase = errorOf(
      await dispatch('entities.update', {
        id: 'grp-nrf',
        patch: { attributes: { phase: 'world-domination' } },
      }),
    )
    expect(invalidPhase.issues?.[0]?.path).toBe('attributes.phase')
    expect(workspace.current.revision).toBe(before)
  })

  it('reports no_project when nothing is open', async () => {
    await workspace.close()
    expect(errorOf(await dispatch('entities.list', {})).code).toBe('no_project')
  })

  it('sends a refusal with its key, so the window can word it in its own language', async () => {
    const error = errorOf(await dispatch('entities.get', { id: 'nope' }))
    expect(error.message).toBe('No entity with id "nope" in this project.')
    expect(error.text).toEqual({ key: 'notFound', values: { kind: 'entity', id: 'nope' } })
    await workspace.close()
    expect(errorOf(await dispatch('entities.list', {})).text).toEqual({ key: 'noProjectOpen' })
  })

  it('turns an unexpected failure into a generic internal error without a stack', async () => {
    vi.spyOn(workspace, 'recent').mockRejectedValueOnce(
      new Error('secret detail at /home/x/file.ts:1'),
    )
    const error = errorOf(await dispatch('project.recent', {}))
    expect(error.code).toBe('internal')
    expect(error.message).not.toContain('secret')
    expect(error.text).toEqual({ key: 'unexpected', values: { method: 'project.recent' } })
    expect(logged).toHaveLength(1)
  })

  it('has a handler for every method of the contract', async () => {
    for (const method of METHOD_NAMES) {
      const result = await dispatch(method, { definitely: 'not valid' })
      expect(result.ok ? 'ok' : result.error.code, method).not.toBe('unknown_method')
    }
  })

  it('returns a source with its text and annotations in text order', async () => {
    const source = await value<{
      text: string
      annotations: {
        target: { position: { start: number; end: number }; quote: { exact: string } }
      }[]
    }>('sources.get', { id: 'src-brief' })
    const starts = source.annotations.map((a) => a.target.position.start)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    for (const a of source.annotations) {
      expect(source.text.slice(a.target.position.start, a.target.position.end)).toBe(
        a.target.quote.exact,
      )
    }
  })
})
