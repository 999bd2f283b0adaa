import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  commandForKey,
  registerCommands,
  registeredCommands,
  runCommand,
  type Command,
} from './commands'
import { chordLabel, chordMatches, type KeyPress } from './keys'

function press(key: string, modifiers: Partial<KeyPress> = {}): KeyPress {
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : ''
  return { key, code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers }
}

function command(id: string, extra: Partial<Command> = {}): Command {
  return { id, title: id, scope: 'Test', run: vi.fn(), ...extra }
}

const cleanups: (() => void)[] = []
function register(...commands: Command[]): void {
  cleanups.push(registerCommands(commands))
}
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

describe('chords', () => {
  it('Mod is Ctrl or Cmd, and a letter is found by its place on a Dari layout', () => {
    expect(chordMatches('Mod+K', press('k', { ctrlKey: true }))).toBe(true)
    expect(chordMatches('Mod+K', press('k', { metaKey: true }))).toBe(true)
    expect(chordMatches('Mod+K', { ...press('k', { ctrlKey: true }), key: 'ن' })).toBe(true)
    expect(chordMatches('Mod+K', press('k'))).toBe(false)
    expect(chordMatches('Mod+K', press('k', { ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(chordMatches('Mod+K', press('k', { ctrlKey: true, altKey: true }))).toBe(false)
  })

  it('a symbol matches whatever Shift it took, but not with Ctrl', () => {
    expect(chordMatches('?', press('?', { shiftKey: true }))).toBe(true)
    expect(chordMatches('/', press('/'))).toBe(true)
    expect(chordMatches('?', press('?', { ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(chordMatches('/', press('?', { shiftKey: true }))).toBe(false)
  })

  it('names chords for the keyboard in front of the analyst', () => {
    expect(['Ctrl+Shift+Z', '⌘⇧Z']).toContain(chordLabel('Mod+Shift+Z'))
    expect(chordLabel('?')).toBe('?')
  })
})

describe('the registry', () => {
  it('lists what views register, and forgets it when they unmount', () => {
    const unregister = registerCommands([command('notes.new')])
    expect(registeredCommands().map((c) => c.id)).toContain('notes.new')
    unregister()
    expect(registeredCommands().map((c) => c.id)).not.toContain('notes.new')
  })

  it('lets the view registered last win a shared id', () => {
    register(command('edit.undo', { title: 'Undo (grid)' }))
    register(command('edit.undo', { title: 'Undo (matrix)' }))
    expect(
      registeredCommands()
        .filter((c) => c.id === 'edit.undo')
        .map((c) => c.title),
    ).toEqual(['Undo (matrix)'])
  })

  it('runs a command of a view not open yet once that view registers it', async () => {
    expect(runCommand('grid.export-csv')).toBe(false)
    const exportCsv = command('grid.export-csv', { disabled: true })
    register(exportCsv)
    await Promise.resolve()
    expect(exportCsv.run).not.toHaveBeenCalled()
    // The grid becomes ready: the command registers again, enabled, and runs.
    const ready = command('grid.export-csv')
    register(ready)
    await Promise.resolve()
    expect(ready.run).toHaveBeenCalledTimes(1)
    // Once only.
    register(command('grid.export-csv'))
    await Promise.resolve()
    expect(ready.run).toHaveBeenCalledTimes(1)
  })

  it('does not run a request the analyst walked away from', async () => {
    vi.useFakeTimers()
    try {
      runCommand('notes.new')
      vi.advanceTimersByTime(60_000)
      const late = command('notes.new')
      register(late)
      await Promise.resolve()
      expect(late.run).not.toHaveBeenCalled()
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('the key handler', () => {
  const palette = command('palette.open', { keys: ['Mod+K'], inFields: true })
  const shortcuts = command('help.shortcuts', { keys: ['?'] })
  const undo = command('edit.undo', { keys: ['Mod+Z'] })
  const all = [palette, shortcuts, undo]
  const field = { tagName: 'INPUT', type: 'search' }

  it('runs the command whose chord was pressed', () => {
    expect(commandForKey(all, press('?', { shiftKey: true }), null, false)).toBe(shortcuts)
    expect(commandForKey(all, press('k', { ctrlKey: true }), null, false)).toBe(palette)
    expect(commandForKey(all, press('x', { ctrlKey: true }), null, false)).toBeNull()
  })

  it('leaves a text field its own keys unless the command works in fields', () => {
    expect(commandForKey(all, press('?', { shiftKey: true }), field, false)).toBeNull()
    expect(commandForKey(all, press('z', { ctrlKey: true }), field, false)).toBeNull()
    expect(commandForKey(all, press('k', { ctrlKey: true }), field, false)).toBe(palette)
  })

  it('leaves an open dialog its keys, and skips a disabled command', () => {
    expect(commandForKey(all, press('z', { ctrlKey: true }), null, true)).toBeNull()
    expect(commandForKey(all, press('k', { ctrlKey: true }), null, true)).toBe(palette)
    const off = command('help.shortcuts', { keys: ['?'], disabled: true })
    expect(commandForKey([off], press('?', { shiftKey: true }), null, false)).toBeNull()
  })
})
