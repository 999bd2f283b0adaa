import { useId, useState, type ChangeEvent } from 'react'
import { useSourceList } from '../../api/sources'
import { FileProblems } from '../../ui/FileProblems'
import { CsvMappingForm } from './CsvMappingForm'
import { ImportPreviewView } from './ImportPreviewView'
import { JobProgress } from './JobProgress'
import { KIND_LABELS } from './labels'
import { RadioOption } from './RadioOption'
import { useImportFlow, type ImportTarget, type PreviewOptions } from './use-import-flow'
import { t } from '../../ui/i18n'

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
        <legend>{t('exchange.importInto')}</legend>
        <RadioOption
          name={ids.target}
          checked={target === 'current'}
          onSelect={() => changeTarget('current')}
        >
          {t('exchange.thisProjectWhatIsAlreadyHere')}
        </RadioOption>
        <RadioOption
          name={ids.target}
          checked={target === 'new-project'}
          onSelect={() => changeTarget('new-project')}
        >
          {t('exchange.aNewProject')}
        </RadioOption>
        {target === 'new-project' && (
          <label className="exchange-field">
            {t('exchange.nameOfTheNewProject')}
            <input
              type="text"
              id={ids.name}
              value={projectName}
              onChange={(e) => setProjectName(e.target.value)}
              placeholder={t('exchange.namedAfterTheFile')}
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
          {t('exchange.chooseAFileToImport')}
        </label>
        <span className="muted">{t('exchange.stix21BundlesW3cOr')}</span>
      </div>

      {state.step === 'reading' && (
        <p role="status">{t('exchange.reading', { fileName: state.fileName })}</p>
      )}
      {state.step === 'uploading' && (
        <div className="exchange-progress">
          <progress
            aria-label={t('exchange.sendingTheFile')}
            value={state.sent}
            max={state.total}
          />
          <span role="status" className="muted">
            {t('exchange.sendingToSightlinePartOf', {
              fileName: state.fileName,
              min: Math.min(state.sent + 1, state.total),
              total: state.total,
            })}
          </span>
          <button
            type="button"
            aria-label={t('exchange.cancelTheImport')}
            onClick={flow.stopSending}
          >
            {t('exchange.cancel')}
          </button>
        </div>
      )}
      {state.step === 'previewing' && (
        <JobProgress
          jobId={state.jobId}
          label={t('exchange.readingTheFile')}
          cancelLabel={t('exchange.cancelTheImport')}
        />
      )}
      {state.step === 'applying' && (
        <JobProgress
          jobId={state.jobId}
          label={t('exchange.importing')}
          cancelLabel={t('exchange.cancelTheImport')}
        />
      )}
      {state.step === 'cancelled' && (
        <div role="status" className="exchange-result">
          <p>
            {state.applying ? t('exchange.theImportOf') : t('exchange.thePreviewOf')}{' '}
            <strong dir="auto">{state.fileName}</strong> {t('exchange.wasCancelledNothingImported')}
          </p>
          <div className="button-row">
            <button type="button" onClick={flow.reset}>
              {t('exchange.chooseAnotherFile')}
            </button>
          </div>
        </div>
      )}

      {state.step === 'previewed' && (
        <>
          {state.changed && (
            <p role="alert" className="error-text">
              {t('exchange.theProjectChangedSinceThePreview')}
            </p>
          )}
          {state.preview.format === 'w3c' && (
            <label className="exchange-field">
              {t('exchange.anchorTheAnnotationsOn')}
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
                <option value="">{t('exchange.theSourceEachOneNamesBy')}</option>
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
              {t('exchange.cancel')}
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
              {target === 'new-project'
                ? t('exchange.importIntoANewProject')
                : t('exchange.import')}
            </button>
          </div>
        </>
      )}

      {state.step === 'done' && (
        <div role="status" className="exchange-result">
          <p>
            {t('exchange.imported', { fileName: state.fileName })}
            {state.outcome.project.project.name && target === 'new-project'
              ? t('exchange.intoTheNewProjectNowOpen', { name: state.outcome.project.project.name })
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
              {t('exchange.importAnotherFile')}
            </button>
            {target === 'new-project' && (
              <button type="button" onClick={onNewProject}>
                {t('exchange.goToTheNewProject')}
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
