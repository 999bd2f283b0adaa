import { RELATION_PHRASES } from '../../../shared/contract'
import { RELATION_TYPES, type RelationType } from '../../../shared/model'
import { t } from './i18n'
import { relationPhrase } from './model-labels'

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
        {RELATION_TYPES.map((type) => (
          <option key={type} value={type}>
            {relationPhrase(type, RELATION_PHRASES[type])}
          </option>
        ))}
      </select>
    </label>
  )
}
