import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { defaultReportColumns, type ReportPatch } from '../../../../shared/contract'
import {
  REPORT_MARGINS,
  REPORT_PAGE_SIZES,
  type Report,
  type ReportSection,
} from '../../../../shared/model'
import { useDeleteReport, useReportChoices, useUpdateReport } from '../../api/reports'
import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import { ExportBar } from './ExportBar'
import { ReportPreview } from './ReportPreview'
import { SectionCard } from './SectionCard'

const SAVE_DELAY_MS = 400

type Draft = Pick<Report, 'title' | 'author' | 'date' | 'classification' | 'sections' | 'options'>

const SECTION_LABELS: Record<ReportSection['kind'], string> = {
  note: 'note',
  'entity-table': 'entity table',
  graph: 'graph',
  quotes: 'quotes',
}

function newSectionId(): string {
  return crypto.randomUUID()
}

/**
 * Edits one report. Changes apply to a local draft at once and are saved after a short
 * pause; the preview follows each save.
 */
export function ReportComposer({ report, onDeleted }: { report: Report; onDeleted: () => void }) {
  const update = useUpdateReport()
  const remove = useDeleteReport()
  const choices = useReportChoices()
  const [draft, setDraft] = useState<Draft>(() => pickDraft(report))
  const [problem, setProblem] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const latest = useRef(draft)
  const id = useId()

  const save = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const next = latest.current
    if (next.title.trim() === '') {
      setProblem('A report needs a title; the last change was not saved.')
      setPending(false)
      return
    }
    const patch: ReportPatch = {
      title: next.title,
      author: next.author,
      date: next.date ?? null,
      classification: next.classification,
      sections: next.sections,
      options: next.options,
    }
    try {
      await update.mutateAsync({ id: report.id, patch })
      setProblem(null)
    } catch (error) {
      setProblem((error as Error).message)
    } finally {
      if (latest.current === next) setPending(false)
    }
  }, [report.id, update])

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )

  const change = (next: Draft): void => {
    setDraft(next)
    latest.current = next
    setPending(true)
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS)
  }
  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void =>
    change({ ...latest.current, [key]: value })
  const setSections = (sections: ReportSection[]): void => set('sections', sections)

  const addSection = (kind: ReportSection['kind']): void => {
    const sections = latest.current.sections
    const firstType = choices.data?.entityTypes.find((t) => t.type === 'group')?.type ?? 'group'
    const section: ReportSection =
      kind === 'note'
        ? { id: newSectionId(), kind, noteId: choices.data?.notes[0]?.id ?? 'none' }
        : kind === 'entity-table'
          ? {
              id: newSectionId(),
              kind,
              entityType: firstType,
              columns: defaultReportColumns(firstType),
            }
          : kind === 'graph'
            ? { id: newSectionId(), kind }
            : { id: newSectionId(), kind, annotationIds: [] }
    setSections([...sections, section])
  }

  const move = (index: number, by: -1 | 1): void => {
    const sections = [...latest.current.sections]
    const target = index + by
    if (target < 0 || target >= sections.length) return
    ;[sections[index], sections[target]] = [sections[target]!, sections[index]!]
    setSections(sections)
  }

  return (
    <div className="report-workspace">
      <form
        className="report-composer"
        aria-label="Report composer"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="composer-status">
          <span role="status" className="muted">
            {pending || update.isPending ? 'Saving…' : 'All changes saved'}
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
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          value={draft.title}
          maxLength={500}
          onChange={(e) => set('title', e.target.value)}
        />
        <div className="field-row">
          <div>
            <label htmlFor={`${id}-author`}>Author</label>
            <input
              id={`${id}-author`}
              value={draft.author}
              maxLength={500}
              onChange={(e) => set('author', e.target.value)}
            />
          </div>
          <div>
            <label htmlFor={`${id}-date`}>Date</label>
            <input
              id={`${id}-date`}
              type="date"
              value={draft.date ?? ''}
              onChange={(e) => set('date', e.target.value || undefined)}
            />
          </div>
        </div>
        <label htmlFor={`${id}-classification`}>Classification and handling</label>
        <input
          id={`${id}-classification`}
          value={draft.classification}
          maxLength={500}
          placeholder="e.g. UNCLASSIFIED // FOR OFFICIAL USE ONLY"
          onChange={(e) => set('classification', e.target.value)}
        />
        <div className="field-row">
          <div>
            <label htmlFor={`${id}-size`}>Page size</label>
            <select
              id={`${id}-size`}
              value={draft.options.pageSize}
              onChange={(e) =>
                set('options', {
                  ...draft.options,
                  pageSize: e.target.value as Report['options']['pageSize'],
                })
              }
            >
              {REPORT_PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-margins`}>Margins</label>
            <select
              id={`${id}-margins`}
              value={draft.options.margins ?? 'normal'}
              onChange={(e) =>
                set('options', {
                  ...draft.options,
                  margins: e.target.value as NonNullable<Report['options']['margins']>,
                })
              }
            >
              {REPORT_MARGINS.map((margins) => (
                <option key={margins} value={margins}>
                  {margins.charAt(0).toUpperCase() + margins.slice(1)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.options.appendixOfEntityQuotes}
            onChange={(e) =>
              set('options', { ...draft.options, appendixOfEntityQuotes: e.target.checked })
            }
          />
          Appendix: every quote behind the entities the report names
        </label>

        <h3 className="sections-title">Sections</h3>
        {draft.sections.length === 0 && (
          <p className="muted">No sections yet: add a note, a table, the graph or quotes.</p>
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
                setSections(latest.current.sections.map((s) => (s.id === section.id ? next : s)))
              }
              onMove={(by) => move(index, by)}
              onRemove={() =>
                setSections(latest.current.sections.filter((s) => s.id !== section.id))
              }
            />
          ))}
        </ol>
        <div className="add-section" role="group" aria-label="Add a section">
          <button type="button" onClick={() => addSection('note')}>
            Add note
          </button>
          <button type="button" onClick={() => addSection('entity-table')}>
            Add entity table
          </button>
          <button type="button" onClick={() => addSection('graph')}>
            Add graph
          </button>
          <button type="button" onClick={() => addSection('quotes')}>
            Add quotes
          </button>
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

function pickDraft(report: Report): Draft {
  return {
    title: report.title,
    author: report.author,
    ...(report.date ? { date: report.date } : {}),
    classification: report.classification,
    sections: report.sections,
    options: report.options,
  }
}
