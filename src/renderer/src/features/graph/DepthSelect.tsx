import { GRAPH_DEPTHS } from '../../routes/links'

/** How far around a focus to look: one to three relations. */
export function DepthSelect({ depth, onChange }: { depth: number; onChange(depth: number): void }) {
  return (
    <label>
      Depth
      <select value={depth} onChange={(e) => onChange(Number(e.target.value))}>
        {GRAPH_DEPTHS.map((d) => (
          <option key={d} value={d}>
            {d === 1 ? '1 relation away' : `${d} relations away`}
          </option>
        ))}
      </select>
    </label>
  )
}
