import { useState } from 'react'
import { t } from '../../ui/i18n'

/** Where files can be dropped to import them; it lights up while files are dragged over. */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [dragging, setDragging] = useState(false)
  return (
    <div
      role="region"
      aria-label={t('reader.dropZone')}
      className={dragging ? 'drop-zone dragging' : 'drop-zone'}
      onDragOver={(event) => {
        event.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault()
        setDragging(false)
        const files = Array.from(event.dataTransfer.files)
        if (files.length > 0) onFiles(files)
      }}
    >
      {t('reader.dropTxtMdHtmlPdfOr')}
    </div>
  )
}
