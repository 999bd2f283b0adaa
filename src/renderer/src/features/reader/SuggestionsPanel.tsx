import { useState } from 'react'
import type {
  AcceptItem,
  DateSuggestion,
  SourceSuggestions,
  Suggestion,
} from '../../../../shared/contract'
import type { Credibility, SourceRecord } from '../../../../shared/model'
import { useSourceSuggestions } from '../../api/suggestions'
import { excerpt } from './labels'
import { useProgressiveCount } from './progressive'
import { SuggestionCard } from './SuggestionCard'
import { SuggestionEditor } from './SuggestionEditor'
import {
  acceptItem,
  byParagraph,
  defaultChoices,
  DEFAULT_CREDIBILITY,
  eventChoices,
  suggestionLabel,
  summaryLine,
  type Paragraph,
} from './suggestion-model'
import { useSuggestionActions, type SuggestionActions } from './use-suggestion-actions'
import { t } from '../../ui/i18n'
import './suggestions.css'

/** Paragraphs mounted at once; the rest follow a few per frame. */
const FIRST_PARAGRAPHS = 12
const PARAGRAPHS_PER_FRAME = 12

type Range = { start: number; end: number }

/**
 * What the source's text names, paragraph by paragraph: each suggestion one click from an
 * evidenced record, "Accept all" per paragraph, the dismissed ones to restore, and the
 * dates the text gives.
 */
export function SuggestionsPanel({
  source,
  text,
  onShow,
  onStatus,
}: {
  source: SourceRecord
  text: string
  onShow: (range: Range) => void
  onStatus: (message: string) => void
}) {
  const list = useSourceSuggestions(source.id, source.contentHash)
  const actions = useSuggestionActions(source.id, source.contentHash, onStatus)
  if (list.isError) {
    return (
      <p role="alert" className="error-text">
        {t('reader.couldNotReadTheTextFor', { message: list.error.message })}
      </p>
    )
  }
  if (!list.data) return <p className="muted">{t('reader.readingTheTextForNamesAnd')}</p>
  return (
    <SuggestionList
      data={list.data}
      text={text}
      actions={actions}
      onShow={onShow}
      stale={list.isFetching}
    />
  )
}

function SuggestionList({
  data,
  text,
  actions,
  onShow,
  stale,
}: {
  data: SourceSuggestions
  text: string
  actions: SuggestionActions
  onShow: (range: Range) => void
  stale: boolean
}) {
  const [grades, setGrades] = useState<ReadonlyMap<string, Credibility>>(new Map())
  const paragraphs = byParagraph(data.suggestions)
  const shown = useProgressiveCount(paragraphs.length, FIRST_PARAGRAPHS, PARAGRAPHS_PER_FRAME)
  const gradeOf = (s: Suggestion): Credibility => grades.get(s.key) ?? DEFAULT_CREDIBILITY
  const busy = actions.busy || stale
  const acceptParagraph = (p: Paragraph): void => {
    const items = p.suggestions.map((s) => acceptItem(s, text, defaultChoices(s, gradeOf(s))))
    void actions.accept(items, `${items.length} suggestions in paragraph ${p.index + 1}`)
  }
  return (
    <div className="suggestion-panel" aria-busy={stale}>
      <h3>{summaryLine(data)}</h3>
      <p className="muted small">{t('reader.acceptCreatesTheQuoteGradedAs')}</p>
      {data.truncated && (
        <p className="warning small">
          {t('reader.thisTextNamesMoreThanOne', { length: data.suggestions.length })}
        </p>
      )}
      {paragraphs.slice(0, shown).map((p) => (
        <section
          key={p.index}
          className="suggestion-paragraph"
          aria-label={t('reader.paragraph', { value: p.index + 1 })}
        >
          <div className="suggestion-paragraph-head">
            <span className="small muted">{t('reader.paragraph', { value: p.index + 1 })}</span>
            {p.suggestions.length > 1 && (
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() => acceptParagraph(p)}
              >
                {t('reader.acceptAllInThisParagraph', { length: p.suggestions.length })}
              </button>
            )}
          </div>
          <ul className="suggestion-list">
            {p.suggestions.map((s) => (
              <SuggestionCard
                key={s.key}
                suggestion={s}
                text={text}
                grade={gradeOf(s)}
                onGrade={(grade) => setGrades(new Map(grades).set(s.key, grade))}
                busy={busy}
                onAccept={(item, what) => void actions.accept([item], what)}
                onDismiss={() => actions.dismiss([s])}
                onShow={() => onShow(s.sentence)}
              />
            ))}
          </ul>
        </section>
      ))}
      {data.dates.length > 0 && (
        <details className="suggestion-extra">
          <summary>{t('reader.datesInTheText', { length: data.dates.length })}</summary>
          <ul>
            {data.dates.map((d) => (
              <DateItem
                key={d.key}
                date={d}
                text={text}
                busy={busy}
                onShow={() => onShow(d.sentence)}
                onAccept={(item, what) => void actions.accept([item], what)}
              />
            ))}
          </ul>
        </details>
      )}
      {data.dismissed.length > 0 && (
        <details className="suggestion-extra">
          <summary>{t('reader.dismissed', { length: data.dismissed.length })}</summary>
          <ul>
            {data.dismissed.map((s) => (
              <li key={s.key}>
                <span className="small">{excerpt(suggestionLabel(s), 90)}</span>{' '}
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  onClick={() => actions.restore([s.key])}
                  aria-label={t('reader.restore2', { suggestionLabel: suggestionLabel(s) })}
                >
                  {t('reader.restore')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}

/** A date the text gives; "Create event" turns its sentence into an evidenced event. */
function DateItem({
  date,
  text,
  busy,
  onShow,
  onAccept,
}: {
  date: DateSuggestion
  text: string
  busy: boolean
  onShow: () => void
  onAccept: (item: AcceptItem, what: string) => void
}) {
  const [editing, setEditing] = useState(false)
  const label = t('reader.eventOn', { text: date.text, title: date.event.title })
  return (
    <li>
      <button type="button" className="link-button" onClick={onShow}>
        {date.text}
      </button>{' '}
      <span className="muted small">
        {date.bound === 'at' ? '' : `${date.bound} `}
        {date.date} ({date.precision})
      </span>{' '}
      {!editing && (
        <button
          type="button"
          className="link-button"
          disabled={busy}
          aria-label={t('reader.createEvent2', { text: date.text })}
          onClick={() => setEditing(true)}
        >
          {t('reader.createEvent')}
        </button>
      )}
      {editing && (
        <SuggestionEditor
          initial={eventChoices(date, DEFAULT_CREDIBILITY)}
          label={label}
          busy={busy}
          onAccept={(choices) => {
            onAccept(
              acceptItem(date, text, choices),
              `event “${choices.proposal.event?.title ?? date.text}”`,
            )
            setEditing(false)
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </li>
  )
}
