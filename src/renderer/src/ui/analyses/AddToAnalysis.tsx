/**
 * "Add to analysis…" for any view that shows a quote (the reader, the evidence panels):
 * choose an analysis, or start one with a question, and the quote becomes an evidence row
 * of its matrix, ready to be rated.
 */
import { useState } from 'react'
import type { Relevance } from '../../../../shared/model'
import { createAnalysis, useAnalysisList } from '../../api/analyses'
import { analysisHref } from '../../routes/links'
import { ConfirmActions } from '../ConfirmActions'
import { Dialog } from '../Dialog'
import { ChoiceOrNew, NEW_CHOICE, QuoteActionButton, type QuoteActionTarget } from '../QuoteAction'
import { errorMessage } from '../error-message'
import { addEvidence } from './evidence-edits'
import { RelevanceSelect } from './RelevanceSelect'
import { t } from '../i18n'
import './analyses-kit.css'

export function AddToAnalysisButton({ annotationId }: { annotationId: string }) {
  return (
    <QuoteActionButton
      label={t('ui.addToAnalysis')}
      doneText={t('ui.addedTo')}
      href={analysisHref}
      dialog={(close, done) => (
        <AddDialog annotationId={annotationId} onClose={close} onAdded={done} />
      )}
    />
  )
}

function AddDialog({
  annotationId,
  onClose,
  onAdded,
}: {
  annotationId: string
  onClose: () => void
  onAdded: (analysis: QuoteActionTarget) => void
}) {
  const list = useAnalysisList()
  const [choice, setChoice] = useState<string | null>(null)
  const [question, setQuestion] = useState('')
  const [relevance, setRelevance] = useState<Relevance>('medium')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const analyses = list.data ?? []
  const selected = choice ?? analyses[0]?.id ?? NEW_CHOICE

  const submit = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      let target = analyses.find((a) => a.id === selected)
      if (selected === NEW_CHOICE) {
        const created = await createAnalysis({ question })
        target = { ...created, hypotheses: 0, evidence: 0 }
      }
      if (!target) return
      await addEvidence(
        { analysisId: target.id, annotationIds: [annotationId], relevance },
        `add a quote to “${target.question}”`,
      )
      onAdded({ id: target.id, name: target.question })
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('ui.addThisQuoteToAnAnalysis')} onClose={onClose} size="narrow">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <ChoiceOrNew
          legend={t('ui.analysis')}
          name="analysis"
          options={analyses.map((a) => ({ id: a.id, name: a.question }))}
          selected={selected}
          onSelect={setChoice}
          newLabel={t('ui.aNewAnalysis')}
          newName={question}
          onNewName={setQuestion}
          newNameLabel={t('ui.questionOfTheNewAnalysis')}
          newNamePlaceholder="Which explanation do the sources support?"
        />
        <RelevanceSelect
          className="add-to-analysis-relevance"
          label={t('ui.relevance')}
          value={relevance}
          onChange={setRelevance}
        />
        <ConfirmActions
          confirmLabel={t('ui.add')}
          tone="primary"
          onCancel={onClose}
          disabled={busy || list.isLoading}
          error={error ?? list.error?.message}
        />
      </form>
    </Dialog>
  )
}
