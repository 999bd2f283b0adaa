import { useId, type ChangeEvent } from 'react'
import { ApiError } from '../../api/errors'
import { useImportProject } from '../../api/project'
import { FileProblems } from '../../ui/FileProblems'
import { t } from '../../ui/i18n'

/** Picks a file made by “Export project” and imports it as a new project, which then opens. */
export function ImportProject({ onImported }: { onImported?: () => void }) {
  const importProject = useImportProject()
  const inputId = useId()

  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.currentTarget
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    importProject.mutate({ content: await file.text() }, { onSuccess: () => onImported?.() })
  }

  const problems = importProject.error instanceof ApiError ? (importProject.error.issues ?? []) : []
  return (
    <div className="import-project">
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        onChange={(event) => void onFile(event)}
        disabled={importProject.isPending}
      />
      <label htmlFor={inputId} className="button-like">
        {t('project.importAProjectFile')}
      </label>
      {importProject.isPending && <span role="status"> {t('project.importing')}</span>}
      {importProject.isSuccess && (
        <span role="status">
          {' '}
          {t('project.importedInto', {
            name: importProject.data.project.name,
            path: importProject.data.path,
          })}
        </span>
      )}
      {importProject.isError && (
        <div role="alert" className="error-text">
          <FileProblems message={importProject.error.message} problems={problems} />
        </div>
      )}
    </div>
  )
}
