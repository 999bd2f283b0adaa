import { describe, expect, it } from 'vitest'
import { takesTypingKeys, undoRedoCommand, type FocusedElement, type KeyPress } from './shortcuts'

function press(key: string, modifiers: Partial<KeyPress> = {}): KeyPress {
  const letter = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : ''
  return {
    key,
    code: letter,
    ctrlKey: true,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...modifiers,
  }
}

const GRID_CELL: FocusedElement = { tagName: 'DIV' }
const CHECKBOX: FocusedElement = { tagName: 'INPUT', type: 'checkbox' }

describe('undo and redo keys', () => {
  it('undo with Ctrl+Z or Cmd+Z, redo with Shift or Y', () => {
    expect(undoRedoCommand(press('z'), GRID_CELL, false)).toBe('undo')
    expect(undoRedoCommand(press('z', { ctrlKey: false, metaKey: true }), null, false)).toBe('undo')
    expect(undoRedoCommand(press('Z', { shiftKey: true }), GRID_CELL, false)).toBe('redo')
    expect(undoRedoCommand(press('y'), GRID_CELL, false)).toBe('redo')
  })

  it('leave other keys and plain or Alt combinations alone', () => {
    expect(undoRedoCommand(press('z', { ctrlKey: false }), GRID_CELL, false)).toBeNull()
    expect(undoRedoCommand(press('z', { altKey: true }), GRID_CELL, false)).toBeNull()
    expect(undoRedoCommand(press('x'), GRID_CELL, false)).toBeNull()
    expect(undoRedoCommand(press('Enter'), GRID_CELL, false)).toBeNull()
  })

  it('find the Z key by its place on a Dari or Arabic layout', () => {
    expect(undoRedoCommand({ ...press('z'), key: 'ظ', code: 'KeyZ' }, GRID_CELL, false)).toBe(
      'undo',
    )
    expect(undoRedoCommand({ ...press('z'), key: 'ض', code: 'KeyQ' }, GRID_CELL, false)).toBeNull()
  })

  it('leave the key to a focused text field, and to an open dialog', () => {
    for (const field of [
      { tagName: 'INPUT' },
      { tagName: 'INPUT', type: 'search' },
      { tagName: 'input', type: 'number' },
      { tagName: 'TEXTAREA' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
    ]) {
      expect(undoRedoCommand(press('z'), field, false), JSON.stringify(field)).toBeNull()
    }
    expect(undoRedoCommand(press('z'), GRID_CELL, true)).toBeNull()
  })

  it('undo the session’s last edit from a checkbox or a button, which have no undo of their own', () => {
    expect(takesTypingKeys(CHECKBOX)).toBe(false)
    expect(undoRedoCommand(press('z'), CHECKBOX, false)).toBe('undo')
    expect(undoRedoCommand(press('z'), { tagName: 'BUTTON' }, false)).toBe('undo')
    expect(undoRedoCommand(press('z'), { tagName: 'INPUT', type: 'radio' }, false)).toBe('undo')
  })
})
