import { useState } from 'react'
import { useCommands } from '../../ui/commands'
import { CloseButton } from '../../ui/CloseButton'
import { Dialog } from '../../ui/Dialog'
import {
  languageSettings,
  setCalendarPreference,
  setLanguagePreference,
  systemLanguage,
  t,
  type CalendarPreference,
  type LanguagePreference,
} from '../../ui/i18n'
import './settings.css'

/** Each language named in itself, so an analyst who cannot read the current one finds theirs. */
const LANGUAGE_NAMES = { en: 'English', 'fa-AF': 'دری' } as const

/**
 * The header's Settings button and dialog: the interface language (the system's until chosen)
 * and the calendar dates are shown in. Both are kept per user, like the theme; a change reloads
 * the window so every view is drawn again in it.
 */
export function SettingsHost() {
  const [open, setOpen] = useState(false)
  const settings = languageSettings()
  const systemName = LANGUAGE_NAMES[systemLanguage(navigator.languages ?? [navigator.language])]

  useCommands([
    {
      id: 'settings.open',
      title: t('settings.languageAndCalendar'),
      scope: t('settings.global'),
      keywords: ['language', 'Dari', 'دری', 'calendar', 'settings'],
      run: () => setOpen(true),
    },
  ])

  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('settings.settings')}
      </button>
      {open && (
        <Dialog
          title={t('settings.settings')}
          size="narrow"
          onClose={() => setOpen(false)}
          headerActions={
            <CloseButton label={t('settings.closeSettings')} onClick={() => setOpen(false)} />
          }
        >
          <form className="settings-form" onSubmit={(event) => event.preventDefault()}>
            <label>
              {t('settings.language')}
              <select
                data-autofocus
                value={settings.preference}
                onChange={(event) =>
                  setLanguagePreference(event.target.value as LanguagePreference)
                }
              >
                <option value="system">{t('settings.systemLanguage', { name: systemName })}</option>
                {Object.entries(LANGUAGE_NAMES).map(([value, name]) => (
                  <option key={value} value={value} lang={value}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('settings.calendar')}
              <select
                value={settings.calendar}
                onChange={(event) =>
                  setCalendarPreference(event.target.value as CalendarPreference)
                }
              >
                <option value="gregorian">{t('settings.gregorian')}</option>
                <option value="persian">{t('settings.solarHijri')}</option>
              </select>
            </label>
            <p className="hint">{t('settings.changingReloads')}</p>
          </form>
        </Dialog>
      )}
    </>
  )
}
