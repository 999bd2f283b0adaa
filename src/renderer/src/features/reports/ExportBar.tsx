import { useEffect, useState } from 'react'
import type { Report } from '../../../../shared/model'
import { useExportHtml, useExportMarkdown, useExportPdf } from '../../api/reports'
import { blobFromBase64, downloadFile } from '../../ui/download'
import { openExchange } from '../../ui/exchange-request'
import { t } from '../../ui/i18n'

/** Export PDF…, HTML and Markdown, with progress while Chromium prints; STIX through the Exchange dialog. */
export function ExportBar({
  report,
  beforeExport,
}: {
  report: Report
  /** Saves pending edits first, so the export is what the composer shows. */
  beforeExport: () => Promise<void>
}) {
  const pdf = useExportPdf()
  const html = useExportHtml()
  const markdown = useExportMarkdown()
  const [message, setMessage] = useState<string | null>(null)
  const [started, setStarted] = useState<number | null>(null)
  const elapsed = useElapsedSeconds(started)
  const busy = pdf.isPending || html.isPending || markdown.isPending

  const exportPdf = async (): Promise<void> => {
    setMessage(null)
    setStarted(Date.now())
    try {
      await beforeExport()
      const result = await pdf.mutateAsync(report.id)
      if (!result.base64) throw new Error('The PDF came back empty.')
      downloadFile(result.fileName, blobFromBase64(result.base64, 'application/pdf'))
      setMessage(
        t('reports.exportedPages', {
          fileName: result.fileName,
          pages: result.pages,
          bytes: formatBytes(result.bytes),
        }),
      )
    } catch (error) {
      setMessage(t('reports.thePdfCouldNotBeMade', { message: (error as Error).message }))
    } finally {
      setStarted(null)
    }
  }

  const exportText = async (kind: 'html' | 'markdown'): Promise<void> => {
    setMessage(null)
    try {
      await beforeExport()
      if (kind === 'html') {
        const result = await html.mutateAsync(report.id)
        downloadFile(result.fileName, new Blob([result.html], { type: 'text/html;charset=utf-8' }))
        setMessage(t('reports.exported', { fileName: result.fileName }))
      } else {
        const result = await markdown.mutateAsync(report.id)
        downloadFile(
          result.fileName,
          new Blob([result.markdown], { type: 'text/markdown;charset=utf-8' }),
        )
        setMessage(t('reports.exported', { fileName: result.fileName }))
      }
    } catch (error) {
      setMessage(t('reports.theExportFailed', { message: (error as Error).message }))
    }
  }

  return (
    <div className="export-bar" role="group" aria-label={t('reports.export')}>
      <button type="button" onClick={() => void exportPdf()} disabled={busy}>
        {t('reports.exportPdf')}
      </button>
      <button type="button" onClick={() => void exportText('html')} disabled={busy}>
        {t('reports.exportHtml')}
      </button>
      <button type="button" onClick={() => void exportText('markdown')} disabled={busy}>
        {t('reports.exportMarkdown')}
      </button>
      <button
        type="button"
        aria-haspopup="dialog"
        disabled={busy}
        onClick={() =>
          void beforeExport().then(() =>
            openExchange({
              scope: { kind: 'report', reportId: report.id },
              scopeLabel: t('reports.thisReportItsTablesEntitiesIts'),
            }),
          )
        }
      >
        {t('reports.exportStix')}
      </button>
      {pdf.isPending && <progress aria-label={t('reports.exportingPdf')} />}
      <span role="status" className="muted export-status">
        {pdf.isPending ? t('reports.printingThePdfWithChromiumS', { elapsed }) : (message ?? '')}
      </span>
    </div>
  )
}

function useElapsedSeconds(since: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (since === null) return
    const timer = setInterval(() => setNow(Date.now()), 500)
    return () => clearInterval(timer)
  }, [since])
  return since === null ? 0 : Math.max(0, Math.round((now - since) / 1000))
}

function formatBytes(bytes: number): string {
  return bytes >= 1e6
    ? `${(bytes / 1e6).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1e3))} KB`
}
