import { describe, expect, it } from 'vitest'
import { ERROR_TEXTS } from '../../../shared/error-texts'
import { systemLanguage, t } from './i18n'

describe('the translation layer', () => {
  it('serves the bundled English messages', () => {
    expect(t('app.groups')).toBe('Groups')
    expect(t('search.noMatchesFor', { query: 'Masood' })).toBe('No matches for “Masood”.')
  })

  it('takes Dari from the system, or English, until the analyst chooses', () => {
    expect(systemLanguage(['fa-AF', 'en-US'])).toBe('fa-AF')
    expect(systemLanguage(['prs'])).toBe('fa-AF')
    expect(systemLanguage(['de-DE', 'en-GB', 'fa'])).toBe('en')
    expect(systemLanguage(['de-DE'])).toBe('en')
  })
})

const locales = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', {
  eager: true,
  import: 'default',
})

function flatten(messages: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out.set(prefix + key, value)
    else
      for (const [k, v] of flatten(value as Record<string, unknown>, `${prefix}${key}.`))
        out.set(k, v)
  }
  return out
}

function placeholders(text: string): string {
  return (text.match(/\{\{[^}]+\}\}/g) ?? []).sort().join(' ')
}

describe('the Dari translation', () => {
  it('covers every English message, with the same placeholders', () => {
    const english = new Map<string, string>()
    const dari = new Map<string, string>()
    for (const [path, messages] of Object.entries(locales)) {
      const [, language, namespace] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path)!
      const target = language === 'en' ? english : dari
      for (const [key, text] of flatten(messages, `${namespace}.`)) target.set(key, text)
    }
    // The refusals' English lives in the contract, shared with the main process.
    for (const [key, text] of flatten(ERROR_TEXTS, 'errors.')) english.set(key, text)
    expect(english.size).toBeGreaterThan(1000)
    const problems = [...english].flatMap(([key, text]) => {
      const translated = dari.get(key)
      if (translated === undefined) return [`${key}: missing`]
      if (placeholders(translated) !== placeholders(text)) return [`${key}: placeholders differ`]
      return []
    })
    expect(problems).toEqual([])
    expect([...dari.keys()].filter((key) => !english.has(key))).toEqual([])
  })
})

describe('counted messages', () => {
  it('take the plural form from the count, in English and in Dari with Dari digits', () => {
    expect(t('reports.sectionCount', { count: 1 })).toBe('1 section')
    expect(t('reports.sectionCount', { count: 12400 })).toBe('12,400 sections')
    expect(t('reader.newPeople', { count: 2 })).toBe('2 people')
    expect(t('reports.sectionCount', { count: 3, lng: 'fa-AF' })).toBe('۳ بخش')
    expect(t('timeline.undatedEvents', { count: 2, lng: 'fa-AF' })).toBe(
      '؛ ۲ رویداد هنوز تاریخ ندارند',
    )
  })

  it('have a form for each plural category of each language', () => {
    for (const [path, messages] of Object.entries(locales)) {
      const keys = [...flatten(messages).keys()]
      const stems = new Set(keys.flatMap((key) => /^(.*)_(one|other)$/.exec(key)?.[1] ?? []))
      for (const stem of stems) {
        expect([path, keys.includes(`${stem}_one`), keys.includes(`${stem}_other`)]).toEqual([
          path,
          true,
          true,
        ])
      }
    }
  })
})
