import { useState } from 'react'
import { useCreateReport, useReports } from '../../api/reports'
import { useCommands } from '../../ui/commands'
import { ReportComposer } from './ReportComposer'
import { t } from '../../ui/i18n'
import './reports.css'

/** The Reports view: the project's reports, and the one being composed with its preview. */
export function ReportsView() {
  const reports = useReports()
  const create = useCreateReport()
  const [chosenId, setChosenId] = useState<string | null>(null)
  const list = reports.data ?? []
  const selected = list.find((r) => r.id === chosenId) ?? (chosenId === null ? list[0] : undefined)

  const newReport = (): void => {
    create.mutate(
      { title: t('reports.untitledReport'), date: new Date().toISOString().slice(0, 10) },
      { onSuccess: (report) => setChosenId(report.id) },
    )
  }
  useCommands([
    {
      id: 'reports.new',
      title: t('reports.newReport'),
      scope: t('reports.reports'),
      disabled: create.isPending,
      run: newReport,
    },
  ])

  if (reports.isError) {
    return (
      <div role="alert" className="error-panel">
        {t('reports.couldNotLoadTheReports', { message: reports.error.message })}
      </div>
    )
  }
  return (
    <section className="reports-view" aria-labelledby="reports-title">
      <div className="reports-list">
        <div className="view-toolbar">
          <h2 id="reports-title">{t('reports.reports')}</h2>
        </div>
        <button type="button" onClick={newReport} disabled={create.isPending}>
          {t('reports.newReport')}
        </button>
        {create.isError && (
          <p role="alert" className="error-text">
            {create.error.message}
          </p>
        )}
        {reports.isLoading ? (
          <p className="muted">{t('reports.loading')}</p>
        ) : list.length === 0 ? (
          <p className="muted">{t('reports.noReportsYetAReportGathers')}</p>
        ) : (
          <ul aria-label={t('reports.reportsInThisProject')}>
            {list.map((report) => (
              <li key={report.id}>
                <button
                  type="button"
                  className="report-link"
                  aria-current={report.id === selected?.id ? 'true' : undefined}
                  onClick={() => setChosenId(report.id)}
                >
                  <span className="report-link-title">{report.title}</span>
                  <span className="muted">
                    {t('reports.sectionCount', { count: report.sections.length })}
                    {report.date ? ` · ${report.date}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {selected ? (
        <ReportComposer key={selected.id} report={selected} onDeleted={() => setChosenId(null)} />
      ) : (
        <div className="reports-empty muted">{t('reports.chooseAReportOrStartA')}</div>
      )}
    </section>
  )
}
