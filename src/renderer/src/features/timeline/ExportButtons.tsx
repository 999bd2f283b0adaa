import type { RefObject } from 'react'
import { isoDateOf } from '../../../../shared/timeline'
import { drawTimelineSvg } from '../../../../shared/timeline-svg'
import { downloadFile } from '../../ui/download'
import type { TimelineChartHandle } from './TimelineChart'
import type { TimelineModel } from './timeline-model'
import { t } from '../../ui/i18n'

const SVG_WIDTH = 1200

/** Saves the timeline as on screen: PNG from the canvas, SVG drawn anew for the same window. */
export function ExportButtons({
  chart,
  model,
  window: shown,
  now,
}: {
  chart: RefObject<TimelineChartHandle | null>
  model: TimelineModel
  window: [number, number] | null
  now: number
}) {
  const savePng = (): void => {
    chart.current?.canvas()?.toBlob((blob) => {
      if (blob) downloadFile('timeline.png', blob)
    }, 'image/png')
  }
  const saveSvg = (): void => {
    const [from, to] = shown ?? model.extent
    const { svg } = drawTimelineSvg({
      title: t('timeline.timeline'),
      lanes: model.lanes.map((l) => ({ id: l.id, name: l.name })),
      items: model.shown,
      from: isoDateOf(from),
      to: isoDateOf(to),
      width: SVG_WIDTH,
      now,
    })
    downloadFile('timeline.svg', new Blob([svg], { type: 'image/svg+xml' }))
  }
  return (
    <div className="button-row" role="group" aria-label={t('timeline.exportTheTimeline')}>
      <button type="button" onClick={savePng}>
        {t('timeline.exportPng')}
      </button>
      <button type="button" onClick={saveSvg}>
        {t('timeline.exportSvg')}
      </button>
    </div>
  )
}
