import { useId, useLayoutEffect, useRef, type ReactNode } from 'react'

/**
 * The app's one modal dialog, on the native <dialog> element: showModal() makes the rest of
 * the page inert, so focus cannot leave it for the page behind, and the browser handles
 * Escape (the cancel event). Mounting opens it and unmounting closes it, so the parent's
 * state alone says whether it is shown. Its heading names it for screen readers. Focus moves
 * in on open (to the element marked `data-autofocus`, else the browser's choice: the first
 * focusable one) and goes back to whatever had it before.
 */
export function Dialog({
  title,
  onClose,
  children,
  size = 'normal',
  className,
  headerActions,
}: {
  title: string
  /** Escape, or the browser closing the dialog: the parent should stop rendering it. */
  onClose: () => void
  children: ReactNode
  size?: 'narrow' | 'normal' | 'wide'
  className?: string
  /** Controls beside the title, such as a Close button. */
  headerActions?: ReactNode
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const shown = useRef(false)

  // A layout effect, so the dialog is open before the browser paints and, on unmount, still
  // attached when it is closed.
  useLayoutEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    shown.current = true
    // React's autoFocus runs before the dialog is open, when nothing in it can take focus.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => {
      shown.current = false
      dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  const classes = ['ui-dialog', `ui-dialog-${size}`, className].filter(Boolean).join(' ')
  return (
    <dialog
      ref={ref}
      className={classes}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      // The browser may close it without a cancelable cancel event (a second Escape with no
      // click in between): the parent still has to hear of it.
      onClose={() => {
        if (shown.current) onClose()
      }}
    >
      <div className="ui-dialog-head">
        <h2 id={titleId} className="ui-dialog-title" dir="auto">
          {title}
        </h2>
        {headerActions}
      </div>
      {children}
    </dialog>
  )
}
