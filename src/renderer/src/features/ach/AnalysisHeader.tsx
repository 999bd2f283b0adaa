import { useState } from 'react'
import type { Analysis } from '../../../../shared/model'
import { ANALYSES_HREF } from '../../routes/links'
import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import { deleteAnalysis, updateAnalysis } from './edits'
import { errorMessage } from '../../ui/error-message'

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
        All analyses
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
            Edit question
          </button>
          <button type="button" onClick={() => setDeleting(true)}>
            Delete analysis
          </button>
        </div>
      )}
      {deleting && (
        <Dialog
          title={`Delete the analysis “${analysis.question}”?`}
          onClose={() => setDeleting(false)}
          size="narrow"
        >
          <p>
            Its hypotheses, rows and ratings go with it; the quotes stay. Ctrl+Z brings it back.
          </p>
          <ConfirmActions
            confirmLabel="Delete analysis"
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
      aria-label="Edit the question"
      onSubmit={(event) => {
        event.preventDefault()
        updateAnalysis(analysis, { question, description }).then(onDone, (e: unknown) =>
          setError(errorMessage(e)),
        )
      }}
    >
      <label>
        Question
        <input
          value={question}
          maxLength={500}
          onChange={(event) => setQuestion(event.target.value)}
        />
      </label>
      <label>
        Description
        <textarea
          rows={2}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <div className="button-row">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
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
