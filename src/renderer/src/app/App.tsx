import { useEffect } from 'react'
import { ApiError } from '../api/errors'
import { useProjectInfo } from '../api/project'
import { ExchangeHost } from '../features/exchange/ExchangeHost'
import { AchView } from '../features/ach/AchView'
import { GraphView } from '../features/graph/GraphView'
import { MapView } from '../features/map/MapView'
import { EntityGridView } from '../features/grid/EntityGridView'
import { NotesView } from '../features/notes/NotesView'
import { PaletteHost } from '../features/palette/PaletteHost'
import { FirstRunGuide } from '../features/welcome/FirstRunGuide'
import { ProjectPanel } from '../features/project/ProjectPanel'
import { RecoveryScreen } from '../features/project/RecoveryScreen'
import { SaveStatus } from '../features/project/SaveStatus'
import { ImportHost } from '../features/reader/ImportHost'
import { ReaderView } from '../features/reader/ReaderView'
import { ReportsView } from '../features/reports/ReportsView'
import { SearchBox } from '../features/search/SearchBox'
import { SettingsHost } from '../features/settings/SettingsHost'
import { ConflictsView } from '../features/sync/ConflictsView'
import { SyncBadge } from '../features/sync/SyncBadge'
import { TeamView } from '../features/sync/TeamView'
import { TimelineView } from '../features/timeline/TimelineView'
import { useCurrentView, VIEWS, type ViewId } from '../routes/views'
import { formatCount } from '../ui/format'
import { t } from '../ui/i18n'

const VIEW_COMPONENTS: Record<ViewId, () => React.JSX.Element> = {
  groups: () => <EntityGridView key="group" type="group" />,
  people: () => <EntityGridView key="person" type="person" />,
  places: () => <EntityGridView key="place" type="place" />,
  communities: () => <EntityGridView key="community" type="community" />,
  events: () => <EntityGridView key="event" type="event" />,
  graph: GraphView,
  map: MapView,
  timeline: TimelineView,
  sources: ReaderView,
  notes: NotesView,
  analyses: AchView,
  reports: ReportsView,
  team: TeamView,
  conflicts: ConflictsView,
}

export function App() {
  const view = useCurrentView()
  const project = useProjectInfo()
  const projectName = project.data?.project.name

  useEffect(() => {
    document.title = projectName ? `${projectName} — Sightline` : 'Sightline'
  }, [projectName])

  const View = VIEW_COMPONENTS[view]
  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">{t('app.sightline')}</span>
        <div className="project-heading">
          <h1 className="project-name" dir="auto" title={projectName ?? undefined}>
            {projectName ?? ' '}
          </h1>
          {project.data && (
            <span className="muted project-counts">
              {formatCount(
                project.data.counts.sources,
                t('app.countSource'),
                t('app.countSources'),
              )}{' '}
              ·{' '}
              {formatCount(
                project.data.counts.annotations,
                t('app.countQuote'),
                t('app.countQuotes'),
              )}{' '}
              ·{' '}
              {formatCount(
                project.data.counts.entities,
                t('app.countEntity'),
                t('app.countEntities'),
              )}
            </span>
          )}
        </div>
        <SearchBox />
        <SaveStatus projectOpen={project.isSuccess} />
        <SyncBadge projectOpen={project.isSuccess} />
        {project.isSuccess && <ProjectPanel />}
        <SettingsHost />
        <PaletteHost />
      </header>
      <nav className="app-nav" aria-label={t('app.views')}>
        <ul>
          {VIEWS.map((v) => (
            <li key={v.id}>
              <a href={`#/${v.id}`} aria-current={v.id === view ? 'page' : undefined}>
                {v.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app-main">
        {project.isError &&
        project.error instanceof ApiError &&
        project.error.code === 'no_project' ? (
          <RecoveryScreen fallbackMessage={project.error.message} />
        ) : project.isError ? (
          <div role="alert" className="error-panel">
            <h2>{t('app.noProjectIsOpen')}</h2>
            <p>{project.error.message}</p>
          </div>
        ) : (
          <>
            {project.data && (
              <FirstRunGuide
                key={project.data.project.id}
                projectId={project.data.project.id}
                empty={project.data.counts.sources === 0}
              />
            )}
            <View />
          </>
        )}
      </main>
      {project.isSuccess && <ExchangeHost />}
      {project.isSuccess && <ImportHost />}
    </div>
  )
}
