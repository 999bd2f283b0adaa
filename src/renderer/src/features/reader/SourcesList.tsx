import { useRef, useState, type DragEvent } from 'react'
import type { ImportOutcome } from '../../../../shared/contract'
import { ApiError } from '../../api/errors'
import { useImportFile, usePasteSource, useSourceList } from '../../api/sources'
import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import { ACCEPTED_EXTENSIONS, precheckFile, readAsBase64 } from './files'
import { RELIABILITY_LABELS } from '../../../../shared/admiralty'
import { readerHref } from '../../routes/links'

type FileResult =
  | { state: 'waiting' | 'reading' | 'importing' }
  | { state: 'done'; outcome: ImportOutcome }
  | { state: 'failed'; message: string }

interface FileRow {
  key: string
  name: string
  result: FileResult
}

let rowCounter = 0

export function SourcesList() {
  const sources = useSourceList()
  const importFile = useImportFile()
  const [rows, setRows] = useState<FileRow[]>([])
  const [pasting, setPasting] = useState(false)
  const [dragging, setDragging] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  const update = (key: string, result: FileResult): void =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, result } : row)))

  /** One file after another; a failure is shown on its row and the next file goes on. */
  async function importAll(files: File[]): Promise<void> {
    const batch = files.map((file) => ({ key: `f${++rowCounter}`, name: file.name, file }))
    setRows((current) => [
      ...batch.map(({ key, name }) => ({ key, name, result: { state: 'waiting' as const } })),
      ...current,
    ])
    for (const { key, file } of batch) {
      const problem = precheckFile(file)
      if (problem) {
        update(key, { state: 'failed', message: problem })
        continue
      }
      try {
        update(key, { state: 'reading' })
        const dataBase64 = await readAsBase64(file)
        update(key, { state: 'importing' })
        const outcome = await importFile.mutateAsync({ fileName: file.name, dataBase64 })
        update(key, { state: 'done', outcome })
      } catch (error) {
        update(key, {
          state: 'failed',
          message: error instanceof ApiError ? error.message : `"${file.name}" could not be read.`,
        })
      }
    }
  }

  const onDrop = (event: DragEvent<HTMLElement>): void => {
    event.preventDefault()
    setDragging(false)
    const files = Array.from(event.dataTransfer.files)
    if (files.length > 0) void importAll(files)
  }

  const busy = rows.some((r) => r.result.state !== 'done' && r.result.state !== 'failed')

  return (
    <section className="sources-view" aria-labelledby="sources-title">
      <div className="view-toolbar">
        <h2 id="sources-title">Sources</h2>
        <span className="muted">
          {sources.data ? `${sources.data.length} sources` : 'Loading…'}
        </span>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => input.current?.click()}>
          Import…
        </button>
        <button type="button" onClick={() => setPasting(true)}>
          Paste text…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label="Files to import"
          accept={ACCEPTED_EXTENSIONS.join(',')}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? [])
            event.target.value = ''
            if (files.length > 0) void importAll(files)
          }}
        />
      </div>

      <div
        role="region"
        aria-label="Drop zone"
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        Drop .txt, .md, .html, .pdf or .docx files here to import them (up to 20 MB each).
      </div>

      {rows.length > 0 && (
        <section aria-label="Import results" className="import-results" aria-busy={busy}>
          <div className="import-results-head">
            <h3>Import results</h3>
            <button
              type="button"
              className="link-button"
              onClick={() => setRows([])}
              disabled={busy}
            >
              Clear
            </button>
          </div>
          <ul>
            {rows.map((row) => (
              <li key={row.key} className={`import-row import-${row.result.state}`}>
                <span className="import-name">{row.name}</span>
                <ImportStatus result={row.result} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {sources.isError ? (
        <div role="alert" className="error-panel">
          Could not load the sources: {sources.error.message}
        </div>
      ) : (
        <table className="sources-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Kind</th>
              <th scope="col">Publisher</th>
              <th scope="col">Published</th>
              <th scope="col">Reliability</th>
              <th scope="col">Quotes</th>
              <th scope="col">To review</th>
            </tr>
          </thead>
          <tbody>
            {sources.data?.map(({ source, annotationCount, needsReview }) => (
              <tr key={source.id}>
                <td>
                  <a href={readerHref(source.id)}>{source.title}</a>
                  <div className="muted small">{source.origin.fileName}</div>
                </td>
                <td>{source.kind}</td>
                <td>{source.publisher ?? ''}</td>
                <td>{source.publishedAt ?? ''}</td>
                <td title={RELIABILITY_LABELS[source.reliability]}>{source.reliability}</td>
                <td>{annotationCount}</td>
                <td>{needsReview > 0 ? needsReview : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {pasting && (
        <PasteDialog
          onClose={() => setPasting(false)}
          onAdded={(o) => {
            setRows((current) => [
              {
                key: `f${++rowCounter}`,
                name: 'Pasted text',
                result: { state: 'done', outcome: o },
              },
              ...current,
            ])
            setPasting(false)
          }}
        />
      )}
    </section>
  )
}

function ImportStatus({ result }: { result: FileResult }) {
  switch (result.state) {
    case 'waiting':
      return <span className="muted">Waiting…</span>
    case 'reading':
      return <span className="muted">Reading…</span>
    case 'importing':
      return <span className="muted">Importing…</span>
    case 'failed':
      return (
        <span role="alert" className="error-text">
          {result.message}
        </span>
      )
    case 'done': {
      const { outcome } = result
      const notes = outcome.notes.length > 0 && (
        <span className="muted small"> {outcome.notes.join(' ')}</span>
      )
      if (outcome.status === 'duplicate') {
        return (
          <span>
            Already in the project as “{outcome.existing.title}”.{' '}
            <a href={readerHref(outcome.existing.id)}>Open the existing source</a>
            {notes}
          </span>
        )
      }
      return (
        <span>
          Imported. <a href={readerHref(outcome.source.id)}>Open “{outcome.source.title}”</a>
          {notes}
        </span>
      )
    }
  }
}

function PasteDialog({
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
    <Dialog title="Paste text" onClose={onClose} size="wide">
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
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} required />
        </label>
        <label>
          Web address (optional)
          <input value={url} onChange={(e) => setUrl(e.target.value)} type="url" />
        </label>
        <label>
          Text
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={14} required />
        </label>
        <ConfirmActions
          confirmLabel="Add source"
          tone="primary"
          onCancel={onClose}
          disabled={paste.isPending}
          error={paste.error?.message}
        />
      </form>
    </Dialog>
  )
}
