import { useId, useState } from 'react'
import type { SuggestedEntity } from '../../../../shared/contract'
import { KNOWN_ENTITY_TYPES } from '../../../../shared/model'
import { RelationTypeSelect } from '../../ui/RelationTypeSelect'
import { CredibilitySelect, KindSelect } from './annotation-fields'
import type { AcceptChoices } from './suggestion-model'
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
  const { entity, relation } = choices.proposal
  const problem = problemWith(choices)
  const set = (proposal: AcceptChoices['proposal']): void => setChoices({ ...choices, proposal })
  return (
    <form
      className="form suggestion-editor"
      aria-label={`Edit: ${label}`}
      onSubmit={(event) => {
        event.preventDefault()
        if (!problem) onAccept(choices)
      }}
    >
      {entity && (
        <EntityFields legend="Entity" entity={entity} onChange={(e) => set({ entity: e })} />
      )}
      {relation && (
        <>
          <EntityFields
            legend="From"
            entity={relation.from}
            onChange={(from) => set({ relation: { ...relation, from } })}
          />
          <RelationTypeSelect
            value={relation.type}
            onChange={(type) => set({ relation: { ...relation, type } })}
          />
          <EntityFields
            legend="To"
            entity={relation.to}
            onChange={(to) => set({ relation: { ...relation, to } })}
          />
          <label>
            Valid from
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
          Accept as edited
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

function problemWith({ proposal: { entity, relation } }: AcceptChoices): string | null {
  const ends = entity ? [entity] : relation ? [relation.from, relation.to] : []
  if (ends.some((e) => e.name.trim() === '')) return 'Every entity needs a name.'
  if (relation && sameEntity(relation.from, relation.to))
    return 'A relation links two different entities.'
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
        {legend}: <strong>{entity.name}</strong> <span className="badge badge-ok">in project</span>
      </p>
    )
  }
  const types = KNOWN_ENTITY_TYPES.includes(entity.type as never)
    ? KNOWN_ENTITY_TYPES
    : [...KNOWN_ENTITY_TYPES, entity.type]
  return (
    <fieldset className="form-row suggestion-fields" aria-labelledby={id}>
      <legend id={id}>{legend} (new)</legend>
      <label>
        Name
        <input
          value={entity.name}
          onChange={(e) => onChange({ ...entity, name: e.target.value })}
        />
      </label>
      <label>
        Type
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
