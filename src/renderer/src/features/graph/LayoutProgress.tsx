import { useEffect, useState } from 'react'
import { LAYOUT_LABELS } from './layout'
import type { LayoutRun } from './use-layout-run'

/** Over the chart while a layout runs: a ticking clock shows the page is alive meanwhile. */
export function LayoutProgress({ run }: { run: LayoutRun }) {
  const [elapsed, setElapsed] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setElapsed(performance.now() - run.startedAt), 200)
    return () => {
      clearInterval(timer)
      setElapsed(0)
    }
  }, [run])
  return (
    <div className="graph-progress" role="status" aria-label="Layout in progress">
      <progress aria-label="Layout progress" />
      <span>
        {LAYOUT_LABELS[run.kind]} layout of {run.nodeCount} entities
        {run.quality === 'draft' ? ' (draft quality, for speed)' : ''}…{' '}
        {(elapsed / 1000).toFixed(1)} s
      </span>
      <button type="button" onClick={() => run.cancel()}>
        Cancel layout
      </button>
    </div>
  )
}
