import { useState } from 'react'
import { runInView, useCommandKeys, useCommands } from '../../ui/commands'
import { chordLabel } from '../../ui/keys'
import { setThemePreference, useTheme } from '../../ui/theme'
import { CommandPalette } from './CommandPalette'
import { ShortcutsOverlay } from './ShortcutsOverlay'
import { t } from '../../ui/i18n'
import './palette.css'

/** The header's search field, whichever feature draws it: `/` puts the cursor there. */
function focusSearch(): void {
  document.querySelector<HTMLInputElement>('form[role="search"] input')?.focus()
}

/**
 * The app's keys and the tools of the header every view shares: Import, the command palette
 * (Ctrl+K), the shortcut list (?), search (/) and light or dark. Registers the global
 * commands and runs the one key handler of the registry.
 */
export function PaletteHost() {
  const [open, setOpen] = useState<'palette' | 'shortcuts' | null>(null)
  const { theme, preference } = useTheme()
  const nextTheme = theme === 'dark' ? 'light' : 'dark'

  useCommandKeys()
  useCommands([
    {
      id: 'palette.open',
      title: t('palette.commandPalette'),
      scope: t('palette.global'),
      keys: ['Mod+K'],
      inFields: true,
      run: () => setOpen((now) => (now === 'palette' ? null : 'palette')),
    },
    {
      id: 'help.shortcuts',
      title: t('palette.keyboardShortcuts'),
      scope: t('palette.global'),
      keys: ['?'],
      keywords: ['keys', 'help'],
      run: () => setOpen('shortcuts'),
    },
    {
      id: 'search.focus',
      title: t('palette.searchTheProject'),
      scope: t('palette.global'),
      keys: ['/'],
      keywords: ['find'],
      run: focusSearch,
    },
    {
      id: 'theme.toggle',
      title: nextTheme === 'dark' ? t('palette.switchToDarkMode') : t('palette.switchToLightMode'),
      scope: t('palette.global'),
      keywords: ['theme', 'dark mode', 'light mode', 'colours'],
      run: () => setThemePreference(nextTheme),
    },
    {
      id: 'theme.system',
      title: t('palette.followTheSystemsLightOrDark'),
      scope: t('palette.global'),
      keywords: ['theme', 'dark mode'],
      disabled: preference === 'system',
      run: () => setThemePreference('system'),
    },
  ])

  return (
    <>
      <div className="header-tools">
        <button
          type="button"
          className="primary"
          onClick={() => runInView('sources', 'sources.import')}
        >
          {t('palette.importFiles')}
        </button>
        <button
          type="button"
          onClick={() => setOpen('palette')}
          aria-keyshortcuts="Control+K Meta+K"
        >
          <span className="visually-hidden">{t('palette.commands')} </span>
          <kbd>{chordLabel('Mod+K')}</kbd>
        </button>
        <button
          type="button"
          className="theme-toggle"
          aria-label={t('palette.darkMode')}
          aria-pressed={theme === 'dark'}
          onClick={() => setThemePreference(nextTheme)}
          title={
            preference === 'system'
              ? t('palette.followingTheSystemsSettingAClick')
              : t('palette.yourChoiceKeptOnThisComputer')
          }
        >
          <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span>
        </button>
        <button
          type="button"
          aria-label={t('palette.keyboardShortcuts')}
          aria-keyshortcuts="?"
          onClick={() => setOpen('shortcuts')}
        >
          ?
        </button>
      </div>
      {open === 'palette' && <CommandPalette onClose={() => setOpen(null)} />}
      {open === 'shortcuts' && <ShortcutsOverlay onClose={() => setOpen(null)} />}
    </>
  )
}
