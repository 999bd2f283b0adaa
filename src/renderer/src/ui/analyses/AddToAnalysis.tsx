/**
 * "Add to analysis…" for any view that shows a quote (the reader, the evidence panels):
 * choose an analysis, or start one with a question, and the quote becomes an evidence row
 * of its matrix, ready to be rated.
 */
import { useState } from 'react'
import { RELEVANCE_LABELS } from '../../../../shared/ach'
import { RELEVANCE_LEVELS, type Relevance } from '../../../../shared/model'
import { createAnalysis, useAnalysisList } from '../../api/analyses'
import { analysisHref } from '../../routes/links'
import { ConfirmActions } from '../ConfirmActions'
import { Dialog } from '../Dialog'
import { addEvidence } from './evidence-edits'
import './analyses-kit.css'

const NEW_ANALYSIS = '\u0000new'

export function AddToAnalysisButton({ annotationId }: { annotationId: string }) {
  const [open, setOpen] = useState(false)
  const [added, setAdded] = useState<{ id: string; question: string } | null>(null)
  return (
    <span className="add-to-analysis">
      <button
        type="button"
        onClick={() => {
          setAdded(null)
          setOpen(true)
        }}
      >
        Add to analysis…
      </button>
      {added && (
        <span role="status" className="add-to-analysis-done">
          Added to <a href={analysisHref(added.id)}>{added.question}</a>
        </span>
      )}
      {open && (
        <AddDialog
          annotationId={annotationId}
          onClose={() => setOpen(false)}
          onAdded={(analysis) => {
            setOpen(false)
            setAdded(analysis)
          }}
        />
      )}
    </span>
  )
}

function AddDialog({
  annotationId,
  onClose,
  onAdded,
}: {
  annotationId: string
  onClose: () => void
  onAdded: (analysis: { id: string; question: string }) => void
}) {
  const list = useAnalysisList()
  const [choice, setChoice] = useState<string | null>(null)
  const [question, setQuestion] = useState('')
  const [relevance, setRelevance] = useState<Relevance>('medium')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const analyses = list.data ?? []
  const selected = choice ?? analyses[0]?.id ?? NEW_ANALYSIS

  const submit = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      let target = analyses.find((a) => a.id === selected)
      if (selected === NEW_ANALYSIS) {
        const created = await createAnalysis({ question })
        target = { ...created, hypotheses: 0, evidence: 0 }
      }
      if (!target) return
      await addEvidence(
        { analysisId: target.id, annotationIds: [annotationId], relevance },
        `add a quote to “${target.question}”`,
      )
      onAdded({ id: target.id, question: target.question })
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title="Add this quote to an analysis" onClose={onClose} size="narrow">
      <form
        className="add-to-analysis-form"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <fieldset>
          <legend className="muted">Analysis</legend>
          <ul>
            {analyses.map((a) => (
              <li key={a.id}>
                <label>
                  <input
                    type="radio"
                    name="analysis"
                    checked={selected === a.id}
                    onChange={() => setChoice(a.id)}
                  />
                  {a.question}
                </label>
              </li>
            ))}
            <li>
              <label>
                <input
                  type="radio"
                  name="analysis"
                  checked={selected === NEW_ANALYSIS}
                  onChange={() => setChoice(NEW_ANALYSIS)}
                />
                A new analysis
              </label>
              {selected === NEW_ANALYSIS && (
                <input
                  aria-label="Question of the new analysis"
                  placeholder="Which explanation do the sources support?"
                  value={question}
                  onChange={(event) => setQuestion(event.target.value)}
                />
              )}
            </li>
          </ul>
        </fieldset>
        <label className="add-to-analysis-relevance">
          Relevance
          <select
            value={relevance}
            onChange={(event) => setRelevance(event.target.value as Relevance)}
          >
            {RELEVANCE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {RELEVANCE_LABELS[level]}
              </option>
            ))}
          </select>
        </label>
        <ConfirmActions
          confirmLabel="Add"
          tone="primary"
          onCancel={onClose}
          disabled={busy || list.isLoading}
          error={error ?? list.error?.message}
        />
      </form>
    </Dialog>
  )
}
