import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectStore } from '../project-store'
import { openSample, type SampleSession } from '../../../../test/support/sample-dispatch'

let s: SampleSession
beforeEach(async () => {
  s = await openSample()
})
afterEach(() => s.close())

describe('grid column layouts', () => {
  it('saves a layout per grid in the project and reads it back after reopening', async () => {
    expect(await s.value('grid.columns.get', { grid: 'entities.group' })).toEqual([])
    const columns = [
      { colId: 'name', width: 240, pinned: 'left' as const },
      { colId: 'phase', hide: true },
      { colId: 'leaders', width: 120 },
    ]
    expect(await s.value('grid.columns.save', { grid: 'entities.group', columns })).toEqual({
      saved: 3,
    })
    await s.value('grid.columns.save', { grid: 'entities.person', columns: [{ colId: 'name' }] })
    await s.workspace.current.flush()
    const reopened = await ProjectStore.open(s.workspace.current.folder)
    expect(reopened.data.views.gridColumns?.['entities.group']).toEqual(columns)
    expect(await s.value('grid.columns.get', { grid: 'entities.group' })).toEqual(columns)
  })

  it('refuses malformed layouts', async () => {
    const before = s.snapshot()
    for (const input of [
      { grid: 'Entities Group', columns: [] },
      { grid: 'entities.group', columns: [{ colId: 'name', width: -5 }] },
      { grid: 'entities.group', columns: [{ colId: 'name', pinned: 'top' }] },
      { grid: 'entities.group', columns: [{ colId: 'name', script: 'x' }] },
      { grid: 'entities.group', columns: [{ colId: 'name', sort: 'asc' }] },
    ]) {
      expect((await s.error('grid.columns.save', input)).code).toBe('invalid_input')
    }
    expect(s.snapshot()).toBe(before)
  })
})
