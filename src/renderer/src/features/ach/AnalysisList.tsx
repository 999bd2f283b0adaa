import { useState } from 'react'
import { useAnalysisList } from '../../api/analyses'
import { analysisHref } from '../../routes/links'
import { createAnalysis } from './edits'
import { t } from '../../ui/i18n'

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
        <h2 id="ach-list-title">{t('ach.analyses')}</h2>
      </div>
      <p className="muted ach-intro">{t('ach.anAnalysisOfCompetingHypothesesWeighs')}</p>
      <form
        className="ach-new"
        onSubmit={(event) => {
          event.preventDefault()
          void start()
        }}
      >
        <label>
          {t('ach.question')}
          <input
            value={question}
            maxLength={500}
            placeholder={t('ach.whichExplanationDoTheSourcesSupport')}
            onChange={(event) => setQuestion(event.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={busy || question.trim() === ''}>
          {t('ach.startAnalysis')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {list.isError && <p role="alert">{list.error.message}</p>}
      {list.data?.length === 0 && <p className="muted">{t('ach.noAnalysesYetWriteTheQuestion')}</p>}
      <ul className="ach-list" aria-label={t('ach.analysesInThisProject')}>
        {(list.data ?? []).map((a) => (
          <li key={a.id}>
            <a href={analysisHref(a.id)}>
              <span className="ach-list-question" dir="auto">
                {a.question}
              </span>
              <span className="muted small">
                {t('ach.hypothesisCount', { count: a.hypotheses })} ·{' '}
                {t('ach.evidenceRowCount', { count: a.evidence })}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
