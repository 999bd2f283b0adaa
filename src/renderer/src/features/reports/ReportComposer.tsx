import { useState } from 'react'
import type { Report } from '../../../../shared/model'
import { useDeleteReport, useReportChoices } from '../../api/reports'
import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import { ExportBar } from './ExportBar'
import { ReportDetails } from './ReportDetails'
import { ReportPreview } from './ReportPreview'
import { SectionCard } from './SectionCard'
import { moveSection, newSection, SECTION_LABELS, type SectionKind } from './sections'
import { useReportDraft } from './use-report-draft'
import { t } from '../../ui/i18n'

const ADDABLE: { kind: SectionKind; label: string }[] = [
  { kind: 'note', label: t('reports.addNote') },
  { kind: 'entity-table', label: t('reports.addEntityTable') },
  { kind: 'graph', label: t('reports.addGraph') },
  { kind: 'quotes', label: t('reports.addQuotes') },
  { kind: 'map', label: t('reports.addMap') },
  { kind: 'analysis', label: t('reports.addAnalysis') },
  { kind: 'timeline', label: t('reports.addTimeline') },
]

/**
 * Edits one report. Changes apply to a local draft at once and are saved after a short
 * pause; the preview follows each save.
 */
export function ReportComposer({ report, onDeleted }: { report: Report; onDeleted: () => void }) {
  const { draft, problem, saving, save, set, updateSections } = useReportDraft(report)
  const remove = useDeleteReport()
  const choices = useReportChoices()
  const [confirmingDelete, setConfirmingDelete] = useState(false)

  return (
    <div className="report-workspace">
      <form
        className="report-composer"
        aria-label={t('reports.reportComposer')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="composer-status">
          <span role="status" className="muted">
            {saving ? t('reports.saving') : t('reports.allChangesSaved')}
          </span>
          <button type="button" onClick={() => setConfirmingDelete(true)}>
            {t('reports.deleteReport')}
          </button>
        </div>
        {problem && (
          <p role="alert" className="error-text">
            {problem}
          </p>
        )}
        <ReportDetails draft={draft} set={set} />

        <h3 className="sections-title">{t('reports.sections')}</h3>
        {draft.sections.length === 0 && (
          <p className="muted">{t('reports.noSectionsYetAddANote')}</p>
        )}
        <ol className="section-list" aria-label={t('reports.sections')}>
          {draft.sections.map((section, index) => (
            <SectionCard
              key={section.id}
              section={section}
              index={index}
              count={draft.sections.length}
              label={SECTION_LABELS[section.kind]}
              choices={choices.data}
              onChange={(next) =>
                updateSections((sections) => sections.map((s) => (s.id === section.id ? next : s)))
              }
              onMove={(by) => updateSections((sections) => moveSection(sections, index, by))}
              onRemove={() =>
                updateSections((sections) => sections.filter((s) => s.id !== section.id))
              }
            />
          ))}
        </ol>
        <div className="add-section" role="group" aria-label={t('reports.addASection')}>
          {ADDABLE.map(({ kind, label }) => (
            <button
              key={kind}
              type="button"
              onClick={() =>
                updateSections((sections) => [...sections, newSection(kind, choices.data)])
              }
            >
              {label}
            </button>
          ))}
        </div>
      </form>
      <div className="report-output">
        <ExportBar report={report} beforeExport={save} />
        <ReportPreview report={report} />
      </div>
      {confirmingDelete && (
        <Dialog
          title={t('reports.deleteTheReport', { title: report.title })}
          onClose={() => setConfirmingDelete(false)}
          size="narrow"
        >
          <p>{t('reports.itsNotesAndQuotesStay')}</p>
          <ConfirmActions
            confirmLabel={t('reports.deleteReport')}
            onConfirm={() => remove.mutate(report.id, { onSuccess: onDeleted })}
            onCancel={() => setConfirmingDelete(false)}
            disabled={remove.isPending}
            error={remove.error?.message}
          />
        </Dialog>
      )}
    </div>
  )
}
