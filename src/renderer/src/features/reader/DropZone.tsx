import { useState } from 'react'

/** Where files can be dropped to import them; it lights up while files are dragged over. */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [dragging, setDragging] = useState(false)
  return (
    <div
      role="region"
      aria-label="Drop zone"
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
      Drop .txt, .md, .html, .pdf or .docx files here to import them (up to 20 MB each).
    </div>
  )
}
