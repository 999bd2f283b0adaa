import { useJobProgress } from '../../api/exchange'

/**
 * A long call's progress, polled from main while it runs: the phase in words and a bar.
 * Before main reports anything the bar is indeterminate.
 */
export function JobProgress({ jobId, label }: { jobId: string; label: string }) {
  const progress = useJobProgress(jobId).data
  const share = progress && progress.total > 0 ? progress.done / progress.total : null
  return (
    <div className="exchange-progress">
      {share === null ? (
        <progress aria-label={label} />
      ) : (
        <progress aria-label={label} value={progress!.done} max={progress!.total} />
      )}
      <span role="status" className="muted">
        {progress
          ? `${progress.phase}${share !== null ? ` — ${Math.round(share * 100)} %` : ''}`
          : `${label}…`}
      </span>
    </div>
  )
}
