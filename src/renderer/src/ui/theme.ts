/**
 * Light or dark: the system's choice unless the analyst picked one, kept in this user's
 * browser storage. The look itself is the CSS custom properties of ui/theme.css, switched by
 * `data-theme` on <html>; canvases that cannot read CSS (cytoscape) ask `themeColour`.
 */
import { useSyncExternalStore } from 'react'

export type ThemePreference = 'system' | 'light' | 'dark'
export type Theme = 'light' | 'dark'

const STORAGE_KEY = 'sightline.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'

function storedPreference(): ThemePreference {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    // Storage refused (a locked-down profile): follow the system.
    return 'system'
  }
}

let preference: ThemePreference = 'system'
const listeners = new Set<() => void>()

/** The theme a preference comes to, given whether the system prefers dark. */
export function resolveTheme(choice: ThemePreference, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light'
  return choice
}

function currentTheme(): Theme {
  return resolveTheme(preference, window.matchMedia(DARK_QUERY).matches)
}

function apply(): void {
  const theme = currentTheme()
  // theme.css switches the tokens and color-scheme (native scroll bars, pickers) on it.
  document.documentElement.dataset.theme = theme
  for (const listener of listeners) listener()
}

/** Reads the stored choice and applies it; called once before the first render. */
export function startTheme(): void {
  preference = storedPreference()
  window.matchMedia(DARK_QUERY).addEventListener('change', apply)
  apply()
}

export function setThemePreference(choice: ThemePreference): void {
  preference = choice
  try {
    if (choice === 'system') window.localStorage.removeItem(STORAGE_KEY)
    else window.localStorage.setItem(STORAGE_KEY, choice)
  } catch {
    // Not kept across restarts, still applied now.
  }
  apply()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The theme in force, re-rendering the caller when it changes. */
export function useTheme(): { theme: Theme; preference: ThemePreference } {
  const theme = useSyncExternalStore(subscribe, currentTheme)
  const chosen = useSyncExternalStore(subscribe, () => preference)
  return { theme, preference: chosen }
}

/** A theme token's value now ("--ink" → "#1d232b"), for drawing on a canvas. */
export function themeColour(token: `--${string}`): string {
  return getComputedStyle(document.documentElement).getPropertyValue(token).trim()
}
