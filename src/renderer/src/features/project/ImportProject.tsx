import { useId, type ChangeEvent } from 'react'
import { ApiError } from '../../api/errors'
import { useImportProject } from '../../api/project'
import { FileProblems } from '../../ui/FileProblems'

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
        Import a project file…
      </label>
      {importProject.isPending && <span role="status"> Importing…</span>}
      {importProject.isSuccess && (
        <span role="status">
          {' '}
          Imported “{importProject.data.project.name}” into {importProject.data.path}.
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
