import { useMemo, useState } from 'react'
import { RELATION_PHRASES, type GraphNode, type QuoteEvidence } from '../../../../shared/contract'
import type { Relation, RelationType } from '../../../../shared/model'
import { useEntityEvidence } from '../../api/evidence'
import { RelationTypeSelect } from '../../ui/RelationTypeSelect'
import { typeLook } from './chart-style'
import { createRelation } from './relation-edits'
import { t } from '../../ui/i18n'
import { relationPhrase } from '../../ui/model-labels'

interface NewRelationFormProps {
  nodes: readonly GraphNode[]
  names: ReadonlyMap<string, string>
  /** The two ends, as chosen on the chart or in the form. */
  from: string
  to: string
  onChangeEnds(ends: { from: string; to: string }): void
  onCreated(relation: Relation, sentence: string): void
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** Quotes about either end: the candidates to support a new relation between them. */
function useCandidateQuotes(from: string, to: string): QuoteEvidence[] {
  const fromEvidence = useEntityEvidence(from)
  const toEvidence = useEntityEvidence(to)
  return useMemo(() => {
    const byId = new Map<string, QuoteEvidence>()
    for (const quote of [...(fromEvidence.data?.quotes ?? []), ...(toEvidence.data?.quotes ?? [])])
      byId.set(quote.annotationId, quote)
    return [...byId.values()]
  }, [fromEvidence.data, toEvidence.data])
}

/** Links two entities from the chart: pick both ends (or select them on it), a type, a quote. */
export function NewRelationForm({
  nodes,
  names,
  from,
  to,
  onChangeEnds,
  onCreated,
}: NewRelationFormProps) {
  const [type, setType] = useState<RelationType>('related-to')
  const [quote, setQuote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const quotes = useCandidateQuotes(from, to)
  const sorted = useMemo(() => [...nodes].sort((a, b) => a.name.localeCompare(b.name)), [nodes])
  const chosenQuote = quotes.some((q) => q.annotationId === quote) ? quote : ''

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    if (!from || !to) return
    setBusy(true)
    setError('')
    try {
      const relation = await createRelation(
        { type, from, to, evidence: chosenQuote ? [chosenQuote] : [] },
        names,
      )
      setQuote('')
      onCreated(
        relation,
        `${names.get(from) ?? from} ${relationPhrase(type, RELATION_PHRASES[type])} ${names.get(to) ?? to}`,
      )
    } catch (cause) {
      setError((cause as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const endSelect = (label: string, value: string, onChange: (id: string) => void) => (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} required>
        <option value="">{t('graph.chooseAnEntity')}</option>
        {sorted.map((node) => (
          <option key={node.id} value={node.id}>
            {node.name} ({typeLook(node.type).label.toLowerCase()})
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <form
      className="new-relation"
      aria-label={t('graph.newRelation')}
      onSubmit={(e) => void submit(e)}
    >
      <fieldset>
        <legend>{t('graph.newRelation')}</legend>
        <p className="muted hint">{t('graph.shiftClickTwoNodesOrChoose')}</p>
        {endSelect(t('graph.from2'), from, (id) => onChangeEnds({ from: id, to }))}
        <RelationTypeSelect value={type} onChange={setType} />
        {endSelect(t('graph.to'), to, (id) => onChangeEnds({ from, to: id }))}
        <label>
          {t('graph.supportingQuoteOptional')}
          <select
            value={chosenQuote}
            onChange={(e) => setQuote(e.target.value)}
            disabled={quotes.length === 0}
          >
            <option value="">
              {quotes.length === 0 ? t('graph.noQuoteAboutEitherEnd') : t('graph.none')}
            </option>
            {quotes.map((q) => (
              <option key={q.annotationId} value={q.annotationId}>
                “{shorten(q.exact, 60)}” — {shorten(q.sourceTitle, 40)} ({q.reliability}
                {q.credibility})
              </option>
            ))}
          </select>
        </label>
        <div className="button-row">
          <button type="submit" disabled={busy || !from || !to || from === to}>
            {t('graph.createRelation')}
          </button>
        </div>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
      </fieldset>
    </form>
  )
}
