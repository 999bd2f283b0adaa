import { useRef, useState } from 'react'
import { useSourceList } from '../../api/sources'
import { useCommands } from '../../ui/commands'
import { formatCount } from '../../ui/format'
import { DropZone } from './DropZone'
import { ACCEPTED_EXTENSIONS } from './files'
import { ImportResults } from './ImportResults'
import { PasteDialog } from './PasteDialog'
import { SourcesTable } from './SourcesTable'
import { useFileImports } from './use-file-imports'
import './sources-list.css'

/** The project's sources, and the ways to add one: import, drop or paste. */
export function SourcesList() {
  const sources = useSourceList()
  const imports = useFileImports()
  const [pasting, setPasting] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  useCommands([
    {
      id: 'sources.import',
      title: 'Import files…',
      scope: 'Sources',
      keywords: ['add', 'open', 'PDF', 'HTML', 'Word'],
      run: () => input.current?.click(),
    },
    {
      id: 'sources.paste',
      title: 'Paste text as a source…',
      scope: 'Sources',
      run: () => setPasting(true),
    },
  ])

  return (
    <section className="sources-view" aria-labelledby="sources-title">
      <div className="view-toolbar">
        <h2 id="sources-title">Sources</h2>
        <span className="muted">
          {sources.data ? formatCount(sources.data.length, 'source', 'sources') : 'Loading…'}
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
            if (files.length > 0) void imports.importAll(files)
          }}
        />
      </div>

      <DropZone onFiles={(files) => void imports.importAll(files)} />

      {imports.rows.length > 0 && (
        <ImportResults
          rows={imports.rows}
          busy={imports.busy}
          onClear={imports.clear}
          onCancel={imports.cancel}
        />
      )}

      {sources.isError ? (
        <div role="alert" className="error-panel">
          Could not load the sources: {sources.error.message}
        </div>
      ) : (
        <>
          {sources.data?.length === 0 && (
            <p className="muted">
              No sources yet. Import a document (PDF, Word, HTML, Markdown or text), drop files
              here, or paste text; then select a passage in it to grade and link it.
            </p>
          )}
          <SourcesTable sources={sources.data} />
        </>
      )}

      {pasting && (
        <PasteDialog
          onClose={() => setPasting(false)}
          onAdded={(outcome) => {
            imports.addPasted(outcome)
            setPasting(false)
          }}
        />
      )}
    </section>
  )
}
