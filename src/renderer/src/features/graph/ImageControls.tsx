import { useState, type RefObject } from 'react'
import { useSaveGraphImage } from '../../api/graph'
import { useProjectInfo } from '../../api/project'
import { downloadFile } from '../../ui/download'
import type { Chart } from './chart'
import { blobToBase64, fileStem, pngSize } from './image-export'
import type { StatusLine } from './use-status-line'
import { t } from '../../ui/i18n'

interface ImageControlsProps {
  chartRef: RefObject<Chart | null>
  statusLine: Pick<StatusLine, 'report' | 'fail'>
}

/** The chart as an image: a PNG or an SVG to download, or a PNG kept in the project for reports. */
export function ImageControls({ chartRef, statusLine: { report, fail } }: ImageControlsProps) {
  const project = useProjectInfo()
  const saveImage = useSaveGraphImage()
  const [scale, setScale] = useState(2)
  const [wholeChart, setWholeChart] = useState(true)
  const stem = fileStem(project.data?.project.name)

  const exportPng = async () => {
    const chart = chartRef.current
    if (!chart) return
    try {
      const blob = await chart.png(scale, wholeChart)
      downloadFile(`${stem}-graph.png`, blob)
      const { width, height } = await pngSize(blob)
      report(t('graph.exportedAPngOfPixels', { width, height }))
    } catch (cause) {
      fail(t('graph.thePngCouldNotBeMade', { message: (cause as Error).message }))
    }
  }

  const exportSvg = () => {
    const chart = chartRef.current
    if (!chart) return
    try {
      const markup = chart.svg(1, wholeChart)
      downloadFile(`${stem}-graph.svg`, new Blob([markup], { type: 'image/svg+xml' }))
      report(t('graph.exportedAnSvg'))
    } catch (cause) {
      fail(t('graph.theSvgCouldNotBeMade', { message: (cause as Error).message }))
    }
  }

  const keepForReports = async () => {
    const chart = chartRef.current
    if (!chart) return
    try {
      const blob = await chart.png(scale, wholeChart)
      const { width, height } = await pngSize(blob)
      const data = await blobToBase64(blob)
      saveImage.mutate(
        { format: 'png', data, width, height },
        {
          onSuccess: () => report(t('graph.keptThisImageForReports', { width, height })),
          onError: (cause) => fail(t('graph.theImageWasNotKept', { message: cause.message })),
        },
      )
    } catch (cause) {
      fail(t('graph.theImageCouldNotBeMade', { message: (cause as Error).message }))
    }
  }

  return (
    <fieldset>
      <legend>{t('graph.image')}</legend>
      <label>
        {t('graph.scale')}
        <select value={scale} onChange={(e) => setScale(Number(e.target.value))}>
          {[1, 2, 3, 4].map((factor) => (
            <option key={factor} value={factor}>
              {factor}×
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={wholeChart}
          onChange={(e) => setWholeChart(e.target.checked)}
        />
        {t('graph.wholeChartNotOnlyTheVisible')}
      </label>
      <div className="button-row">
        <button type="button" onClick={() => void exportPng()}>
          {t('graph.exportPng')}
        </button>
        <button type="button" onClick={exportSvg}>
          {t('graph.exportSvg')}
        </button>
        <button type="button" onClick={() => void keepForReports()} disabled={saveImage.isPending}>
          {t('graph.keepForReports')}
        </button>
      </div>
    </fieldset>
  )
}
