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

const ADDABLE: { kind: SectionKind; label: string }[] = [
  { kind: 'note', label: 'Add note' },
  { kind: 'entity-table', label: 'Add entity table' },
  { kind: 'graph', label: 'Add graph' },
  { kind: 'quotes', label: 'Add quotes' },
  { kind: 'map', label: 'Add map' },
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
        aria-label="Report composer"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="composer-status">
          <span role="status" className="muted">
            {saving ? 'Saving…' : 'All changes saved'}
          </span>
          <button type="button" onClick={() => setConfirmingDelete(true)}>
            Delete report
          </button>
        </div>
        {problem && (
          <p role="alert" className="error-text">
            {problem}
          </p>
        )}
        <ReportDetails draft={draft} set={set} />

        <h3 className="sections-title">Sections</h3>
        {draft.sections.length === 0 && (
          <p className="muted">No sections yet: add a note, a table, the graph, quotes or a map.</p>
        )}
        <ol className="section-list" aria-label="Sections">
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
        <div className="add-section" role="group" aria-label="Add a section">
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
          title={`Delete the report “${report.title}”?`}
          onClose={() => setConfirmingDelete(false)}
          size="narrow"
        >
          <p>Its notes and quotes stay.</p>
          <ConfirmActions
            confirmLabel="Delete report"
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
