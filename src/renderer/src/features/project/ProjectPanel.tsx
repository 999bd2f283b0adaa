import { useState } from 'react'
import { useProjectInfo, useSaveNow } from '../../api/project'
import { useBackups, useCreateBackup } from '../../api/storage'
import { Dialog } from '../../ui/Dialog'
import { openExchange } from '../../ui/exchange-request'
import { BackupList } from './BackupList'
import { ExportProject } from './ExportProject'
import { ImportProject } from './ImportProject'
import { t } from '../../ui/i18n'
import './project.css'

/**
 * The Project dialog, opened from the header: save now, back up, restore a backup, export
 * or import a whole project, and open the exchange with other tools (STIX, W3C, CSV).
 */
export function ProjectPanel() {
  const [open, setOpen] = useState(false)
  const close = (): void => setOpen(false)
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('project.project')}
      </button>
      {open && (
        <Dialog
          title={t('project.project2')}
          onClose={close}
          size="wide"
          className="project-panel"
          headerActions={
            <button type="button" onClick={close}>
              {t('project.close')}
            </button>
          }
        >
          <ProjectPanelBody onDone={close} />
        </Dialog>
      )}
    </>
  )
}

function ProjectPanelBody({ onDone }: { onDone: () => void }) {
  const info = useProjectInfo()
  const backups = useBackups()
  const backUp = useCreateBackup()
  const saveNow = useSaveNow()
  return (
    <div className="project-panel-body">
      {info.data && (
        <p className="muted">
          {t('project.in', { name: info.data.project.name })} <code>{info.data.path}</code>
        </p>
      )}

      <section aria-labelledby="panel-save">
        <h3 id="panel-save">{t('project.savingAndBackups')}</h3>
        <p className="muted">{t('project.everyEditIsSavedWithinA')}</p>
        <div className="button-row">
          <button type="button" onClick={() => saveNow.mutate()} disabled={saveNow.isPending}>
            {t('project.saveNow')}
          </button>
          <button type="button" onClick={() => backUp.mutate()} disabled={backUp.isPending}>
            {t('project.backUpNow')}
          </button>
          {backUp.isSuccess && <span role="status">{t('project.backupMade')}</span>}
          {(backUp.isError || saveNow.isError) && (
            <span role="alert" className="error-text">
              {(backUp.error ?? saveNow.error)?.message}
            </span>
          )}
        </div>
      </section>

      <section aria-labelledby="panel-backups">
        <h3 id="panel-backups">{t('project.restoreFromABackup')}</h3>
        {backups.isError && (
          <p role="alert" className="error-text">
            {t('project.theBackupsCouldNotBeListed', { message: backups.error.message })}
          </p>
        )}
        {backups.data && (
          <BackupList
            backups={backups.data}
            consequence="The records now in the project are replaced; they are backed up first, so this can be undone."
            onRestored={onDone}
          />
        )}
      </section>

      <section aria-labelledby="panel-transfer">
        <h3 id="panel-transfer">{t('project.exportAndImport')}</h3>
        <p className="muted">{t('project.anExportIsOneJsonFile')}</p>
        <ExportProject />
        <ImportProject onImported={onDone} />
      </section>

      <section aria-labelledby="panel-exchange">
        <h3 id="panel-exchange">{t('project.exchangeWithOtherTools')}</h3>
        <p className="muted">{t('project.stix21BundlesForThreat')}</p>
        <div className="button-row">
          <button
            type="button"
            aria-haspopup="dialog"
            onClick={() => {
              onDone()
              openExchange({ scope: { kind: 'project' } })
            }}
          >
            {t('project.stixW3cAndCsv')}
          </button>
        </div>
      </section>
    </div>
  )
}
