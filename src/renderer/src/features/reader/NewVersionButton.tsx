import { useRef } from 'react'
import type { SourceRecord } from '../../../../shared/model'
import { ApiError } from '../../api/errors'
import { useImportFile } from '../../api/sources'
import { ACCEPTED_EXTENSIONS, precheckFile, readAsBase64 } from './files'
import { describeReanchor } from './reader-model'
import { t } from '../../ui/i18n'

/** Imports a file as the source's new text; the outcome (or the problem) goes to `onDone`. */
export function NewVersionButton({
  source,
  onDone,
}: {
  source: SourceRecord
  onDone: (message: string) => void
}) {
  const input = useRef<HTMLInputElement>(null)
  const importFile = useImportFile()
  return (
    <>
      <button type="button" disabled={importFile.isPending} onClick={() => input.current?.click()}>
        {importFile.isPending ? t('reader.importing') : t('reader.importNewVersion')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={t('reader.newVersionFile')}
        accept={ACCEPTED_EXTENSIONS.join(',')}
        onChange={async (event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (!file) return
          const problem = precheckFile(file)
          if (problem) return onDone(problem)
          try {
            const outcome = await importFile.mutateAsync({
              fileName: file.name,
              dataBase64: await readAsBase64(file),
              replaceSourceId: source.id,
            })
            onDone(
              outcome.status === 'replaced'
                ? t('reader.newVersionImported', {
                    describeReanchor: describeReanchor(outcome.reanchor),
                  })
                : t('reader.theNewVersionHasTheSame'),
            )
          } catch (error) {
            onDone(error instanceof ApiError ? error.message : `"${file.name}" could not be read.`)
          }
        }}
      />
    </>
  )
}
