import { useCancelJob, useJobProgress } from '../../api/exchange'
import { t } from '../../ui/i18n'

/**
 * A long call's progress, polled from main while it runs: the phase in words and a bar,
 * and a button that stops it. Before main reports anything the bar is indeterminate.
 */
export function JobProgress({
  jobId,
  label,
  cancelLabel,
  onCancel,
}: {
  jobId: string
  label: string
  /** The Cancel button's accessible name ("Cancel the import"). */
  cancelLabel: string
  /** Told when the analyst cancels, before main answers. */
  onCancel?: () => void
}) {
  const progress = useJobProgress(jobId).data
  const cancel = useCancelJob()
  const share = progress && progress.total > 0 ? progress.done / progress.total : null
  return (
    <div className="exchange-progress">
      {share === null ? (
        <progress aria-label={label} />
      ) : (
        <progress aria-label={label} value={progress!.done} max={progress!.total} />
      )}
      <span role="status" className="muted">
        {cancel.isPending || cancel.isSuccess
          ? t('exchange.cancelling')
          : progress
            ? `${progress.phase}${share !== null ? ` — ${Math.round(share * 100)} %` : ''}`
            : `${label}…`}
      </span>
      <button
        type="button"
        aria-label={cancelLabel}
        disabled={cancel.isPending || cancel.isSuccess}
        onClick={() => {
          onCancel?.()
          cancel.mutate(jobId)
        }}
      >
        {t('exchange.cancel')}
      </button>
    </div>
  )
}
