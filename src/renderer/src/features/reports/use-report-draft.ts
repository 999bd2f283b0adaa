import { useCallback, useEffect, useRef, useState } from 'react'
import type { ReportPatch } from '../../../../shared/contract'
import type { Report, ReportSection } from '../../../../shared/model'
import { useUpdateReport } from '../../api/reports'
import { t } from '../../ui/i18n'

const SAVE_DELAY_MS = 400

export type ReportDraft = Pick<
  Report,
  'title' | 'author' | 'date' | 'classification' | 'sections' | 'options'
>

/**
 * One report as the composer edits it: changes apply to a local draft at once and are saved
 * after a short pause (the newest draft wins); `save` stores what is pending now, as before
 * an export. A report without a title is not saved, and says so.
 */
export function useReportDraft(report: Report) {
  const update = useUpdateReport()
  const [draft, setDraft] = useState<ReportDraft>(() => pickDraft(report))
  const [problem, setProblem] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const latest = useRef(draft)

  const save = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const next = latest.current
    if (next.title.trim() === '') {
      setProblem(t('reports.aReportNeedsATitleThe'))
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

  const change = (next: ReportDraft): void => {
    setDraft(next)
    latest.current = next
    setPending(true)
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS)
  }

  const set = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]): void =>
    change({ ...latest.current, [key]: value })

  /** Changes the sections from the newest draft, not the one last rendered. */
  const updateSections = (edit: (sections: ReportSection[]) => ReportSection[]): void => {
    const sections = edit(latest.current.sections)
    if (sections !== latest.current.sections) set('sections', sections)
  }

  return { draft, problem, saving: pending || update.isPending, save, set, updateSections }
}

export type SetReportField = ReturnType<typeof useReportDraft>['set']

function pickDraft(report: Report): ReportDraft {
  return {
    title: report.title,
    author: report.author,
    ...(report.date ? { date: report.date } : {}),
    classification: report.classification,
    sections: report.sections,
    options: report.options,
  }
}
