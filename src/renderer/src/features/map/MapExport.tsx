import { useState } from 'react'
import { fetchMapSvg } from '../../api/map'
import type { DateRange } from '../../ui/date-range'
import { downloadFile } from '../../ui/download'
import { svgToPng } from './map-export'
import type { MapState } from './use-map-state'
import { t } from '../../ui/i18n'

/** Saves the map as it is shown (layer, groups, period, labels) as SVG or PNG. */
export function MapExport({ state, range }: { state: MapState; range: DateRange | null }) {
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const save = async (format: 'svg' | 'png') => {
    setBusy(true)
    setProblem(null)
    try {
      const { svg, width, height } = await fetchMapSvg({
        layer: state.layer,
        groupIds: state.groupIds,
        ...(range?.from ? { from: range.from } : {}),
        ...(range?.to ? { to: range.to } : {}),
        labels: state.labels,
      })
      const fileName = `map-${state.layer}.${format}`
      const blob =
        format === 'svg'
          ? new Blob([svg], { type: 'image/svg+xml' })
          : await svgToPng(svg, width, height)
      downloadFile(fileName, blob)
      setStatus(t('map.saved', { fileName }))
    } catch (error) {
      setProblem(t('map.theMapWasNotExported', { message: (error as Error).message }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="map-export" role="group" aria-label={t('map.exportTheMap')}>
      <button type="button" disabled={busy} onClick={() => void save('png')}>
        {t('map.exportPng')}
      </button>
      <button type="button" disabled={busy} onClick={() => void save('svg')}>
        {t('map.exportSvg')}
      </button>
      <span role="status" className="muted">
        {status}
      </span>
      {problem && (
        <span role="alert" className="error-text">
          {problem}
        </span>
      )}
    </div>
  )
}
