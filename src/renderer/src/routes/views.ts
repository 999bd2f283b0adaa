import { useEffect, useState } from 'react'

export const VIEWS = [
  { id: 'groups', label: 'Groups' },
  { id: 'people', label: 'People' },
  { id: 'places', label: 'Places' },
  { id: 'communities', label: 'Communities' },
  { id: 'events', label: 'Events' },
  { id: 'graph', label: 'Graph' },
  { id: 'map', label: 'Map' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'sources', label: 'Sources' },
  { id: 'notes', label: 'Notes' },
  { id: 'analyses', label: 'Analyses' },
  { id: 'reports', label: 'Reports' },
  { id: 'team', label: 'Team' },
  { id: 'conflicts', label: 'Conflicts' },
] as const
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
