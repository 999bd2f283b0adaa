import { useId, useState } from 'react'
import type { SuggestedEntity, SuggestedEvent } from '../../../../shared/contract'
import { DATE_PRECISIONS, EVENT_KINDS, KNOWN_ENTITY_TYPES } from '../../../../shared/model'
import { RelationTypeSelect } from '../../ui/RelationTypeSelect'
import { CredibilitySelect, KindSelect } from './annotation-fields'
import type { AcceptChoices } from './suggestion-model'
import { t } from '../../ui/i18n'
import './forms.css'

/**
 * Changes a suggestion before accepting it: the names and types of the entities it would
 * create, the relation and its start, the kind and grade of the quote. An entity already in
 * the project stays as it is (a new name that matches one is linked to it on accept).
 */
export function SuggestionEditor({
  initial,
  label,
  busy,
  onAccept,
  onCancel,
}: {
  initial: AcceptChoices
  label: string
  busy: boolean
  onAccept: (choices: AcceptChoices) => void
  onCancel: () => void
}) {
  const [choices, setChoices] = useState(initial)
  const { entity, relation, event } = choices.proposal
  const problem = problemWith(choices)
  const set = (proposal: AcceptChoices['proposal']): void => setChoices({ ...choices, proposal })
  return (
    <form
      className="form suggestion-editor"
      aria-label={t('reader.edit2', { label })}
      onSubmit={(event) => {
        event.preventDefault()
        if (!problem) onAccept(choices)
      }}
    >
      {entity && (
        <EntityFields
          legend={t('reader.entity')}
          entity={entity}
          onChange={(e) => set({ entity: e })}
        />
      )}
      {relation && (
        <>
          <EntityFields
            legend={t('reader.from')}
            entity={relation.from}
            onChange={(from) => set({ relation: { ...relation, from } })}
          />
          <RelationTypeSelect
            value={relation.type}
            onChange={(type) => set({ relation: { ...relation, type } })}
          />
          <EntityFields
            legend={t('reader.to')}
            entity={relation.to}
            onChange={(to) => set({ relation: { ...relation, to } })}
          />
          <label>
            {t('reader.validFrom')}
            <input
              type="date"
              value={relation.validFrom ?? ''}
              onChange={(e) => {
                const { validFrom: _old, ...rest } = relation
                set({ relation: e.target.value ? { ...rest, validFrom: e.target.value } : rest })
              }}
            />
          </label>
        </>
      )}
      {event && <EventFields event={event} onChange={(e) => set({ event: e })} />}
      <div className="form-row">
        <KindSelect value={choices.kind} onChange={(kind) => setChoices({ ...choices, kind })} />
        <CredibilitySelect
          value={choices.credibility}
          onChange={(credibility) => setChoices({ ...choices, credibility })}
        />
      </div>
      {problem && (
        <p role="alert" className="error-text small">
          {problem}
        </p>
      )}
      <div className="annotation-actions">
        <button type="submit" className="primary" disabled={busy || problem !== null}>
          {t('reader.acceptAsEdited')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('reader.cancel')}
        </button>
      </div>
    </form>
  )
}

function problemWith({ proposal: { entity, relation, event } }: AcceptChoices): string | null {
  if (event && event.title.trim() === '') return t('reader.theEventNeedsATitle')
  if (event && event.eventDate === '') return t('reader.theEventNeedsADate')
  if (event?.participants.some((p) => p.type !== 'group' && p.type !== 'person'))
    return t('reader.thoseWhoTakePartInAn')
  const ends = entity
    ? [entity]
    : relation
      ? [relation.from, relation.to]
      : (event?.participants ?? [])
  if (ends.some((e) => e.name.trim() === '')) return t('reader.everyEntityNeedsAName')
  if (relation && sameEntity(relation.from, relation.to))
    return t('reader.aRelationLinksTwoDifferentEntities')
  return null
}

