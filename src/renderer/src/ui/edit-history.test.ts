import { describe, expect, it } from 'vitest'
import { EditHistory } from './edit-history'

function counter() {
  const state = { value: 0 }
  const entry = (label: string, by: number) => ({
    label,
    undo: async () => {
      state.value -= by
    },
    redo: async () => {
      state.value += by
    },
  })
  return { state, entry }
}

describe('edit history', () => {
  it('undoes and redoes in order, and a new edit drops what was undone', async () => {
    const history = new EditHistory()
    const { state, entry } = counter()
    state.value = 3
    history.push(entry('add one', 1))
    history.push(entry('add two', 2))
    expect(history.getState()).toEqual({ busy: false, undoLabel: 'add two' })
    expect(await history.undo()).toBe('add two')
    expect(state.value).toBe(1)
    expect(history.getState()).toMatchObject({ undoLabel: 'add one', redoLabel: 'add two' })
    expect(await history.redo()).toBe('add two')
    expect(state.value).toBe(3)
    await history.undo()
    history.push(entry('add five', 5))
    expect(history.getState().redoLabel).toBeUndefined()
    expect(await history.redo()).toBeNull()
  })

  it('stops replaying past a step that fails, and says so', async () => {
    const history = new EditHistory()
    const { entry } = counter()
    history.push(entry('first', 1))
    history.push({
      label: 'broken',
      undo: () => Promise.reject(new Error('gone')),
      redo: async () => undefined,
    })
    await expect(history.undo()).rejects.toThrow('gone')
    expect(history.getState().undoLabel).toBeUndefined()
    expect(await history.undo()).toBeNull()
  })

  it('keeps only the newest entries and ignores a second undo while one runs', async () => {
    const history = new EditHistory(2)
    const { state, entry } = counter()
    for (const n of [1, 2, 3]) history.push(entry(`add ${n}`, n))
    let release!: () => void
    history.push({
      label: 'slow',
      undo: () => new Promise<void>((resolve) => (release = resolve)),
      redo: async () => undefined,
    })
    const first = history.undo()
    expect(await history.undo()).toBeNull()
    release()
    expect(await first).toBe('slow')
    expect(await history.undo()).toBe('add 3')
    expect(await history.undo()).toBeNull()
    expect(state.value).toBe(-3)
  })
})
