import { useEffect, useState } from 'react'
import { t } from '../ui/i18n'

/**
 * A command a view registers (ui/commands.ts) while it is open, named here too so the
 * palette can offer it from any view: it opens the view, which runs it once registered.
 */
export interface ViewCommand {
  id: string
  title: string
}

const GRID_COMMANDS: readonly ViewCommand[] = [{ id: 'grid.export-csv', title: t('app.exportCsv') }]

export const VIEWS = [
  { id: 'groups', label: t('app.groups'), commands: GRID_COMMANDS },
  { id: 'people', label: t('app.people'), commands: GRID_COMMANDS },
  { id: 'places', label: t('app.places'), commands: GRID_COMMANDS },
  { id: 'communities', label: t('app.communities'), commands: GRID_COMMANDS },
  { id: 'events', label: t('app.events'), commands: GRID_COMMANDS },
  {
    id: 'graph',
    label: t('app.graph'),
    commands: [
      { id: 'graph.run-layout', title: t('app.runLayout') },
      { id: 'graph.fit', title: t('app.fitTheGraphToTheView') },
    ],
  },
  { id: 'map', label: t('app.map'), commands: [] },
  { id: 'timeline', label: t('app.timeline'), commands: [] },
  {
    id: 'sources',
    label: t('app.sources'),
    commands: [
      { id: 'sources.import', title: t('app.importFiles') },
      { id: 'sources.paste', title: t('app.pasteTextAsASource') },
    ],
  },
  { id: 'notes', label: t('app.notes'), commands: [{ id: 'notes.new', title: t('app.newNote') }] },
  { id: 'analyses', label: t('app.analyses'), commands: [] },
  {
    id: 'reports',
    label: t('app.reports'),
    commands: [{ id: 'reports.new', title: t('app.newReport') }],
  },
  { id: 'team', label: t('app.team'), commands: [] },
  { id: 'conflicts', label: t('app.conflicts'), commands: [] },
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
