import { useState } from 'react'
import {
  RELATION_PHRASES,
  type AcceptItem,
  type SuggestedEntity,
  type Suggestion,
} from '../../../../shared/contract'
import type { Credibility } from '../../../../shared/model'
import { CredibilitySelect } from './annotation-fields'
import { excerpt } from './labels'
import { SuggestionEditor } from './SuggestionEditor'
import {
  acceptItem,
  defaultChoices,
  sentenceParts,
  suggestionLabel,
  type AcceptChoices,
} from './suggestion-model'
import { t } from '../../ui/i18n'
import { relationPhrase } from '../../ui/model-labels'

/**
 * One suggestion: its sentence with the words that made it, what accepting creates or
 * links, the grade the quote will carry, and Accept / Edit / Dismiss.
 */
export function SuggestionCard({
  suggestion,
  text,
  grade,
  onGrade,
  busy,
  onAccept,
  onDismiss,
  onShow,
}: {
  suggestion: Suggestion
  text: string
  grade: Credibility
  onGrade: (grade: Credibility) => void
  busy: boolean
  onAccept: (item: AcceptItem, what: string) => void
  onDismiss: () => void
  onShow: () => void
}) {
  const [editing, setEditing] = useState(false)
  const label = suggestionLabel(suggestion)
  const sentence = text.slice(suggestion.sentence.start, suggestion.sentence.end)
  const accept = (choices: AcceptChoices, what: string): void => {
    onAccept(acceptItem(suggestion, text, choices), what)
    setEditing(false)
  }
  return (
    <li className={`suggestion-item suggestion-${suggestion.kind}`}>
      <button
        type="button"
        className="suggestion-sentence"
        onClick={onShow}
        aria-label={t('reader.showInTheText2', { excerpt: excerpt(sentence, 80) })}
      >
        {sentenceParts(text, suggestion.sentence, suggestion.highlights).map((part, i) =>
          part.role ? (
            <mark key={i} className={`sg-${part.role}`}>
              {part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </button>
      <Proposal suggestion={suggestion} />
      <div className="muted small">{suggestion.reason}</div>
      {editing ? (
        <SuggestionEditor
          initial={defaultChoices(suggestion, grade)}
          label={label}
          busy={busy}
          onAccept={(choices) => accept(choices, `“${label}” (edited)`)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <CredibilitySelect className="suggestion-grade small" value={grade} onChange={onGrade} />
          <div className="annotation-actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              aria-label={t('reader.accept2', { label })}
              onClick={() => accept(defaultChoices(suggestion, grade), `“${label}”`)}
            >
              {t('reader.accept')}
            </button>
            <button
              type="button"
              aria-label={t('reader.edit2', { label })}
              onClick={() => setEditing(true)}
            >
              {t('reader.edit')}
            </button>
            <button
              type="button"
              disabled={busy}
              aria-label={t('reader.dismiss2', { label })}
              onClick={onDismiss}
            >
              {t('reader.dismiss')}
            </button>
          </div>
        </>
      )}
    </li>
  )
}

/** What accepting creates or links, each end marked new or already in the project. */
function Proposal({ suggestion }: { suggestion: Suggestion }) {
  if (suggestion.kind === 'entity') {
    return (
      <div className="suggestion-proposal">
        {suggestion.entity.status === 'new' ? t('reader.create2') : t('reader.linkTheQuoteTo')}
        <EntityTag entity={suggestion.entity} />
      </div>
    )
  }
  const { from, to, type, validFrom } = suggestion.relation
  return (
    <div className="suggestion-proposal">
      <EntityTag entity={from} /> {relationPhrase(type, RELATION_PHRASES[type])}{' '}
      <EntityTag entity={to} />
      {validFrom && <span className="muted small"> {t('reader.since', { validFrom })}</span>}
    </div>
  )
}

function EntityTag({ entity }: { entity: SuggestedEntity }) {
  return (
    <span className="suggestion-entity">
      <strong>{entity.name}</strong>{' '}
      <span className={entity.status === 'new' ? 'badge badge-warn' : 'badge badge-ok'}>
        {entity.status === 'new' ? t('reader.new', { type: entity.type }) : entity.type}
      </span>
    </span>
  )
}
