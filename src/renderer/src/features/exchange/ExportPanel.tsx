import { useId, useState } from 'react'
import { TLP_LEVELS, type ExchangeFile, type TlpLevel } from '../../../../shared/contract'
import { ApiError } from '../../api/errors'
import { newJobId, useStixExport, useW3cExport } from '../../api/exchange'
import { useSourceList } from '../../api/sources'
import { downloadFile } from '../../ui/download'
import type { ExchangeRequest } from '../../ui/exchange-request'
import { JobProgress } from './JobProgress'
import { countsText, formatBytes, TLP_LABELS } from './labels'
import { RadioOption } from './RadioOption'
import { t } from '../../ui/i18n'

type Format = 'stix' | 'w3c'

/** Exports as a STIX bundle (project, report or selection, under a TLP marking) or W3C annotations. */
export function ExportPanel({ request }: { request: ExchangeRequest }) {
  const [format, setFormat] = useState<Format>('stix')
  const [whole, setWhole] = useState(request.scope.kind === 'project')
  const [tlp, setTlp] = useState<TlpLevel>('amber')
  const [sourceId, setSourceId] = useState('')
  const [jobId, setJobId] = useState<string | null>(null)
  const stix = useStixExport()
  const w3c = useW3cExport()
  const sources = useSourceList()
  const names = { format: useId(), scope: useId() }
  const result: ExchangeFile | undefined = format === 'stix' ? stix.data : w3c.data
  const failure = format === 'stix' ? stix.error : w3c.error
  const error = failure?.message
  const cancelled = failure instanceof ApiError && failure.code === 'cancelled'

  const run = (): void => {
    const job = newJobId()
    setJobId(job)
    const done = {
      onSuccess: (file: ExchangeFile) =>
        downloadFile(file.fileName, new Blob([file.content], { type: 'application/json' })),
      onSettled: () => setJobId(null),
    }
    if (format === 'stix') {
      stix.mutate({ scope: whole ? { kind: 'project' } : request.scope, tlp, jobId: job }, done)
    } else {
      w3c.mutate({ ...(sourceId ? { sourceId } : {}), jobId: job }, done)
    }
  }

  return (
    <div className="exchange-panel">
      <fieldset>
        <legend>{t('exchange.format')}</legend>
        <RadioOption
          name={names.format}
          checked={format === 'stix'}
          onSelect={() => setFormat('stix')}
        >
          {t('exchange.stix21BundleOpenctiMisp')}
        </RadioOption>
        <RadioOption
          name={names.format}
          checked={format === 'w3c'}
          onSelect={() => setFormat('w3c')}
        >
          {t('exchange.w3cWebAnnotationsHypothesisAndOther')}
        </RadioOption>
      </fieldset>

      {format === 'stix' ? (
        <>
          {request.scope.kind !== 'project' && (
            <fieldset>
              <legend>{t('exchange.whatToExport')}</legend>
              <RadioOption name={names.scope} checked={!whole} onSelect={() => setWhole(false)}>
                {request.scopeLabel ?? t('exchange.theSelection')}
              </RadioOption>
              <RadioOption name={names.scope} checked={whole} onSelect={() => setWhole(true)}>
                {t('exchange.theWholeProject')}
              </RadioOption>
            </fieldset>
          )}
          <label className="exchange-field">
            {t('exchange.tlpMarking')}
            <select value={tlp} onChange={(e) => setTlp(e.target.value as TlpLevel)}>
              {TLP_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {TLP_LABELS[level]}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : (
        <label className="exchange-field">
          {t('exchange.annotationsOf')}
          <select value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
            <option value="">{t('exchange.everySourceOfTheProject')}</option>
            {sources.data?.map(({ source }) => (
              <option key={source.id} value={source.id}>
                {source.title}
              </option>
            ))}
          </select>
        </label>
      )}

      <div className="button-row">
        <button type="button" className="primary" onClick={run} disabled={jobId !== null}>
          {format === 'stix' ? t('exchange.exportStixBundle') : t('exchange.exportAnnotations')}
        </button>
      </div>
      {jobId && (
        <JobProgress
          jobId={jobId}
          label={t('exchange.exporting')}
          cancelLabel={t('exchange.cancelTheExport')}
        />
      )}
      {!jobId && result && (
        <div role="status" className="exchange-result">
          <p>
            {t('exchange.exported', {
              fileName: result.fileName,
              bytes: formatBytes(result.bytes),
              countsText: countsText(result.counts),
            })}
          </p>
          {result.notes.length > 0 && (
            <ul>
              {result.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!jobId && error && (
        <p role={cancelled ? 'status' : 'alert'} className={cancelled ? 'muted' : 'error-text'}>
          {cancelled
            ? t('exchange.theExportWasCancelled')
            : t('exchange.theExportFailed', { error })}
        </p>
      )}
    </div>
  )
}
