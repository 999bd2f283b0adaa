import { useMemo } from 'react'
import { CloseButton } from '../../ui/CloseButton'
import { useRegisteredCommands } from '../../ui/commands'
import { chordLabel } from '../../ui/keys'
import { Dialog } from '../../ui/Dialog'
import { t } from '../../ui/i18n'

/**
 * The `?` overlay: every shortcut in force, read from the command registry the key handler
 * runs, so the list and the keys cannot drift apart. Grouped by where a command belongs.
 */
export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const commands = useRegisteredCommands()
  const scopes = useMemo(() => {
    const byScope = new Map<string, typeof commands>()
    for (const command of commands) {
      if (!command.keys || command.keys.length === 0) continue
      byScope.set(command.scope, [...(byScope.get(command.scope) ?? []), command])
    }
    return [...byScope.entries()]
  }, [commands])

  return (
    <Dialog
      title={t('palette.keyboardShortcuts')}
      onClose={onClose}
      className="shortcuts-overlay"
      headerActions={<CloseButton label={t('palette.closeTheShortcutList')} onClick={onClose} />}
    >
      {scopes.map(([scope, list]) => (
        <section key={scope} aria-label={scope}>
          <h3>{scope}</h3>
          <table className="shortcuts-table">
            <tbody>
              {list.map((command) => (
                <tr key={command.id}>
                  <th scope="row">{command.title}</th>
                  <td>
                    {(command.keys ?? []).map((chord, i) => (
                      <span key={chord}>
                        {i > 0 && <span className="muted"> {t('palette.or')} </span>}
                        <kbd>{chordLabel(chord)}</kbd>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <p className="muted">{t('palette.keysWithoutCtrlAreLeftTo')}</p>
    </Dialog>
  )
}
