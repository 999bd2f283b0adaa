/**
 * The one translation layer: every string the analyst reads goes through `t`. The messages
 * live in ../locales/<language>/<namespace>.json, one file per feature folder (namespace =
 * the folder: "reader", "grid", "ui", "app"…), so a branch that adds strings to one feature
 * touches one file. Keys are "<namespace>.<camelCaseOfTheEnglish>".
 *
 * The language is the analyst's choice, kept in this user's browser storage like the theme,
 * or the first supported one of the system's (navigator.languages) until chosen. It is read
 * before the first render; a change reloads the window, so strings computed once (column
 * headers, command titles, chart labels) switch along with the rest.
 */
import i18next from 'i18next'
import { ERROR_TEXTS } from '../../../shared/error-texts'

export const LANGUAGES = ['en', 'fa-AF'] as const
export type Language = (typeof LANGUAGES)[number]
export type LanguagePreference = Language | 'system'
export type CalendarPreference = 'gregorian' | 'persian'

const LANGUAGE_KEY = 'sightline.language'
const CALENDAR_KEY = 'sightline.calendar'

type Messages = Record<string, unknown>
// Vite bundles the files (it rewrites the glob call at build time, so the call must stay
// literal); tools that load a renderer module under plain Node (the bench) have no Vite, no
// import.meta.env, and get the English defaults or the keys.
const files: Record<string, Messages> =
  import.meta.env !== undefined
    ? import.meta.glob<Messages>('../locales/*/*.json', { eager: true, import: 'default' })
    : {}

/** { en: { reader: {...}, grid: {...} }, 'fa-AF': {...} } from the files' paths. */
function bundledResources(): Record<string, { translation: Messages }> {
  const resources: Record<string, { translation: Messages }> = {}
  for (const [path, messages] of Object.entries(files)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (!match) continue
    const [, language, namespace] = match
    resources[language!] ??= { translation: {} }
    resources[language!]!.translation[namespace!] = messages
  }
  // The English of the main process's refusals is written once, in the contract's catalogue.
  resources['en'] ??= { translation: {} }
  resources['en'].translation['errors'] = ERROR_TEXTS
  return resources
}

function readStorage(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null
  } catch {
    // Storage refused (a locked-down profile): nothing was chosen.
    return null
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key)
    else globalThis.localStorage?.setItem(key, value)
  } catch {
    // Not kept across restarts.
  }
}

/**
 * The first of the system's languages the app speaks: Dari ("fa-AF", "prs", and Persian in
 * general, which reads the same script and mostly the same words), or English.
 */
export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    if (base === 'fa' || base === 'prs') return 'fa-AF'
    if (base === 'en') return 'en'
  }
  return 'en'
}

function storedPreference(): LanguagePreference {
  const value = readStorage(LANGUAGE_KEY)
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'system'
}

function storedCalendar(): CalendarPreference {
  return readStorage(CALENDAR_KEY) === 'persian' ? 'persian' : 'gregorian'
}

const preference = storedPreference()
const calendar = storedCalendar()
const language: Language =
  preference === 'system'
    ? systemLanguage(globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en'])
    : preference

const i18n = i18next.createInstance()
void i18n.init({
  resources: bundledResources(),
  lng: language,
  fallbackLng: 'en',
  // Resources are bundled: ready before the first render.
  initAsync: false,
  // React escapes what it renders; escaping here would show "&amp;".
  interpolation: { escapeValue: false },
  nsSeparator: false,
  returnNull: false,
})

/** The message for a key in the current language, English where no translation exists. */
export function t(key: string, values?: Record<string, unknown>): string {
  return i18n.t(key, values ?? {})
}

/** The language in force: "en" or "fa-AF". */
export function currentLanguage(): Language {
  return language
}

/** Writing direction of the language in force. */
export function currentDirection(): 'ltr' | 'rtl' {
  return language === 'fa-AF' ? 'rtl' : 'ltr'
}

/**
 * The BCP 47 tag Intl formats dates with: the language, plus the Solar Hijri calendar when
 * the analyst chose it ("fa-AF-u-ca-persian"), else the Gregorian ("fa-AF-u-ca-gregory").
 */
export function dateLocale(): string {
  // Named either way: Intl's default calendar for fa-AF is already the Solar Hijri one.
  return `${language}-u-ca-${calendar === 'persian' ? 'persian' : 'gregory'}`
}

/** Sets lang and dir on <html> before the first paint, so the layout mirrors from the start. */
export function startLanguage(): void {
  document.documentElement.lang = language
  document.documentElement.dir = currentDirection()
}

/** Keeps the analyst's choice and reloads, so every string is drawn again in it. */
export function setLanguagePreference(choice: LanguagePreference): void {
  writeStorage(LANGUAGE_KEY, choice === 'system' ? null : choice)
  window.location.reload()
}

/** Keeps the calendar dates are written in, and reloads like a language change. */
export function setCalendarPreference(choice: CalendarPreference): void {
  writeStorage(CALENDAR_KEY, choice === 'gregorian' ? null : choice)
  window.location.reload()
}

/** The analyst's stored choices; they change only through a reload. */
export function languageSettings(): {
  language: Language
  preference: LanguagePreference
  calendar: CalendarPreference
} {
  return { language, preference, calendar }
}
