import { useState } from 'react'
import { useAnalysisList } from '../../api/analyses'
import { analysisHref } from '../../routes/links'
import { createAnalysis } from './edits'

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/** Every analysis, most recently changed first, and the form that starts a new one. */
export function AnalysisList() {
  const list = useAnalysisList()
  const [question, setQuestion] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const start = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      const analysis = await createAnalysis(question)
      window.location.hash = analysisHref(analysis.id)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="ach-list-view" aria-labelledby="ach-list-title">
      <div className="view-toolbar">
        <h2 id="ach-list-title">Analyses</h2>
      </div>
      <p className="muted ach-intro">
        An Analysis of Competing Hypotheses weighs every quote against every explanation at once.
        Evidence that fits all of them tells them apart no better than none; the one the evidence
        argues against least comes first.
      </p>
      <form
        className="ach-new"
        onSubmit={(event) => {
          event.preventDefault()
          void start()
        }}
      >
        <label>
          Question
          <input
            value={question}
            maxLength={500}
            placeholder="Which explanation do the sources support?"
            onChange={(event) => setQuestion(event.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={busy || question.trim() === ''}>
          Start analysis
        </button>
      </form>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {list.isError && <p role="alert">{list.error.message}</p>}
      {list.data?.length === 0 && (
        <p className="muted">
          No analyses yet. Write the question you are weighing above and press Start analysis; then
          add hypotheses and score the evidence against each.
        </p>
      )}
      <ul className="ach-list" aria-label="Analyses in this project">
        {(list.data ?? []).map((a) => (
          <li key={a.id}>
            <a href={analysisHref(a.id)}>
              <span className="ach-list-question" dir="auto">
                {a.question}
              </span>
              <span className="muted small">
                {plural(a.hypotheses, 'hypothesis', 'hypotheses')} ·{' '}
                {plural(a.evidence, 'row', 'rows')} of evidence
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
