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
import { t } from '../../ui/i18n'
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
      title: t('reader.importFiles'),
      scope: t('reader.sources'),
      keywords: ['add', 'open', 'PDF', 'HTML', 'Word'],
      run: () => input.current?.click(),
    },
    {
      id: 'sources.paste',
      title: t('reader.pasteTextAsASource'),
      scope: t('reader.sources'),
      run: () => setPasting(true),
    },
  ])

  return (
    <section className="sources-view" aria-labelledby="sources-title">
      <div className="view-toolbar">
        <h2 id="sources-title">{t('reader.sources')}</h2>
        <span className="muted">
          {sources.data
            ? formatCount(
                sources.data.length,
                t('reader.sourceCountOne'),
                t('reader.sourceCountOther'),
              )
            : t('reader.loading')}
        </span>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => input.current?.click()}>
          {t('reader.import')}
        </button>
        <button type="button" onClick={() => setPasting(true)}>
          {t('reader.pasteText2')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label={t('reader.filesToImport')}
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
          {t('reader.couldNotLoadTheSources', { message: sources.error.message })}
        </div>
      ) : (
        <>
          {sources.data?.length === 0 && (
            <p className="muted">{t('reader.noSourcesYetImportADocument')}</p>
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
