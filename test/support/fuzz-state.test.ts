import { afterEach, beforeEach, expect, it } from 'vitest'
import { Workspace } from '../../src/main/core/workspace'
import { copySample, tempDir } from './folders'
import { check, stateChange, storeState } from './fuzz-state'

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace

beforeEach(async () => {
  dir = await tempDir('sightline-fuzz-state-')
  workspace = new Workspace({ userDataDir: dir.path, store: { writeDelayMs: 5, backups: false } })
  await workspace.open(await copySample(dir.path))
})
afterEach(async () => {
  await workspace.close()
  await dir.cleanup()
})

it('sees no change when nothing changed', () => {
  expect(stateChange(storeState(workspace), storeState(workspace))).toBeNull()
})

it('sees an edit made through the store', () => {
  const before = storeState(workspace)
  workspace.current.mutate((data) => {
    data.entities[0] = { ...data.entities[0]!, name: 'Renamed' }
  })
  expect(stateChange(before, storeState(workspace))).toMatch(/revision/)
})

it('sees a record replaced, added or a field edited behind the store’s back', () => {
  const data = workspace.current.data as unknown as {
    entities: object[]
    project: { name: string }
  }
  let before = storeState(workspace)
  data.entities[0] = { ...data.entities[0] }
  expect(stateChange(before, storeState(workspace))).toBe('entities changed')
  before = storeState(workspace)
  data.entities.push({ ...data.entities[0] })
  expect(stateChange(before, storeState(workspace))).toBe('entities changed')
  before = storeState(workspace)
  data.project.name = `${data.project.name} (edited)`
  expect(stateChange(before, storeState(workspace))).toBe('a field changed')
})

it('sees a record not yet frozen edited in place, even once its batch has frozen it', () => {
  const data = workspace.current.data as unknown as { entities: { name: string }[] }
  const fresh = { ...data.entities[0]!, id: 'unsaved' }
  data.entities.push(fresh)
  const before = storeState(workspace)
  fresh.name = 'changed in place'
  Object.freeze(fresh)
  expect(stateChange(before, storeState(workspace))).toBe('an unsaved record changed')
})

it('refuses an edit in place of a saved record, which is frozen', () => {
  const record = workspace.current.data.entities[0] as { name: string }
  expect(() => {
    record.name = 'changed in place'
  }).toThrow(TypeError)
})

it('throws its message when the condition fails', () => {
  expect(() => check(false, 'broken')).toThrow('broken')
  expect(() => check(true, 'fine')).not.toThrow()
})
