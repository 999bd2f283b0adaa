import { t } from '../../ui/i18n'
export interface FilterChip {
  key: string
  text: string
  remove: () => void
}

/** Says why rows are hidden: every active filter as a chip that can be removed. */
export function FilterBar({
  chips,
  shown,
  total,
  noun,
  onClearAll,
}: {
  chips: FilterChip[]
  shown: number
  total: number
  noun: string
  onClearAll: () => void
}) {
  if (chips.length === 0) return null
  return (
    <div className="filter-bar" role="region" aria-label={t('grid.activeFilters')}>
      <span className="filter-count">{t('grid.showingOfTotal', { shown, total, noun })}</span>
      <ul className="chips">
        {chips.map((chip) => (
          <li key={chip.key} className="chip chip-filter">
            <span>{chip.text}</span>
            <button
              type="button"
              aria-label={t('grid.removeFilter', { text: chip.text })}
              onClick={chip.remove}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onClearAll}>
        {t('grid.clearAllFilters')}
      </button>
    </div>
  )
}
