import { useRef } from 'react'
import type { Report } from '../../../../shared/model'
import { useReportHtml } from '../../api/reports'
import { t } from '../../ui/i18n'
import { useElementSize } from '../../ui/use-element-size'

const NOT_MEASURED = { width: 0, height: 0 }

/**
 * How wide the report's page needs its frame on screen: the widest sheet (US Letter,
 * 215.9 mm = 816 px), its 16 px margins either side, and the frame's own scroll bar.
 */
export const PAGE_FRAME_PX = 864

/** The preview is scaled down to fit its column, never up past the page's printed size. */
export function previewScale(columnWidth: number): number {
  if (columnWidth <= 0) return 1
  return Math.min(1, columnWidth / PAGE_FRAME_PX)
}

/**
 * The report as it will print, in a frame that can run nothing and reach nothing:
 * sandbox="" (no scripts, an opaque origin) with the HTML given as srcdoc. The frame
 * inherits the app's CSP, which allows the report's one <style> by its hash.
 *
 * The frame is laid out at the page's own width and scaled to the column, so the whole
 * page shows at any window size with its lines broken where the PDF breaks them.
 */
export function ReportPreview({ report }: { report: Report }) {
  const html = useReportHtml(report)
  const hostRef = useRef<HTMLDivElement>(null)
  const box = useElementSize(hostRef, NOT_MEASURED)

  const scale = previewScale(box.width)
  return (
    <div className="report-preview">
      {html.isError && (
        <p role="alert" className="error-text">
          {t('reports.thePreviewCouldNotBeRendered', { message: html.error.message })}
        </p>
      )}
      <div className="report-preview-page" ref={hostRef}>
        {html.data ? (
          <iframe
            title={t('reports.reportPreview')}
            sandbox=""
            srcDoc={html.data.html}
            // Set through the DOM's style object, which the CSP allows (no style attribute).
            style={{
              width: `${PAGE_FRAME_PX}px`,
              height: `${Math.max(box.height, 1) / scale}px`,
              transform: `scale(${scale})`,
            }}
          />
        ) : (
          !html.isError && <p className="muted">{t('reports.renderingThePreview')}</p>
        )}
      </div>
    </div>
  )
}
