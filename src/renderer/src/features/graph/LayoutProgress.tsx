import { useEffect, useState, useSyncExternalStore } from 'react'
import { LAYOUT_LABELS } from './layout-plan'
import type { LayoutRun } from './use-layout-run'

function methodNote(run: LayoutRun): string {
  if (run.algorithm === 'forceatlas2') return ' (ForceAtlas2, for a graph this size)'
  return run.quality === 'draft' ? ' (draft quality, for speed)' : ''
}

/**
 * Over the chart while a layout runs: how far it has got when the layout can tell, and a
 * ticking clock either way, so the page is seen to be alive meanwhile.
 */
export function LayoutProgress({ run }: { run: LayoutRun }) {
  const [elapsed, setElapsed] = useState(0)
  const steps = useSyncExternalStore(run.steps.subscribe, run.steps.get)
  useEffect(() => {
    const timer = setInterval(() => setElapsed(performance.now() - run.startedAt), 200)
    return () => {
      clearInterval(timer)
      setElapsed(0)
    }
  }, [run])
  return (
    <div className="graph-progress" role="status" aria-label="Layout in progress">
      {steps ? (
        <progress aria-label="Layout progress" value={steps.done} max={steps.of} />
      ) : (
        <progress aria-label="Layout progress" />
      )}
      <span>
        {LAYOUT_LABELS[run.kind]} layout of {run.nodeCount} entities
        {methodNote(run)}… {steps ? `${Math.round((100 * steps.done) / steps.of)} % · ` : ''}
        {(elapsed / 1000).toFixed(1)} s
      </span>
      <button type="button" onClick={() => run.cancel()}>
        Cancel layout
      </button>
    </div>
  )
}
