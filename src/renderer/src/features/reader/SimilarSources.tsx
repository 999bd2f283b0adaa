import { useState } from 'react'
import type { SimilarSource } from '../../../../shared/contract'
import type { SourceRecord } from '../../../../shared/model'
import { useAddAsVersion } from '../../api/sources'
import { readerHref } from '../../routes/links'
import { errorMessage } from '../../ui/error-message'
import { describeReanchor } from './reader-model'
import { t } from '../../ui/i18n'
import { formatPercent } from '../../ui/format'

/**
 * Under an import whose text closely matches a source already in the project: says so, and
 * offers to keep the new text as a version of that source instead of a second copy.
 */
export function SimilarSources({
  source,
  similar,
}: {
  source: SourceRecord
  similar: readonly SimilarSource[]
}) {
  const addAsVersion = useAddAsVersion()
  const [done, setDone] = useState<string | null>(null)
  if (done) return <span className="import-similar">{done}</span>
  return (
    <span
      className="import-similar"
      role="group"
      aria-label={t('reader.looksLikeASourceAlreadyHere')}
    >
      {similar.map(({ source: existing, share }) => (
        <span key={existing.id} className="import-similar-item">
          {t('reader.looksLikeTheSameDocumentAs')}
          <bdi>{existing.title}</bdi>
          {t('reader.ofTheTextMatches', { percent: formatPercent(share) })}{' '}
          <a href={readerHref(existing.id)}>{t('reader.openIt')}</a>{' '}
          <button
            type="button"
            disabled={addAsVersion.isPending}
            onClick={() =>
              addAsVersion.mutate(
                { id: source.id, intoId: existing.id },
                {
                  onSuccess: (result) =>
                    setDone(
                      t('reader.keptAsANewVersionOf', {
                        title: result.source.title,
                        describeReanchor: describeReanchor(result.reanchor),
                      }),
                    ),
                },
              )
            }
          >
            {t('reader.addAsAVersionOf', { title: existing.title })}
          </button>
        </span>
      ))}
      {addAsVersion.isError && (
        <span role="alert" className="error-text">
          {errorMessage(addAsVersion.error)}
        </span>
      )}
    </span>
  )
}
