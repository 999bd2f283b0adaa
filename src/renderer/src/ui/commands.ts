/**
 * The one registry of commands: what the palette lists, what the `?` overlay shows and what
 * the key handler runs. A view registers its commands while it is mounted (useCommands); the
 * app shell registers the global ones. Since the overlay and the key handler read the same
 * entries, a shortcut cannot be listed without working, nor work without being listed.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react'
import { chordMatches, takesTypingKeys, type FocusedElement, type KeyPress } from './keys'

export interface Command {
  /** Stable and unique: "notes.new". A view's command keeps its id in views.ts' catalogue. */
  id: string
  /** What the palette and the overlay show: "New note". */
  title: string
  /** Where it belongs: "Global", or the view's label ("Notes"). */
  scope: string
  /** Chords as the overlay writes them: "Mod+K", "Mod+Shift+Z", "?", "/". */
  keys?: readonly string[]
  /** Other words the palette matches: "dark mode", "CSV". */
  keywords?: readonly string[]
  /** Its keys work while a text field has the focus (Mod+K); otherwise the field keeps them. */
  inFields?: boolean
  /** Shown but not runnable now (nothing selected, a layout running). */
  disabled?: boolean
  run: () => void
}

type Listener = () => void

interface Registration {
  token: symbol
  commands: readonly Command[]
}

/**
 * Registrations in order; a later one (the view opened last) wins a key both bind. Replaced
 * rather than mutated so useSyncExternalStore sees each change.
 */
let registrations: readonly Registration[] = []
let snapshot: readonly Command[] = []
const listeners = new Set<Listener>()
/**
 * A command asked for from another view: run once that view registers it, if it does so
 * soon (the view opening); a view opened later by hand must not run it by surprise.
 */
let pending: { id: string; until: number } | null = null
const PENDING_MS = 10_000

function publish(): void {
  const seen = new Set<string>()
  const commands: Command[] = []
  for (const registration of [...registrations].reverse()) {
    for (const command of registration.commands) {
      if (seen.has(command.id)) continue
      seen.add(command.id)
      commands.push(command)
    }
  }
  snapshot = commands
  for (const listener of listeners) listener()
}

/** Adds commands until the returned function takes them away again. */
export function registerCommands(commands: readonly Command[]): () => void {
  const token = Symbol('commands')
  registrations = [...registrations, { token, commands }]
  publish()
  if (pending && Date.now() > pending.until) pending = null
  if (pending) {
    const wantedId = pending.id
    const wanted = commands.find((command) => command.id === wantedId && !command.disabled)
    if (wanted) {
      pending = null
      // After the registering render has committed, so the view's own state is in place.
      queueMicrotask(() => wanted.run())
    }
  }
  return () => {
    registrations = registrations.filter((registration) => registration.token !== token)
    publish()
  }
}

/** Every registered command, the most recently registered first on a shared id. */
export function registeredCommands(): readonly Command[] {
  return snapshot
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useRegisteredCommands(): readonly Command[] {
  return useSyncExternalStore(subscribe, registeredCommands)
}

/**
 * Runs `id` now if registered, else once a view registers it (the caller navigates there).
 * Returns whether it ran at once.
 */
export function runCommand(id: string): boolean {
  const command = snapshot.find((candidate) => candidate.id === id)
  if (command && !command.disabled) {
    pending = null
    command.run()
    return true
  }
  pending = { id, until: Date.now() + PENDING_MS }
  return false
}

/** Runs a view's command, opening the view first when it is not the one shown. */
export function runInView(viewId: string, id: string): void {
  if (!runCommand(id)) window.location.hash = `#/${viewId}`
}

/**
 * Registers a view's commands while it is mounted. The titles, keys and disabled flags are
 * read on each render; `run` always calls the latest closure, so callers need not memoise.
 */
export function useCommands(commands: readonly Command[]): void {
  const latest = useRef(commands)
  useEffect(() => {
    latest.current = commands
  })
  const shape = JSON.stringify(
    commands.map(({ id, title, scope, keys, keywords, inFields, disabled }) => [
      id,
      title,
      scope,
      keys,
      keywords,
      inFields,
      disabled,
    ]),
  )
  useEffect(
    () =>
      registerCommands(
        latest.current.map((command, index) => ({
          ...command,
          run: () => latest.current[index]?.run(),
        })),
      ),
    // The registration changes only when what the overlay and palette show changes.
    [shape],
  )
}

/**
 * The command a key press runs, or null: a field keeps the keys it types with unless the
 * command says otherwise, and an open modal dialog keeps every key but Mod+K's kind.
 */
export function commandForKey(
  commands: readonly Command[],
  press: KeyPress,
  focused: FocusedElement | null,
  modalOpen: boolean,
): Command | null {
  const typing = takesTypingKeys(focused)
  for (const command of commands) {
    if (command.disabled || !command.keys) continue
    if (!command.keys.some((chord) => chordMatches(chord, press))) continue
    if (!command.inFields && (typing || modalOpen)) continue
    return command
  }
  return null
}

/** The one keydown handler of the app: runs the registered command a key press names. */
export function useCommandKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return
      const focused = event.target instanceof HTMLElement ? event.target : null
      const modalOpen = document.querySelector('dialog[open]') !== null
      const command = commandForKey(snapshot, event, focused, modalOpen)
      if (!command) return
      event.preventDefault()
      command.run()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
