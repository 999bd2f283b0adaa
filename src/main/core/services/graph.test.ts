import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GraphElements, GraphImage, GraphImageInfo } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import { createDispatch, type Dispatch } from '../dispatch'
import { ASSETS_FOLDER, ProjectStore } from '../project-store'
import { storedText } from '../../../../test/support/stored'
import { copySample, tempDir } from '../../../../test/support/folders'
import { Workspace } from '../workspace'

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let dispatch: Dispatch
let projectDir: string

beforeEach(async () => {
  dir = await tempDir()
  workspace = new Workspace({ userDataDir: dir.path, store: { writeDelayMs: 5 } })
  projectDir = await copySample(dir.path)
  await workspace.open(projectDir)
  dispatch = createDispatch(workspace, { validateOutput: true, logError: () => undefined })
})
afterEach(async () => {
  await workspace.close()
  await dir.cleanup()
})

async function value<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(method, input)
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

function errorOf(result: Result<unknown>) {
  if (result.ok) throw new Error('expected an error')
  return result.error
}

/** A 1x1 transparent PNG. */
const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

describe('graph.elements', () => {
  it('draws every entity and relation of the sample, the NRF linked to Ahmad Masoud and Panjshir', async () => {
    const graph = await value<GraphElements>('graph.elements')
    expect(graph.nodes).toHaveLength(24)
    expect(graph.edges).toHaveLength(23)
    const names = new Map(graph.nodes.map((n) => [n.id, n.name]))
    const linked = graph.edges
      .filter((e) => e.from === 'grp-nrf' || e.to === 'grp-nrf')
      .map((e) => `${names.get(e.from)} ${e.type} ${names.get(e.to)}`)
    expect(linked).toContain('Ahmad Masoud leads National Resistance Front')
    expect(linked).toContain('National Resistance Front operates-in Panjshir')
    expect(graph.positions).toEqual({})
  })

  it('counts evidence and degree the way the grid counts quotes', async () => {
    const graph = await value<GraphElements>('graph.elements')
    const table = await value<{ entity: { id: string }; quoteCount: number }[]>('entities.table', {
      type: 'group',
    })
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]))
    for (const row of table) expect(nodes.get(row.entity.id)?.evidenceCount).toBe(row.quoteCount)
    const nrf = nodes.get('grp-nrf')
    // leads, operates-in x3, opposes
    expect(nrf?.degree).toBe(5)
    const edge = graph.edges.find((e) => e.id === 'rel-nrf-operates-in-panjshir')
    expect(edge).toMatchObject({
      evidence: ['ann-nrf-panjshir'],
      evidenceCount: 1,
      supported: true,
    })
    expect(edge?.bestCredibility).toBeGreaterThanOrEqual(1)
  })

  it('marks a relation whose evidence is gone as unsupported', async () => {
    const store = workspace.current
    store.mutate((data) => {
      // Saved records are frozen: an edit replaces the record.
      const index = data.relations.findIndex((r) => r.id === 'rel-nrf-operates-in-kapisa')
      if (index >= 0) data.relations[index] = { ...data.relations[index]!, evidence: [] }
    })
    const graph = await value<GraphElements>('graph.elements')
    const edge = graph.edges.find((e) => e.id === 'rel-nrf-operates-in-kapisa')
    expect(edge).toMatchObject({ evidenceCount: 0, supported: false })
    expect(edge?.bestCredibility).toBeUndefined()
  })
})

