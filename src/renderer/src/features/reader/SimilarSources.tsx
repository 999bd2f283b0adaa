import { useState } from 'react'
import type { SimilarSource } from '../../../../shared/contract'
import type { SourceRecord } from '../../../../shared/model'
import { useAddAsVersion } from '../../api/sources'
import { readerHref } from '../../routes/links'
import { errorMessage } from '../../ui/error-message'
import { describeReanchor } from './reader-model'

const percent = (share: number): string =>
  new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(share)

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
    <span className="import-similar" role="group" aria-label="Looks like a source already here">
      {similar.map(({ source: existing, share }) => (
        <span key={existing.id} className="import-similar-item">
          Looks like the same document as “<bdi>{existing.title}</bdi>” ({percent(share)} of the
          text matches). <a href={readerHref(existing.id)}>Open it</a>{' '}
          <button
            type="button"
            disabled={addAsVersion.isPending}
            onClick={() =>
              addAsVersion.mutate(
                { id: source.id, intoId: existing.id },
                {
                  onSuccess: (result) =>
                    setDone(
                      `Kept as a new version of “${result.source.title}”. ${describeReanchor(result.reanchor)}`,
                    ),
                },
              )
            }
          >
            Add as a version of “{existing.title}”
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
