import { GRAPH_DEPTHS } from '../../routes/links'
import { t } from '../../ui/i18n'

/** How far around a focus to look: one to three relations. */
export function DepthSelect({ depth, onChange }: { depth: number; onChange(depth: number): void }) {
  return (
    <label>
      {t('graph.depth')}
      <select value={depth} onChange={(e) => onChange(Number(e.target.value))}>
        {GRAPH_DEPTHS.map((d) => (
          <option key={d} value={d}>
            {t('graph.relationsAwayCount', { count: d })}
          </option>
        ))}
      </select>
    </label>
  )
}
