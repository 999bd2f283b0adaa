import { useDeferredValue, useState } from 'react'
import { credibilityLabel } from '../../ui/model-labels'
import type { Relevance } from '../../../../shared/model'
import { useQuoteCandidates } from '../../api/analyses'
import { Dialog } from '../../ui/Dialog'
import { addEvidence } from '../../ui/analyses/evidence-edits'
import { RelevanceSelect } from '../../ui/analyses/RelevanceSelect'
import { errorMessage } from '../../ui/error-message'
import { t } from '../../ui/i18n'

const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const

/**
 * Adds rows to the matrix: quotes found by their words, comment, tags or source, or a note
 * of the analyst's own reasoning with the credibility the analyst gives it.
 */
export function AddEvidenceDialog({
  analysisId,
  inMatrix,
  onClose,
  announce,
}: {
  analysisId: string
  /** Annotation ids already rows of this analysis. */
  inMatrix: ReadonlySet<string>
  onClose: () => void
  announce: (message: string) => void
}) {
  const [search, setSearch] = useState('')
  const query = useDeferredValue(search.trim())
  const candidates = useQuoteCandidates(query)
  const [relevance, setRelevance] = useState<Relevance>('medium')
  const [note, setNote] = useState('')
  const [credibility, setCredibility] = useState(3)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (work: () => Promise<unknown>): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const addQuote = (annotationId: string, exact: string) =>
    run(async () => {
      await addEvidence({ analysisId, annotationIds: [annotationId], relevance }, 'add a quote')
      announce(t('ach.addedToTheMatrix', { slice: exact.slice(0, 60) }))
    })

  const addNote = () =>
    run(async () => {
      await addEvidence({ analysisId, note, credibility, relevance }, 'add a note of reasoning')
      announce(t('ach.addedANoteOfReasoningTo'))
      setNote('')
    })

  return (
    <Dialog
      title={t('ach.addEvidence')}
      onClose={onClose}
      size="wide"
      className="ach-add-evidence"
      headerActions={
        <button type="button" onClick={onClose}>
          {t('ach.done')}
        </button>
      }
    >
      <RelevanceSelect
        className="ach-add-relevance"
        label={t('ach.relevanceOfWhatYouAdd')}
        value={relevance}
        onChange={setRelevance}
      />
      <h3>{t('ach.quotes')}</h3>
      <input
        type="search"
        aria-label={t('ach.findQuotes')}
        placeholder={t('ach.wordsOfTheQuoteItsComment')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        data-autofocus
      />
      <ul className="ach-candidates" aria-label={t('ach.quotesFound')}>
        {(candidates.data ?? []).map((quote) => {
          if (quote.status === 'missing') return null
          const added = inMatrix.has(quote.annotationId)
          return (
            <li key={quote.annotationId}>
              <span className="ach-candidate-text" dir="auto">
                “{quote.exact}”
              </span>
              <span className="muted small">
                {quote.sourceTitle} · {quote.reliability}
                {quote.credibility}
              </span>
              <button
                type="button"
                disabled={added || busy}
                aria-label={`${added ? 'In the matrix' : 'Add'}: “${quote.exact.slice(0, 60)}”`}
                onClick={() => void addQuote(quote.annotationId, quote.exact)}
              >
                {added ? t('ach.inTheMatrix') : t('ach.add')}
              </button>
            </li>
          )
        })}
      </ul>
      {candidates.data?.length === 0 && <p className="muted">{t('ach.noQuoteMatches')}</p>}
      <h3>{t('ach.aNoteOfReasoning')}</h3>
      <form
        className="ach-add-note"
        onSubmit={(event) => {
          event.preventDefault()
          void addNote()
        }}
      >
        <textarea
          aria-label={t('ach.noteOfReasoning')}
          placeholder={t('ach.anArgumentOrAnAbsenceThat')}
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <label>
          {t('ach.credibility')}
          <select value={credibility} onChange={(e) => setCredibility(Number(e.target.value))}>
            {CREDIBILITIES.map((grade) => (
              <option key={grade} value={grade}>
                {grade} {credibilityLabel(grade)?.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || note.trim() === ''}>
          {t('ach.addNote')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </Dialog>
  )
}
