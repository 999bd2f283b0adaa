import type { Report } from '../../../../shared/model'
import { useReportHtml } from '../../api/reports'
import { t } from '../../ui/i18n'

/**
 * The report as it will print, in a frame that can run nothing and reach nothing:
 * sandbox="" (no scripts, an opaque origin) with the HTML given as srcdoc. The frame
 * inherits the app's CSP, which allows the report's one <style> by its hash.
 */
export function ReportPreview({ report }: { report: Report }) {
  const html = useReportHtml(report)
  return (
    <div className="report-preview">
      {html.isError && (
        <p role="alert" className="error-text">
          {t('reports.thePreviewCouldNotBeRendered', { message: html.error.message })}
        </p>
      )}
      {html.data ? (
        <iframe title={t('reports.reportPreview')} sandbox="" srcDoc={html.data.html} />
      ) : (
        !html.isError && <p className="muted">{t('reports.renderingThePreview')}</p>
      )}
    </div>
  )
}
