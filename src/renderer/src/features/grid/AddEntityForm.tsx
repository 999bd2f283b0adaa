import { useState, type FormEvent } from 'react'
import type { Entity } from '../../../../shared/model'
import type { EntityGridSpec } from '../../routes/entity-grids'
import { createEntity } from './editing'
import { t } from '../../ui/i18n'

/** Adds an entity of the grid's type by name; a refused name says why beside the box. */
export function AddEntityForm({
  spec,
  onAdded,
}: {
  spec: EntityGridSpec
  onAdded: (entity: Entity) => void
}) {
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setError(null)
    try {
      const entity = await createEntity(spec.type, name)
      setName('')
      onAdded(entity)
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    }
  }

  return (
    <form
      className="add-row"
      onSubmit={(e) => void add(e)}
      aria-label={t('grid.addA', { singular: spec.singular })}
    >
      <input
        aria-label={t('grid.nameOfTheNew', { singular: spec.singular })}
        placeholder={t('grid.newName', { singular: spec.singular })}
        value={name}
        dir="auto"
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit">{t('grid.add', { singular: spec.singular })}</button>
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </form>
  )
}
