import { useState } from 'react'
import type { Analysis } from '../../../../shared/model'
import { ANALYSES_HREF } from '../../routes/links'
import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import { deleteAnalysis, updateAnalysis } from './edits'
import { errorMessage } from '../../ui/error-message'
import { t } from '../../ui/i18n'

/** The question the analysis answers, its description, and the way back to every analysis. */
export function AnalysisHeader({
  analysis,
  announce,
}: {
  analysis: Analysis
  announce: (message: string) => void
}) {
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <header className="ach-header">
      <a href={ANALYSES_HREF} className="ach-back">
        {t('ach.allAnalyses')}
      </a>
      {editing ? (
        <QuestionForm analysis={analysis} onDone={() => setEditing(false)} />
      ) : (
        <div className="ach-question">
          <h2 id="ach-question" dir="auto">
            {analysis.question}
          </h2>
          {analysis.description && (
            <p className="muted" dir="auto">
              {analysis.description}
            </p>
          )}
        </div>
      )}
      {!editing && (
        <div className="button-row">
          <button type="button" onClick={() => setEditing(true)}>
            {t('ach.editQuestion')}
          </button>
          <button type="button" onClick={() => setDeleting(true)}>
            {t('ach.deleteAnalysis')}
          </button>
        </div>
      )}
      {deleting && (
        <Dialog
          title={t('ach.deleteTheAnalysis', { question: analysis.question })}
          onClose={() => setDeleting(false)}
          size="narrow"
        >
          <p>{t('ach.itsHypothesesRowsAndRatingsGo')}</p>
          <ConfirmActions
            confirmLabel={t('ach.deleteAnalysis')}
            onConfirm={() =>
              deleteAnalysis(analysis).then(
                () => {
                  announce(`Deleted “${analysis.question}”.`)
                  window.location.hash = ANALYSES_HREF
                },
                (e: unknown) => setError(errorMessage(e)),
              )
            }
            onCancel={() => setDeleting(false)}
            error={error}
          />
        </Dialog>
      )}
    </header>
  )
}

function QuestionForm({ analysis, onDone }: { analysis: Analysis; onDone: () => void }) {
  const [question, setQuestion] = useState(analysis.question)
  const [description, setDescription] = useState(analysis.description)
  const [error, setError] = useState<string | null>(null)
  return (
    <form
      className="ach-question-form"
      aria-label={t('ach.editTheQuestion')}
      onSubmit={(event) => {
        event.preventDefault()
        updateAnalysis(analysis, { question, description }).then(onDone, (e: unknown) =>
          setError(errorMessage(e)),
        )
      }}
    >
      <label>
        {t('ach.question')}
        <input
          value={question}
          maxLength={500}
          onChange={(event) => setQuestion(event.target.value)}
        />
      </label>
      <label>
        {t('ach.description')}
        <textarea
          rows={2}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <div className="button-row">
        <button type="submit" className="primary">
          {t('ach.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('ach.cancel')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </form>
  )
}
