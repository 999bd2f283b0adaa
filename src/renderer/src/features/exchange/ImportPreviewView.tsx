import { useMemo, useState } from 'react'
import { IMPORT_ITEM_KINDS, type ImportItem, type ImportPreview } from '../../../../shared/contract'
import { ACTION_LABELS, FORMAT_LABELS, KIND_LABELS } from './labels'
import { t } from '../../ui/i18n'
import { formatNumber } from '../../ui/format'

const PAGE = 200

/** What an import will do: totals by kind, notes, and every skip and merge with its reason. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const byAction = useMemo(() => {
    const groups: Record<ImportItem['action'], ImportItem[]> = { skip: [], merge: [], create: [] }
    for (const item of preview.items) groups[item.action].push(item)
    return groups
  }, [preview.items])
  const firstShown: ImportItem['action'] =
    byAction.skip.length > 0 ? 'skip' : byAction.merge.length > 0 ? 'merge' : 'create'
  const [shown, setShown] = useState<ImportItem['action']>(firstShown)
  const [limit, setLimit] = useState(PAGE)
  const listed = byAction[shown]
  const kinds = IMPORT_ITEM_KINDS.filter((kind) => preview.counts[kind])

  return (
    <section className="import-preview" aria-label={t('exchange.whatTheImportWillDo')}>
      <p>
        <strong>{preview.fileName}</strong>
        {t('exchange.readAsA', { value: FORMAT_LABELS[preview.format] })}
        {preview.target === 'new-project'
          ? t('exchange.intoANewProject')
          : t('exchange.intoThisProject')}
        {t('exchange.nothingIsWrittenUntilYouImport')}
      </p>
      <table className="import-summary" aria-label={t('exchange.summaryOfTheImport')}>
        <thead>
          <tr>
            <th scope="col">{t('exchange.records')}</th>
            <th scope="col">{t('exchange.new')}</th>
            <th scope="col">{t('exchange.merged')}</th>
            <th scope="col">{t('exchange.skipped')}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{KIND_LABELS[kind]}</th>
              <td>{preview.counts[kind]!.create}</td>
              <td>{preview.counts[kind]!.merge}</td>
              <td>{preview.counts[kind]!.skip}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(preview.notes.length > 0 || preview.skippedTypes.length > 0) && (
        <ul className="import-notes">
          {preview.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
          {preview.skippedTypes.length > 0 && (
            <li>
              {t('exchange.notReadSightlineHasNoSuch')}{' '}
              {preview.skippedTypes.map((t) => `${t.count} ${t.type}`).join(', ')}.
            </li>
          )}
        </ul>
      )}
      <div className="import-filter" role="group" aria-label={t('exchange.showTheRecordsThatAre')}>
        {(['skip', 'merge', 'create'] as const).map((action) => (
          <button
            key={action}
            type="button"
            aria-pressed={shown === action}
            onClick={() => {
              setShown(action)
              setLimit(PAGE)
            }}
          >
            {ACTION_LABELS[action]} ({byAction[action].length})
          </button>
        ))}
      </div>
      {listed.length === 0 ? (
        <p className="muted">{t('exchange.none')}</p>
      ) : (
        <table
          className="import-items"
          aria-label={t('exchange.records2', { value: ACTION_LABELS[shown] })}
        >
          <thead>
            <tr>
              <th scope="col">{t('exchange.record')}</th>
              <th scope="col">{t('exchange.inTheFile')}</th>
              <th scope="col">
                {shown === 'skip'
                  ? t('exchange.whyNot')
                  : shown === 'merge'
                    ? t('exchange.mergedWith')
                    : t('exchange.becomes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {listed.slice(0, limit).map((item) => (
              <tr key={`${item.ref}:${item.kind}`}>
                <td>
                  <span dir="auto">{item.label}</span>
                  {item.detail && <span className="badge">{item.detail}</span>}
                </td>
                <td className="muted import-ref">{item.ref}</td>
                <td>
                  {item.target && (
                    <>
                      <span dir="auto">{item.target.label}</span>
                      {item.reason ? ': ' : ''}
                    </>
                  )}
                  {item.reason ??
                    (shown === 'create'
                      ? KIND_LABELS[item.kind].toLowerCase().replace(/s$/, '')
                      : '')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {listed.length > limit && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          {t('exchange.showMore', { min: Math.min(PAGE, listed.length - limit) })}
        </button>
      )}
      {preview.itemsOmitted > 0 && (
        <p className="muted">
          {formatNumber(preview.itemsOmitted)} {t('exchange.moreNewRecordsAreCountedAbove')}
        </p>
      )}
    </section>
  )
}
