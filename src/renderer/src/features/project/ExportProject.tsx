import { useExportProject } from '../../api/project'
import { downloadFile } from '../../ui/download'
import { formatBytes } from './format'
import { t } from '../../ui/i18n'

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
        {t('project.exportProject')}
      </button>
      {exportProject.isSuccess && (
        <span role="status">
          {' '}
          {t('project.exported', {
            fileName: exportProject.data.fileName,
            bytes: formatBytes(exportProject.data.bytes),
          })}
        </span>
      )}
      {exportProject.isError && (
        <span role="alert" className="error-text">
          {' '}
          {t('project.theExportFailed', { message: exportProject.error.message })}
        </span>
      )}
    </div>
  )
}
