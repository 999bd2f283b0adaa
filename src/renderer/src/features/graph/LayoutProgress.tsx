import { useEffect, useState, useSyncExternalStore } from 'react'
import { LAYOUT_LABELS } from './layout-plan'
import type { LayoutRun } from './use-layout-run'
import { t } from '../../ui/i18n'

function methodNote(run: LayoutRun): string {
  if (run.algorithm === 'forceatlas2') return t('graph.methodNoteForceAtlas2')
  return run.quality === 'draft' ? t('graph.methodNoteDraft') : ''
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
    <div className="graph-progress" role="status" aria-label={t('graph.layoutInProgress')}>
      {steps ? (
        <progress aria-label={t('graph.layoutProgress')} value={steps.done} max={steps.of} />
      ) : (
        <progress aria-label={t('graph.layoutProgress')} />
      )}
      <span>
        {t('graph.layoutOfEntities', {
          value: LAYOUT_LABELS[run.kind],
          nodeCount: run.nodeCount,
          methodNote: methodNote(run),
        })}{' '}
        {steps ? `${Math.round((100 * steps.done) / steps.of)} % · ` : ''}
        {t('graph.s', { toFixed: (elapsed / 1000).toFixed(1) })}
      </span>
      <button type="button" onClick={() => run.cancel()}>
        {t('graph.cancelLayout')}
      </button>
    </div>
  )
}
