/**
 * "2 quotes" for supported claims; the rest carry "Unsupported" in the warning colour with a
 * sign, so the difference never rests on colour alone.
 */
export function SupportBadge({ count }: { count: number }) {
  return count > 0 ? (
    <span className="badge badge-ok">{count === 1 ? '1 quote' : `${count} quotes`}</span>
  ) : (
    <span className="badge badge-unsupported" title="No quote supports this yet">
      <span aria-hidden="true">⚠ </span>Unsupported
    </span>
  )
}
