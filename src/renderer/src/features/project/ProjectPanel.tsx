import { useState } from 'react'
import { useProjectInfo, useSaveNow } from '../../api/project'
import { useBackups, useCreateBackup } from '../../api/storage'
import { Dialog } from '../../ui/Dialog'
import { openExchange } from '../../ui/exchange-request'
import { BackupList } from './BackupList'
import { ExportProject } from './ExportProject'
import { ImportProject } from './ImportProject'
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
        Project…
      </button>
      {open && (
        <Dialog
          title="Project"
          onClose={close}
          size="wide"
          className="project-panel"
          headerActions={
            <button type="button" onClick={close}>
              Close
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
          “{info.data.project.name}” in <code>{info.data.path}</code>
        </p>
      )}

      <section aria-labelledby="panel-save">
        <h3 id="panel-save">Saving and backups</h3>
        <p className="muted">
          Every edit is saved within a fraction of a second. A checksummed copy of the project is
          kept in its backups folder at least every ten minutes of work, before every restore and
          before every upgrade.
        </p>
        <div className="button-row">
          <button type="button" onClick={() => saveNow.mutate()} disabled={saveNow.isPending}>
            Save now
          </button>
          <button type="button" onClick={() => backUp.mutate()} disabled={backUp.isPending}>
            Back up now
          </button>
          {backUp.isSuccess && <span role="status">Backup made.</span>}
          {(backUp.isError || saveNow.isError) && (
            <span role="alert" className="error-text">
              {(backUp.error ?? saveNow.error)?.message}
            </span>
          )}
        </div>
      </section>

      <section aria-labelledby="panel-backups">
        <h3 id="panel-backups">Restore from a backup</h3>
        {backups.isError && (
          <p role="alert" className="error-text">
            The backups could not be listed: {backups.error.message}
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
        <h3 id="panel-transfer">Export and import</h3>
        <p className="muted">
          An export is one JSON file with every record and the text of every source. Importing it
          makes a new project; the open one is left as it is.
        </p>
        <ExportProject />
        <ImportProject onImported={onDone} />
      </section>

      <section aria-labelledby="panel-exchange">
        <h3 id="panel-exchange">Exchange with other tools</h3>
        <p className="muted">
          STIX 2.1 bundles for threat-intelligence platforms (OpenCTI, MISP), W3C Web Annotations
          for annotation tools (Hypothesis), and CSV files of entities from spreadsheets.
        </p>
        <div className="button-row">
          <button
            type="button"
            aria-haspopup="dialog"
            onClick={() => {
              onDone()
              openExchange({ scope: { kind: 'project' } })
            }}
          >
            STIX, W3C and CSV…
          </button>
        </div>
      </section>
    </div>
  )
}
