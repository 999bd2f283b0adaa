import { RELEVANCE_LABELS } from '../../../../shared/ach'
import { RELEVANCE_LEVELS, type Relevance } from '../../../../shared/model'

/** How much a piece of evidence matters to the question, chosen as it is added. */
export function RelevanceSelect({
  label,
  value,
  onChange,
  className,
}: {
  label: string
  value: Relevance
  onChange: (relevance: Relevance) => void
  className: string
}) {
  return (
    <label className={className}>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value as Relevance)}>
        {RELEVANCE_LEVELS.map((level) => (
          <option key={level} value={level}>
            {RELEVANCE_LABELS[level]}
          </option>
        ))}
      </select>
    </label>
  )
}
