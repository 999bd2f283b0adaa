import { useExportProject } from '../../api/project'
import { formatBytes } from './format'

/** Hands the whole project to the browser (or Electron) as one downloaded JSON file. */
function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export function ExportProject() {
  const exportProject = useExportProject()
  return (
    <div className="export-project">
      <button
        type="button"
        disabled={exportProject.isPending}
        onClick={() =>
          exportProject.mutate(undefined, {
            onSuccess: (file) => download(file.fileName, file.content),
          })
        }
      >
        Export project
      </button>
      {exportProject.isSuccess && (
        <span role="status">
          {' '}
          Exported {exportProject.data.fileName} ({formatBytes(exportProject.data.bytes)}).
        </span>
      )}
      {exportProject.isError && (
        <span role="alert" className="error-text">
          {' '}
          The export failed: {exportProject.error.message}
        </span>
      )}
    </div>
  )
}
