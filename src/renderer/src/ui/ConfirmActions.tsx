import { t } from './i18n'
/**
 * The foot of a dialog that asks for an answer: what went wrong with the last attempt, if
 * anything, then Cancel and the one button that acts. Cancel comes first, so it is where
 * focus lands in a confirmation with nothing else to focus. Without `onConfirm` the acting
 * button submits the form around it.
 */
export function ConfirmActions({
  confirmLabel,
  onConfirm,
  onCancel,
  tone = 'danger',
  disabled = false,
  error,
  cancelLabel = t('ui.cancel'),
}: {
  confirmLabel: string
  onConfirm?: () => void
  onCancel: () => void
  /** danger: the answer cannot be taken back lightly (a delete); primary: it saves. */
  tone?: 'danger' | 'primary'
  /** While the answer is being carried out, or before the dialog knows enough to ask. */
  disabled?: boolean
  error?: string | null | undefined
  cancelLabel?: string
}) {
  return (
    <>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="ui-actions">
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          type={onConfirm ? 'button' : 'submit'}
          className={tone}
          disabled={disabled}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </>
  )
}
