import { useEffect, useImperativeHandle, useState, type Ref } from 'react'
import { citationMarkdown, citationText, mentionMarkdown } from '../../../../shared/citations'
import type { CitedQuote } from '../../../../shared/contract'
import type { Entity } from '../../../../shared/model'
import { useEntityList } from '../../api/entities'
import { useQuoteSuggestions } from '../../api/notes'
import { gradeCode } from './grades'
import { matchEntities, type Trigger } from './typeahead'
import { t } from '../../ui/i18n'
import { entityTypeLabel } from '../../ui/model-labels'
import './suggestions.css'

/** A trigger with where its list opens, relative to the textarea's box. */
export interface AnchoredTrigger extends Trigger {
  top: number
  left: number
}

export interface SuggestionsHandle {
  /** Handles a key typed in the editor; true when the list used it. */
  handleKey(key: string): boolean
}

interface Option {
  key: string
  markdown: string
  label: string
  detail: string
}

function quoteOption(quote: CitedQuote): Option | null {
  if (quote.status === 'missing') return null
  return {
    key: quote.annotationId,
    markdown: citationMarkdown(quote.annotationId, citationText(quote.exact)),
    label: quote.exact.length > 160 ? `${quote.exact.slice(0, 159)}…` : quote.exact,
    detail: t(
      quote.status === 'orphaned' ? 'notes.suggestionPassageLost' : 'notes.suggestionGrade',
      {
        sourceTitle: quote.sourceTitle,
        gradeCode: gradeCode(quote),
      },
    ),
  }
}

function entityOption(entity: Entity): Option {
  return {
    key: entity.id,
    markdown: mentionMarkdown(entity.id, entity.name),
    label: entity.name,
    detail: [entityTypeLabel(entity.type, entity.type), ...entity.aliases.slice(0, 3)].join(' · '),
  }
}

/** The type-ahead list under `[[` (quotes) or `@` (entities); choosing inserts a link. */
export function Suggestions({
  ref,
  id,
  trigger,
  onActiveChange,
  onChoose,
}: {
  ref: Ref<SuggestionsHandle>
  id: string
  trigger: AnchoredTrigger
  onActiveChange: (optionId: string | undefined) => void
  onChoose: (markdown: string) => void
}) {
  const quotes = useQuoteSuggestions(trigger.query.trim(), trigger.kind === 'quote')
  const entities = useEntityList({}, { enabled: trigger.kind === 'entity' })
  const options: Option[] =
    trigger.kind === 'quote'
      ? (quotes.data ?? []).flatMap((quote) => quoteOption(quote) ?? [])
      : matchEntities(entities.data ?? [], trigger.query).map(entityOption)
  const loading = trigger.kind === 'quote' ? quotes.isLoading : entities.isLoading
  const [active, setActive] = useState({ query: trigger.query, index: 0 })
  // A new query starts again from the first option.
  const index = active.query === trigger.query ? Math.min(active.index, options.length - 1) : 0
  const activeId = options[index] ? `${id}-${index}` : undefined

  useEffect(() => {
    onActiveChange(activeId)
    return () => onActiveChange(undefined)
  }, [activeId, onActiveChange])

  useImperativeHandle(
    ref,
    () => ({
      handleKey(key: string): boolean {
        if (options.length === 0) return false
        if (key === 'ArrowDown' || key === 'ArrowUp') {
          const step = key === 'ArrowDown' ? 1 : -1
          setActive({
            query: trigger.query,
            index: (index + step + options.length) % options.length,
          })
          return true
        }
        if (key === 'Enter' || key === 'Tab') {
          onChoose(options[Math.max(0, index)]!.markdown)
          return true
        }
        return false
      },
    }),
    [options, index, trigger.query, onChoose],
  )

  const what = trigger.kind === 'quote' ? t('notes.quotes') : t('notes.entities')
  const status = loading
    ? t('notes.searching')
    : options.length === 0
      ? trigger.kind === 'quote'
        ? t('notes.noQuoteContains', { query: trigger.query })
        : t('notes.noEntityIsCalled', { query: trigger.query })
      : t(trigger.kind === 'quote' ? 'notes.quoteOptions' : 'notes.entityOptions', {
          count: options.length,
        })
  return (
    <div className="suggestions" style={{ top: trigger.top, left: trigger.left }}>
      <div role="status" className="suggestions-status">
        {status}
      </div>
      {options.length > 0 && (
        <ul
          role="listbox"
          id={id}
          aria-label={
            trigger.query
              ? t('notes.matching', { what, query: trigger.query })
              : t('notes.toChooseFrom', { what })
          }
        >
          {options.map((option, position) => (
            <li
              key={option.key}
              id={`${id}-${position}`}
              role="option"
              aria-selected={position === index}
              // Keep the focus (and the caret) in the editor.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onChoose(option.markdown)}
            >
              <span className="suggestion-label">{option.label}</span>
              <span className="suggestion-detail">{option.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
