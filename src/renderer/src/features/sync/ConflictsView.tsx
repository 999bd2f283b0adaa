import { useState } from 'react'
import { WHOLE_RECORD, type SyncConflict } from '../../../../shared/api/sync'
import { useResolveConflict, useSyncConflicts } from '../../api/sync'
import { errorMessage } from '../../ui/error-message'
import {
  initialChoices,
  resolvedRecord,
  showValue,
  type Choices,
  type FieldChoice,
} from './conflict-choices'
import { t } from '../../ui/i18n'
import { conflictTitle, partName } from './part-names'
import { formatMoment } from '../../ui/format'
import './sync.css'

/**
 * Records that two analysts changed in the same field (or one deleted while another
 * edited): yours, theirs and the common ancestor side by side, field by field; notes and
 * descriptions offer their three-way text merge to edit. Settling one writes it for the
 * whole team.
 */
export function ConflictsView() {
  const conflicts = useSyncConflicts()
  const [selected, setSelected] = useState<string | null>(null)
  const list = conflicts.data ?? []
  const current = list.find((c) => c.docId === selected) ?? list[0]
  return (
    <div className="conflicts-view">
      <h2>{t('sync.conflicts')}</h2>
      {conflicts.isError && <p role="alert">{errorMessage(conflicts.error)}</p>}
      {conflicts.isSuccess && list.length === 0 && (
        <p>{t('sync.noConflictsEveryRecordAgreesWith')}</p>
      )}
      {list.length > 0 && (
        <div className="conflicts-layout">
          <ul className="conflict-list" aria-label={t('sync.recordsInConflict')}>
            {list.map((conflict) => (
              <li key={conflict.docId}>
                <button
                  type="button"
                  aria-pressed={conflict.docId === current?.docId}
                  onClick={() => setSelected(conflict.docId)}
                >
                  {conflictTitle(conflict)}{' '}
                  <span className="muted">
                    {t('sync.with', {
                      collection: partName(conflict.collection),
                      theirAuthor: conflict.theirAuthor,
                    })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {current && <ConflictDetail key={current.docId} conflict={current} />}
        </div>
      )}
    </div>
  )
}

function ConflictDetail({ conflict }: { conflict: SyncConflict }) {
  const [choices, setChoices] = useState<Choices>(() => initialChoices(conflict))
  const resolve = useResolveConflict()
  const choose = (field: string, choice: FieldChoice) =>
    setChoices((previous) => ({ ...previous, [field]: choice }))
  const title = conflictTitle(conflict)
  return (
    <section className="conflict-detail" aria-label={t('sync.conflictOn', { title })}>
      <h3>{title}</h3>
      <p className="muted">
        {t('sync.yoursAgainstAposSChanged', {
          myAuthor: conflict.myAuthor,
          theirAuthor: conflict.theirAuthor,
          value: formatMoment(conflict.theirAt),
        })}
        {conflict.base === undefined && t('sync.theCommonAncestorIsNotKnown')}
      </p>
      <table className="conflict-fields">
        <thead>
          <tr>
            <th scope="col">{t('sync.field')}</th>
            <th scope="col">{t('sync.commonAncestor')}</th>
            <th scope="col">{t('sync.yours')}</th>
            <th scope="col">{t('sync.theirs')}</th>
            <th scope="col">{t('sync.keep')}</th>
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((field) => {
            const name = field.field === WHOLE_RECORD ? 'the record' : field.field
            const choice = choices[field.field] ?? { pick: 'mine' }
            return (
              <tr key={field.field}>
                <th scope="row">{name}</th>
                <td>
                  <pre>{showValue(field.base)}</pre>
                </td>
                <td>
                  <pre>{showValue(field.mine)}</pre>
                </td>
                <td>
                  <pre>{showValue(field.theirs)}</pre>
                </td>
                <td>
                  <fieldset>
                    <legend className="visually-hidden">{t('sync.keepWhich', { name })}</legend>
                    <label>
                      <input
                        type="radio"
                        name={`${conflict.docId}-${field.field}`}
                        checked={choice.pick === 'mine'}
                        onChange={() => choose(field.field, { pick: 'mine' })}
                      />
                      {t('sync.yours')}
                    </label>
                    <label>
                      <input
                        type="radio"
                        name={`${conflict.docId}-${field.field}`}
                        checked={choice.pick === 'theirs'}
                        onChange={() => choose(field.field, { pick: 'theirs' })}
                      />
                      {t('sync.theirs')}
                    </label>
                    {field.textMerge !== undefined && (
                      <label>
                        <input
                          type="radio"
                          name={`${conflict.docId}-${field.field}`}
                          checked={choice.pick === 'edited'}
                          onChange={() =>
                            choose(field.field, { pick: 'edited', text: field.textMerge ?? '' })
                          }
                        />
                        {t('sync.mergedText')}
                      </label>
                    )}
                  </fieldset>
                  {choice.pick === 'edited' && (
                    <textarea
                      aria-label={t('sync.merged', { name })}
                      value={choice.text}
                      rows={6}
                      onChange={(e) =>
                        choose(field.field, { pick: 'edited', text: e.target.value })
                      }
                    />
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <button
        type="button"
        disabled={resolve.isPending}
        onClick={() =>
          resolve.mutate({ docId: conflict.docId, value: resolvedRecord(conflict, choices) })
        }
      >
        {t('sync.resolveConflict')}
      </button>
      {resolve.isError && <p role="alert">{errorMessage(resolve.error)}</p>}
    </section>
  )
}
