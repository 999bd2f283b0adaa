import { useId, useMemo, useState } from 'react'
import { KNOWN_ENTITY_TYPES, type Entity } from '../../../../shared/model'
import { useCreateEntity, useEntityList } from '../../api/entities'
import { t } from '../../ui/i18n'
import './entity-picker.css'

const MAX_OPTIONS = 8

/**
 * Type-ahead over the project's entities (name and aliases), with a last option to
 * create a new entity of a chosen type on the spot. An ARIA combobox with a listbox.
 */
export function EntityPicker({
  value,
  onChange,
}: {
  value: string[]
  onChange: (ids: string[]) => void
}) {
  const entities = useEntityList()
  const createEntity = useCreateEntity()
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const [creating, setCreating] = useState<string | null>(null)
  const [newType, setNewType] = useState<string>('group')
  const listId = useId()
  const inputId = useId()

  const byId = useMemo(() => new Map((entities.data ?? []).map((e) => [e.id, e])), [entities.data])
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase()
    if (!q) return []
    return (entities.data ?? [])
      .filter((e) => !value.includes(e.id))
      .filter((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(q)))
      .sort((a, b) => rank(a, q) - rank(b, q) || a.name.localeCompare(b.name))
      .slice(0, MAX_OPTIONS)
  }, [entities.data, query, value])
  const trimmed = query.trim()
  const exists = (entities.data ?? []).some((e) => e.name.toLowerCase() === trimmed.toLowerCase())
  const options: ({ kind: 'entity'; entity: Entity } | { kind: 'create'; name: string })[] = [
    ...matches.map((entity) => ({ kind: 'entity' as const, entity })),
    ...(trimmed && !exists ? [{ kind: 'create' as const, name: trimmed }] : []),
  ]
  const expanded = open && options.length > 0

  const choose = (index: number): void => {
    const option = options[index]
    if (!option) return
    if (option.kind === 'entity') {
      onChange([...value, option.entity.id])
      setQuery('')
      setOpen(false)
    } else {
      setCreating(option.name)
      setOpen(false)
    }
  }

  return (
    <div className="entity-picker">
      <label htmlFor={inputId}>{t('reader.entities')}</label>
      {value.length > 0 && (
        <ul className="chips" aria-label={t('reader.chosenEntities')}>
          {value.map((id) => (
            <li key={id} className="chip">
              {byId.get(id)?.name ?? id}
              <span className="muted small"> {byId.get(id)?.type}</span>
              <button
                type="button"
                aria-label={t('reader.remove', { value: byId.get(id)?.name ?? id })}
                onClick={() => onChange(value.filter((v) => v !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={inputId}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        placeholder={t('reader.typeAName')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setOpen(true)
            setActive((a) => Math.min(options.length - 1, a + 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((a) => Math.max(0, a - 1))
          } else if (e.key === 'Enter' && expanded) {
            e.preventDefault()
            choose(active)
          } else if (e.key === 'Escape' && expanded) {
            e.preventDefault()
            e.stopPropagation()
            setOpen(false)
          }
        }}
      />
      {expanded && (
        <ul
          id={listId}
          role="listbox"
          aria-label={t('reader.matchingEntities')}
          className="listbox"
        >
          {options.map((option, i) => (
            <li
              key={option.kind === 'entity' ? option.entity.id : '__create'}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'option active' : 'option'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
            >
              {option.kind === 'entity' ? (
                <>
                  {option.entity.name} <span className="muted small">({option.entity.type})</span>
                </>
              ) : (
                <>{t('reader.create', { name: option.name })}</>
              )}
            </li>
          ))}
        </ul>
      )}
      {creating !== null && (
        <div className="create-entity" role="group" aria-label={t('reader.newEntity')}>
          <span>
            {t('reader.newEntity2')}
            <strong>{creating}</strong>
            {t('reader.ofType')}
          </span>
          <select
            aria-label={t('reader.typeOfTheNewEntity')}
            value={newType}
            onChange={(e) => setNewType(e.target.value)}
          >
            {KNOWN_ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={createEntity.isPending}
            onClick={() =>
              createEntity.mutate(
                { type: newType, name: creating },
                {
                  onSuccess: (entity) => {
                    onChange([...value, entity.id])
                    setCreating(null)
                    setQuery('')
                  },
                },
              )
            }
          >
            {t('reader.createEntity')}
          </button>
          <button type="button" onClick={() => setCreating(null)}>
            {t('reader.cancel')}
          </button>
          {createEntity.isError && (
            <span role="alert" className="error-text">
              {createEntity.error.message}
            </span>
          )}
        </div>
      )}
    </div>
  )
}

function rank(entity: Entity, q: string): number {
  const name = entity.name.toLowerCase()
  if (name === q) return 0
  if (name.startsWith(q)) return 1
  return 2
}
