import { useExportProject } from '../../api/project'
import { downloadFile } from '../../ui/download'
import { formatBytes } from './format'

/** Hands the whole project to the browser (or Electron) as one downloaded JSON file. */
export function ExportProject() {
  const exportProject = useExportProject()
  return (
    <div className="export-project">
      <button
        type="button"
        disabled={exportProject.isPending}
        onClick={() =>
          exportProject.mutate(undefined, {
            onSuccess: (file) =>
              downloadFile(file.fileName, new Blob([file.content], { type: 'application/json' })),
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