describe('graph positions', () => {
  it('saves positions, merges later ones, and keeps them across a reopen', async () => {
    await value('graph.savePositions', {
      positions: { 'grp-nrf': { x: 10, y: 20 }, 'plc-panjshir': { x: -5.5, y: 7 } },
    })
    const saved = await value<{ saved: number; skipped: number }>('graph.savePositions', {
      positions: { 'grp-nrf': { x: 11, y: 21 }, 'no-such-entity': { x: 0, y: 0 } },
    })
    expect(saved).toEqual({ saved: 1, skipped: 1 })
    await workspace.close()
    const reopened = await ProjectStore.open(projectDir)
    expect(reopened.data.views.graphPositions).toEqual({
      'grp-nrf': { x: 11, y: 21 },
      'plc-panjshir': { x: -5.5, y: 7 },
    })
    await workspace.open(projectDir)
    const graph = await value<GraphElements>('graph.elements')
    expect(graph.positions['grp-nrf']).toEqual({ x: 11, y: 21 })
  })

  it('refuses a position that is not a finite number and changes nothing', async () => {
    await value('graph.savePositions', { positions: { 'grp-nrf': { x: 1, y: 2 } } })
    const error = errorOf(
      await dispatch('graph.savePositions', {
        positions: { 'grp-nrf': { x: 'left', y: 2 }, 'plc-kapisa': { x: 3, y: 4 } },
      }),
    )
    expect(error.code).toBe('invalid_input')
    expect(error.message).toContain('positions.grp-nrf.x')
    const graph = await value<GraphElements>('graph.elements')
    expect(graph.positions).toEqual({ 'grp-nrf': { x: 1, y: 2 } })
  })

  it('does not return the position of a deleted entity, and drops it on the next save', async () => {
    await value('graph.savePositions', {
      positions: { 'grp-wolf-unit': { x: 1, y: 2 }, 'grp-nrf': { x: 3, y: 4 } },
    })
    await value('entities.delete', { id: 'grp-wolf-unit' })
    expect((await value<GraphElements>('graph.elements')).positions).toEqual({
      'grp-nrf': { x: 3, y: 4 },
    })
    await value('graph.savePositions', { positions: { 'grp-nrf': { x: 5, y: 6 } } })
    expect(workspace.current.data.views.graphPositions).toEqual({ 'grp-nrf': { x: 5, y: 6 } })
  })

  it('resets every saved position', async () => {
    await value('graph.savePositions', { positions: { 'grp-nrf': { x: 1, y: 2 } } })
    expect(await value('graph.resetPositions')).toEqual({ cleared: 1 })
    expect((await value<GraphElements>('graph.elements')).positions).toEqual({})
    expect(await value('graph.resetPositions')).toEqual({ cleared: 0 })
  })
})

describe('graph image for reports', () => {
  it('has none until one is saved', async () => {
    expect(await value('graph.image')).toBeNull()
  })

  it('keeps a PNG in assets/ and gives it back as a data URL after a reopen', async () => {
    const info = await value<GraphImageInfo>('graph.saveImage', {
      format: 'png',
      data: TINY_PNG,
      width: 1,
      height: 1,
    })
    expect(info).toMatchObject({ format: 'png', width: 1, height: 1 })
    await workspace.close()
    const files = await readdir(join(projectDir, ASSETS_FOLDER))
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.png$/)
    expect(await storedText(projectDir)).not.toContain(TINY_PNG)
    await workspace.open(projectDir)
    const image = await value<GraphImage>('graph.image')
    expect(image.dataUrl).toBe(`data:image/png;base64,${TINY_PNG}`)
  })

  it('keeps an SVG as markup', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"></svg>'
    await value('graph.saveImage', { format: 'svg', data: svg, width: 20, height: 10 })
    const image = await value<GraphImage>('graph.image')
    expect(image.format).toBe('svg')
    expect(Buffer.from(image.dataUrl.split(',')[1] ?? '', 'base64').toString('utf8')).toBe(svg)
  })

  it('is the picture a report prints in its graph section', async () => {
    const report = await value<{ id: string }>('reports.create', {
      title: 'Graph brief',
      author: 'A. Analyst',
      classification: 'UNCLASSIFIED',
      sections: [{ id: 'g', kind: 'graph', caption: 'Who operates where' }],
      options: { pageSize: 'A4', appendixOfEntityQuotes: false },
    })
    expect((await value<{ graphImage: boolean }>('reports.choices')).graphImage).toBe(false)
    const drawn = await value<{ html: string }>('reports.html', { id: report.id })
    expect(drawn.html).not.toContain(TINY_PNG)

    await value('graph.saveImage', { format: 'png', data: TINY_PNG, width: 1, height: 1 })
    expect((await value<{ graphImage: boolean }>('reports.choices')).graphImage).toBe(true)
    const html = (await value<{ html: string }>('reports.html', { id: report.id })).html
    expect(html).toContain(`<img src="data:image/png;base64,${TINY_PNG}"`)
    expect(html).toContain('Who operates where')
  })

  it('refuses data that is not the image it claims to be, and keeps the previous image', async () => {
    await value('graph.saveImage', { format: 'png', data: TINY_PNG, width: 1, height: 1 })
    const notPng = Buffer.from('GIF89a not a png at all, just some bytes').toString('base64')
    for (const input of [
      { format: 'png', data: notPng, width: 1, height: 1 },
      { format: 'png', data: 'not base64!', width: 1, height: 1 },
      { format: 'svg', data: '<html><body></body></html>', width: 1, height: 1 },
    ]) {
      expect(errorOf(await dispatch('graph.saveImage', input)).code).toBe('invalid_input')
    }
    const image = await value<GraphImage>('graph.image')
    expect(image.dataUrl).toBe(`data:image/png;base64,${TINY_PNG}`)
  })
})
