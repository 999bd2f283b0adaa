import { useState } from 'react'
import { hypothesisLabel } from '../../../../shared/ach'
import { MAX_HYPOTHESES, type Analysis, type Hypothesis } from '../../../../shared/model'
import { addHypothesis, removeHypothesis, updateHypothesis } from './edits'
import { errorMessage } from '../../ui/error-message'
import { t } from '../../ui/i18n'

/** The hypotheses (the matrix's columns): each can be renamed or removed, and more added. */
export function HypothesesBar({
  analysis,
  announce,
}: {
  analysis: Analysis
  announce: (message: string) => void
}) {
  const [editing, setEditing] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [error, setError] = useState<string | null>(null)
  const full = analysis.hypotheses.length >= MAX_HYPOTHESES

  const add = async (): Promise<void> => {
    setError(null)
    try {
      const next = await addHypothesis(analysis.id, title, description)
      announce(
        t('ach.added', {
          hypothesisLabel: hypothesisLabel(next.hypotheses.length - 1),
          trim: title.trim(),
        }),
      )
      setTitle('')
      setDescription('')
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <section className="ach-hypotheses" aria-labelledby="ach-hypotheses-title">
      <h3 id="ach-hypotheses-title">{t('ach.hypotheses')}</h3>
      <ol className="ach-hypothesis-list">
        {analysis.hypotheses.map((h, i) =>
          editing === h.id ? (
            <li key={h.id}>
              <HypothesisForm
                analysis={analysis}
                hypothesis={h}
                label={hypothesisLabel(i)}
                onDone={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={h.id}>
              <strong>{hypothesisLabel(i)}</strong>{' '}
              <span dir="auto" title={h.description || undefined}>
                {h.title}
              </span>
              <button
                type="button"
                className="link-button"
                aria-label={t('ach.edit2', { hypothesisLabel: hypothesisLabel(i) })}
                onClick={() => setEditing(h.id)}
              >
                {t('ach.edit')}
              </button>
              <button
                type="button"
                className="link-button"
                aria-label={t('ach.remove2', { hypothesisLabel: hypothesisLabel(i) })}
                onClick={() =>
                  void removeHypothesis(analysis.id, h.id).then(
                    () =>
                      announce(
                        t('ach.removedCtrlZPutsItBack2', {
                          hypothesisLabel: hypothesisLabel(i),
                          title: h.title,
                        }),
                      ),
                    (e: unknown) => setError(errorMessage(e)),
                  )
                }
              >
                {t('ach.remove')}
              </button>
            </li>
          ),
        )}
      </ol>
      <form
        className="ach-add-hypothesis"
        aria-label={t('ach.addAHypothesis')}
        onSubmit={(event) => {
          event.preventDefault()
          void add()
        }}
      >
        <input
          aria-label={t('ach.newHypothesis')}
          placeholder={t('ach.aPossibleAnswerToTheQuestion')}
          maxLength={500}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <input
          aria-label={t('ach.descriptionOfTheNewHypothesisOptional')}
          placeholder={t('ach.whatItWouldMeanOptional')}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
        <button type="submit" disabled={full || title.trim() === ''}>
          {t('ach.addHypothesis')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  )
}

function HypothesisForm({
  analysis,
  hypothesis,
  label,
  onDone,
}: {
  analysis: Analysis
  hypothesis: Hypothesis
  label: string
  onDone: () => void
}) {
  const [title, setTitle] = useState(hypothesis.title)
  const [description, setDescription] = useState(hypothesis.description)
  const [error, setError] = useState<string | null>(null)
  return (
    <form
      className="ach-edit-hypothesis"
      aria-label={t('ach.edit3', { label })}
      onSubmit={(event) => {
        event.preventDefault()
        updateHypothesis(analysis, hypothesis.id, { title, description }).then(
          onDone,
          (e: unknown) => setError(errorMessage(e)),
        )
      }}
    >
      <strong>{label}</strong>
      <input
        aria-label={t('ach.titleOf', { label })}
        maxLength={500}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        data-autofocus
      />
      <input
        aria-label={t('ach.descriptionOf', { label })}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <button type="submit" className="primary">
        {t('ach.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('ach.cancel')}
      </button>
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </form>
  )
}
