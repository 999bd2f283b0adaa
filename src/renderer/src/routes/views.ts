import { useEffect, useState } from 'react'

/**
 * A command a view registers (ui/commands.ts) while it is open, named here too so the
 * palette can offer it from any view: it opens the view, which runs it once registered.
 */
export interface ViewCommand {
  id: string
  title: string
}

const GRID_COMMANDS: readonly ViewCommand[] = [{ id: 'grid.export-csv', title: 'Export CSV' }]

export const VIEWS = [
  { id: 'groups', label: 'Groups', commands: GRID_COMMANDS },
  { id: 'people', label: 'People', commands: GRID_COMMANDS },
  { id: 'places', label: 'Places', commands: GRID_COMMANDS },
  { id: 'communities', label: 'Communities', commands: GRID_COMMANDS },
  { id: 'events', label: 'Events', commands: GRID_COMMANDS },
  {
    id: 'graph',
    label: 'Graph',
    commands: [
      { id: 'graph.run-layout', title: 'Run layout' },
      { id: 'graph.fit', title: 'Fit the graph to the view' },
    ],
  },
  { id: 'map', label: 'Map', commands: [] },
  { id: 'timeline', label: 'Timeline', commands: [] },
  {
    id: 'sources',
    label: 'Sources',
    commands: [
      { id: 'sources.import', title: 'Import files…' },
      { id: 'sources.paste', title: 'Paste text as a source…' },
    ],
  },
  { id: 'notes', label: 'Notes', commands: [{ id: 'notes.new', title: 'New note' }] },
  { id: 'analyses', label: 'Analyses', commands: [] },
  { id: 'reports', label: 'Reports', commands: [{ id: 'reports.new', title: 'New report' }] },
  { id: 'team', label: 'Team', commands: [] },
  { id: 'conflicts', label: 'Conflicts', commands: [] },
] as const satisfies readonly { id: string; label: string; commands: readonly ViewCommand[] }[]
export type ViewId = (typeof VIEWS)[number]['id']

function viewFromHash(): ViewId {
  // `#/notes/<id>`, `#/sources/<id>?a=…` and `#/people?e=<id>` all name their view first.
  const id = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0]
  return VIEWS.find((v) => v.id === id)?.id ?? 'groups'
}

/** The current view lives in the URL hash, so a reload returns to it. */
export function useCurrentView(): ViewId {
  const [view, setView] = useState<ViewId>(viewFromHash)
  useEffect(() => {
    const onChange = (): void => setView(viewFromHash())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return view
}
