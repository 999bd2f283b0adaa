import { useId, useState, type ChangeEvent } from 'react'
import { useSourceList } from '../../api/sources'
import { FileProblems } from '../../ui/FileProblems'
import { CsvMappingForm } from './CsvMappingForm'
import { ImportPreviewView } from './ImportPreviewView'
import { JobProgress } from './JobProgress'
import { KIND_LABELS } from './labels'
import { RadioOption } from './RadioOption'
import { useImportFlow, type ImportTarget, type PreviewOptions } from './use-import-flow'

/**
 * Imports a STIX bundle, W3C or Hypothesis annotations, or a CSV of entities: into this
 * project or a new one, after a preview that lists what will be created, merged or skipped.
 */
export function ImportPanel({ onNewProject }: { onNewProject: () => void }) {
  const flow = useImportFlow()
  const { state } = flow
  const [target, setTarget] = useState<ImportTarget>('current')
  const [projectName, setProjectName] = useState('')
  const [sourceId, setSourceId] = useState('')
  const sources = useSourceList()
  const ids = { file: useId(), target: useId(), name: useId() }
  const options = (extra: Partial<PreviewOptions> = {}): PreviewOptions => ({
    target,
    ...(sourceId ? { sourceId } : {}),
    ...extra,
  })
  const busy = ['reading', 'uploading', 'previewing', 'applying'].includes(state.step)

  const onFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const input = event.currentTarget
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    if (!projectName) setProjectName(file.name.replace(/\.[^.]+$/, ''))
    void flow.choose(file, options())
  }

  const changeTarget = (next: ImportTarget): void => {
    setTarget(next)
    if (flow.hasFile && state.step !== 'done') flow.again({ ...options(), target: next })
  }

  return (
    <div className="exchange-panel">
      <fieldset disabled={busy}>
        <legend>Import into</legend>
        <RadioOption
          name={ids.target}
          checked={target === 'current'}
          onSelect={() => changeTarget('current')}
        >
          This project: what is already here merges with what the file brings
        </RadioOption>
        <RadioOption
          name={ids.target}
          checked={target === 'new-project'}
          onSelect={() => changeTarget('new-project')}
        >
          A new project
        </RadioOption>
        {target === 'new-project' && (
          <label className="exchange-field">
            Name of the new project
            <input
              type="text"
              id={ids.name}
              value={projectName}
              onChange={(e) => setProjectName(e.target.value)}
              placeholder="Named after the file"
            />
          </label>
        )}
      </fieldset>

      <div className="button-row">
        <input
          id={ids.file}
          type="file"
          accept=".json,.jsonld,.csv,.tsv,application/json,application/ld+json,text/csv"
          className="visually-hidden"
          onChange={onFile}
          disabled={busy}
        />
        <label htmlFor={ids.file} className="button-like">
          Choose a file to import…
        </label>
        <span className="muted">
          STIX 2.1 bundles, W3C or Hypothesis annotations (JSON), CSV files of entities; up to 64
          MB.
        </span>
      </div>

      {state.step === 'reading' && <p role="status">Reading {state.fileName}…</p>}
      {state.step === 'uploading' && (
        <div className="exchange-progress">
          <progress aria-label="Sending the file" value={state.sent} max={state.total} />
          <span role="status" className="muted">
            Sending {state.fileName} to Sightline — part {Math.min(state.sent + 1, state.total)} of{' '}
            {state.total}
          </span>
          <button type="button" aria-label="Cancel the import" onClick={flow.stopSending}>
            Cancel
          </button>
        </div>
      )}
      {state.step === 'previewing' && (
        <JobProgress jobId={state.jobId} label="Reading the file" cancelLabel="Cancel the import" />
      )}
      {state.step === 'applying' && (
        <JobProgress jobId={state.jobId} label="Importing" cancelLabel="Cancel the import" />
      )}
      {state.step === 'cancelled' && (
        <div role="status" className="exchange-result">
          <p>
            {state.applying ? 'The import of ' : 'The preview of '}
            <strong dir="auto">{state.fileName}</strong> was cancelled. Nothing was imported; the
            project is as it was.
          </p>
          <div className="button-row">
            <button type="button" onClick={flow.reset}>
              Choose another file
            </button>
          </div>
        </div>
      )}

      {state.step === 'previewed' && (
        <>
          {state.changed && (
            <p role="alert" className="error-text">
              The project changed since the preview, and the import would now do this instead. Check
              it, then import.
            </p>
          )}
          {state.preview.format === 'w3c' && (
            <label className="exchange-field">
              Anchor the annotations on
              <select
                value={sourceId}
                onChange={(e) => {
                  setSourceId(e.target.value)
                  flow.again({
                    ...options(),
                    ...(e.target.value ? { sourceId: e.target.value } : { sourceId: undefined }),
                  })
                }}
              >
                <option value="">The source each one names (by address or text hash)</option>
                {sources.data?.map(({ source }) => (
                  <option key={source.id} value={source.id}>
                    {source.title}
                  </option>
                ))}
              </select>
            </label>
          )}
          {state.preview.csv && (
            <CsvMappingForm
              key={state.preview.planId}
              csv={state.preview.csv}
              busy={busy}
              onPreview={(mapping) => flow.again(options({ csv: mapping }))}
            />
          )}
          <ImportPreviewView key={state.preview.planId} preview={state.preview} />
          <div className="ui-actions">
            <button type="button" onClick={flow.reset}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              disabled={!Object.values(state.preview.counts).some((c) => c.create + c.merge > 0)}
              onClick={() =>
                void flow.apply(
                  target === 'new-project' ? projectName.trim() || undefined : undefined,
                )
              }
            >
              {target === 'new-project' ? 'Import into a new project' : 'Import'}
            </button>
          </div>
        </>
      )}

      {state.step === 'done' && (
        <div role="status" className="exchange-result">
          <p>
            Imported {state.fileName}
            {state.outcome.project.project.name && target === 'new-project'
              ? ` into the new project “${state.outcome.project.project.name}”, now open`
              : ''}
            :{' '}
            {Object.entries(state.outcome.counts)
              .map(
                ([kind, c]) =>
                  `${KIND_LABELS[kind as keyof typeof KIND_LABELS] ?? kind}: ${c.create} new, ${c.merge} merged, ${c.skip} skipped`,
              )
              .join('; ')}
            .
          </p>
          <div className="button-row">
            <button type="button" onClick={flow.reset}>
              Import another file
            </button>
            {target === 'new-project' && (
              <button type="button" onClick={onNewProject}>
                Go to the new project
              </button>
            )}
          </div>
        </div>
      )}

      {state.step === 'failed' && (
        <div role="alert" className="error-text exchange-failure">
          <FileProblems
            message={
              <>
                <strong dir="auto">{state.fileName}</strong>: {state.message}
              </>
            }
            problems={state.problems}
          />
        </div>
      )}
    </div>
  )
}