function sameEntity(a: SuggestedEntity, b: SuggestedEntity): boolean {
  if (a.status === 'existing' && b.status === 'existing') return a.entityId === b.entityId
  return a.type === b.type && a.name.trim().toLowerCase() === b.name.trim().toLowerCase()
}

/** Name and type of an entity the accept would create; the name alone of one it links. */
function EntityFields({
  legend,
  entity,
  onChange,
}: {
  legend: string
  entity: SuggestedEntity
  onChange: (entity: SuggestedEntity) => void
}) {
  const id = useId()
  if (entity.status === 'existing') {
    return (
      <p className="small">
        {legend}: <strong>{entity.name}</strong>{' '}
        <span className="badge badge-ok">{t('reader.inProject')}</span>
      </p>
    )
  }
  const types = KNOWN_ENTITY_TYPES.includes(entity.type as never)
    ? KNOWN_ENTITY_TYPES
    : [...KNOWN_ENTITY_TYPES, entity.type]
  return (
    <fieldset className="form-row suggestion-fields" aria-labelledby={id}>
      <legend id={id}>{t('reader.new2', { legend })}</legend>
      <label>
        {t('reader.name')}
        <input
          value={entity.name}
          onChange={(e) => onChange({ ...entity, name: e.target.value })}
        />
      </label>
      <label>
        {t('reader.type')}
        <select
          value={entity.type}
          onChange={(e) => {
            // Attributes and the gazetteer entry fit the type suggested, not another.
            const { attributes: _a, gazetteer: _g, ...plain } = entity
            onChange({ ...plain, type: e.target.value })
          }}
        >
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  )
}

/** The event a date makes: title, kind, date and how precise it is, and who took part. */
function EventFields({
  event,
  onChange,
}: {
  event: SuggestedEvent
  onChange: (event: SuggestedEvent) => void
}) {
  const id = useId()
  return (
    <fieldset className="suggestion-fields" aria-labelledby={id}>
      <legend id={id}>{t('reader.eventNew')}</legend>
      <label>
        {t('reader.title')}
        <input
          value={event.title}
          onChange={(e) => onChange({ ...event, title: e.target.value })}
        />
      </label>
      <div className="form-row">
        <label>
          {t('reader.kindOfEvent')}
          <select
            value={event.eventKind}
            onChange={(e) =>
              onChange({ ...event, eventKind: e.target.value as SuggestedEvent['eventKind'] })
            }
          >
            {EVENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reader.date')}
          <input
            type="date"
            required
            value={event.eventDate}
            onChange={(e) => onChange({ ...event, eventDate: e.target.value })}
          />
        </label>
        <label>
          {t('reader.precision')}
          <select
            value={event.datePrecision}
            onChange={(e) =>
              onChange({
                ...event,
                datePrecision: e.target.value as SuggestedEvent['datePrecision'],
              })
            }
          >
            {DATE_PRECISIONS.map((precision) => (
              <option key={precision} value={precision}>
                {precision}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reader.dateAsWritten')}
          <input
            value={event.dateText}
            onChange={(e) => onChange({ ...event, dateText: e.target.value })}
          />
        </label>
      </div>
      {event.participants.length === 0 ? (
        <p className="small muted">{t('reader.noGroupOrPersonNamedIn')}</p>
      ) : (
        <ul className="small" aria-label={t('reader.participants')}>
          {event.participants.map((p, index) => (
            <li key={p.status === 'existing' ? p.entityId : `new-${index}`}>
              <EntityFields
                legend={t('reader.tookPart')}
                entity={p}
                onChange={(changed) =>
                  onChange({
                    ...event,
                    participants: event.participants.map((q, i) => (i === index ? changed : q)),
                  })
                }
              />
              <button
                type="button"
                className="link-button"
                aria-label={t('reader.removeParticipant', { name: p.name })}
                onClick={() =>
                  onChange({
                    ...event,
                    participants: event.participants.filter((_, i) => i !== index),
                  })
                }
              >
                {t('reader.remove2')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
