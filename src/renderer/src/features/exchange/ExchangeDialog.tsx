import { useId, useState } from 'react'
import { Dialog } from '../../ui/Dialog'
import type { ExchangeRequest } from '../../ui/exchange-request'
import { ExportPanel } from './ExportPanel'
import { ImportPanel } from './ImportPanel'
import { t } from '../../ui/i18n'
import './exchange.css'

type Tab = 'export' | 'import'

/**
 * Exchange with other tools: export the project, a report or a selection as a STIX 2.1
 * bundle or the annotations as W3C Web Annotations; import a STIX bundle, W3C or Hypothesis
 * annotations, or a CSV of entities, after a preview that writes nothing.
 */
export function ExchangeDialog({
  request,
  onClose,
}: {
  request: ExchangeRequest
  onClose: () => void
}) {
  const [tab, setTab] = useState<Tab>('export')
  const ids = { export: useId(), import: useId() }
  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`${ids[id]}-tab`}
      aria-controls={ids[id]}
      aria-selected={tab === id}
      tabIndex={tab === id ? 0 : -1}
      className="exchange-tab"
      onClick={() => setTab(id)}
      onKeyDown={(event) => {
        if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
          const next = id === 'export' ? 'import' : 'export'
          setTab(next)
          document.getElementById(`${ids[next]}-tab`)?.focus()
        }
      }}
    >
      {label}
    </button>
  )
  return (
    <Dialog
      title={t('exchange.exchange')}
      onClose={onClose}
      size="wide"
      className="exchange-dialog"
      headerActions={
        <button type="button" onClick={onClose}>
          {t('exchange.close')}
        </button>
      }
    >
      <div role="tablist" aria-label={t('exchange.exportOrImport')} className="exchange-tabs">
        {tabButton('export', t('exchange.export'))}
        {tabButton('import', t('exchange.import'))}
      </div>
      <div
        role="tabpanel"
        id={ids.export}
        aria-labelledby={`${ids.export}-tab`}
        hidden={tab !== 'export'}
      >
        <ExportPanel request={request} />
      </div>
      <div
        role="tabpanel"
        id={ids.import}
        aria-labelledby={`${ids.import}-tab`}
        hidden={tab !== 'import'}
      >
        <ImportPanel onNewProject={onClose} />
      </div>
    </Dialog>
  )
}
