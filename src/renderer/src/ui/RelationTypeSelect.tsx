import { RELATION_PHRASES } from '../../../shared/contract'
import { RELATION_TYPES, type RelationType } from '../../../shared/model'
import { t } from './i18n'

/** The relation types as they read in a sentence ("is allied with"), labelled "Relation". */
export function RelationTypeSelect({
  value,
  onChange,
}: {
  value: RelationType
  onChange: (type: RelationType) => void
}) {
  return (
    <label>
      {t('ui.relation')}
      <select value={value} onChange={(e) => onChange(e.target.value as RelationType)}>
        {RELATION_TYPES.map((t) => (
          <option key={t} value={t}>
            {RELATION_PHRASES[t]}
          </option>
        ))}
      </select>
    </label>
  )
}
