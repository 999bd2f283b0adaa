import { useState } from 'react'
import type { ImportOutcome } from '../../../../shared/contract'
import { usePasteSource } from '../../api/sources'
import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import { t } from '../../ui/i18n'
import './forms.css'

/** Adds a source from pasted text, with a title and an optional web address. */
export function PasteDialog({
  onClose,
  onAdded,
}: {
  onClose: () => void
  onAdded: (outcome: ImportOutcome) => void
}) {
  const paste = usePasteSource()
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')
  const [url, setUrl] = useState('')
  return (
    <Dialog title={t('reader.pasteText')} onClose={onClose} size="wide">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          paste.mutate(
            { title, text, ...(url.trim() ? { url: url.trim() } : {}) },
            { onSuccess: onAdded },
          )
        }}
      >
        <label>
          {t('reader.title')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} required />
        </label>
        <label>
          {t('reader.webAddressOptional')}
          <input value={url} onChange={(e) => setUrl(e.target.value)} type="url" />
        </label>
        <label>
          {t('reader.text')}
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={14} required />
        </label>
        <ConfirmActions
          confirmLabel={t('reader.addSource')}
          tone="primary"
          onCancel={onClose}
          disabled={paste.isPending}
          error={paste.error?.message}
        />
      </form>
    </Dialog>
  )
}
