import { useState } from 'react'
import { useCommands } from '../../ui/commands'
import { LAYOUT_KINDS, LAYOUT_LABELS, type LayoutKind } from './layout-plan'
import { t } from '../../ui/i18n'

interface LayoutControlsProps {
  /** A layout is running: no other may start. */
  running: boolean
  /** The one selected node, the root a tree grows from. */
  selectedOne: string | undefined
  onRun(kind: LayoutKind, root?: string): void
  onReset(): void
  onFit(): void
}

/** Which layout to run, and the buttons that run it, reset it and frame the chart. */
export function LayoutControls({
  running,
  selectedOne,
  onRun,
  onReset,
  onFit,
}: LayoutControlsProps) {
  const [kind, setKind] = useState<LayoutKind>('fcose')
  const needsRoot = kind === 'breadthfirst' && !selectedOne
  const runChosen = (): void => (kind === 'breadthfirst' ? onRun(kind, selectedOne) : onRun(kind))
  useCommands([
    {
      id: 'graph.run-layout',
      title: t('graph.runLayout', { value: LAYOUT_LABELS[kind] }),
      scope: t('graph.graph'),
      disabled: running || needsRoot,
      run: runChosen,
    },
    {
      id: 'graph.fit',
      title: t('graph.fitTheGraphToTheView'),
      scope: t('graph.graph'),
      run: onFit,
    },
  ])
  return (
    <fieldset>
      <legend>{t('graph.layout')}</legend>
      <label>
        {t('graph.layout')}
        <select value={kind} onChange={(e) => setKind(e.target.value as LayoutKind)}>
          {LAYOUT_KINDS.map((option) => (
            <option key={option} value={option}>
              {LAYOUT_LABELS[option]}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row">
        <button
          type="button"
          onClick={runChosen}
          disabled={running || needsRoot}
          title={needsRoot ? t('graph.selectOneNodeToGrowThe') : undefined}
        >
          {t('graph.runLayout2')}
        </button>
        <button type="button" onClick={onReset} disabled={running}>
          {t('graph.resetLayout')}
        </button>
        <button type="button" onClick={onFit}>
          {t('graph.fitToView')}
        </button>
      </div>
    </fieldset>
  )
}
