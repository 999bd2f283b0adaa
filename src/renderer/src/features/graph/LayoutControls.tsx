import { useState } from 'react'
import { useCommands } from '../../ui/commands'
import { LAYOUT_KINDS, LAYOUT_LABELS, type LayoutKind } from './layout-plan'

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
      title: `Run layout (${LAYOUT_LABELS[kind]})`,
      scope: 'Graph',
      disabled: running || needsRoot,
      run: runChosen,
    },
    { id: 'graph.fit', title: 'Fit the graph to the view', scope: 'Graph', run: onFit },
  ])
  return (
    <fieldset>
      <legend>Layout</legend>
      <label>
        Layout
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
          title={needsRoot ? 'Select one node to grow the tree from' : undefined}
        >
          Run layout
        </button>
        <button type="button" onClick={onReset} disabled={running}>
          Reset layout
        </button>
        <button type="button" onClick={onFit}>
          Fit to view
        </button>
      </div>
    </fieldset>
  )
}
