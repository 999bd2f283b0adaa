/**
 * Import from anywhere: files dropped anywhere in the window, or Ctrl+O (Cmd+O) from any
 * view. One file opens in the reader once imported; several are listed in a small panel
 * (with progress and Cancel) until the analyst closes it. The Sources view's own drop zone
 * and Import… button keep their list there and are left to it.
 */
import { useEffect, useRef, useState } from 'react'
import { readerHref } from '../../routes/links'
import { useCommands } from '../../ui/commands'
import { ACCEPTED_EXTENSIONS } from './files'
import { sourceToOpen } from './import-rows'
import { ImportRowItem } from './ImportResults'
import { useFileImports } from './use-file-imports'
import { t } from '../../ui/i18n'
import './import-host.css'

/** Whether a drag carries files (not text or a link dragged inside the page). */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes(t('reader.files')) ?? false
}

export function ImportHost() {
  const imports = useFileImports()
  const input = useRef<HTMLInputElement>(null)
  const [dragging, setDragging] = useState(false)
  const { importAll, clear } = imports

  const start = (files: File[]): void => {
    void importAll(files).then((results) => {
      const id = sourceToOpen(results)
      if (id === null) return
      clear()
      window.location.hash = readerHref(id)
    })
  }
  // The window's listeners are registered once and call the latest `start`.
  const startRef = useRef(start)
  useEffect(() => {
    startRef.current = start
  })

  useCommands([
    {
      id: 'import.files',
      title: t('reader.importFiles'),
      scope: t('palette.global'),
      keys: ['Mod+O'],
      keywords: ['open', 'add source'],
      // A text field does not own Ctrl+O, so it opens from there too.
      inFields: true,
      run: () => {
        // A dialog keeps its keys; the registry lets a field's Mod keys through, this one not.
        if (document.querySelector('dialog[open]')) return
        input.current?.click()
      },
    },
  ])

  useEffect(() => {
    let depth = 0
    const onDragEnter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      depth++
      setDragging(true)
    }
    const onDragLeave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const onDragOver = (event: DragEvent): void => {
      // Without this the browser opens the file in place of the app.
      if (carriesFiles(event)) event.preventDefault()
    }
    const onDrop = (event: DragEvent): void => {
      depth = 0
      setDragging(false)
      // The Sources view's drop zone took it already.
      if (event.defaultPrevented || !carriesFiles(event)) return
      event.preventDefault()
      const files = Array.from(event.dataTransfer?.files ?? [])
      if (files.length > 0) startRef.current(files)
    }
    window.addEventListener('dragenter', onDragEnter)
    window.addEventListener('dragleave', onDragLeave)
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onDragEnter)
      window.removeEventListener('dragleave', onDragLeave)
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [])

  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label={t('reader.filesToImportFromAnywhere')}
        accept={ACCEPTED_EXTENSIONS.join(',')}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? [])
          event.target.value = ''
          if (files.length > 0) start(files)
        }}
      />
      {dragging && (
        <div className="import-drop-overlay" aria-hidden="true">
          {t('reader.dropToImportTxtMdHtml')}
        </div>
      )}
      {imports.rows.length > 0 && (
        <section className="import-host" aria-label={t('reader.imports')} aria-busy={imports.busy}>
          <div className="import-host-head">
            <strong>{t('reader.imports')}</strong>
            <button type="button" onClick={imports.clear} disabled={imports.busy}>
              {t('reader.close')}
            </button>
          </div>
          <ul>
            {imports.rows.map((row) => (
              <ImportRowItem key={row.key} row={row} onCancel={imports.cancel} />
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
