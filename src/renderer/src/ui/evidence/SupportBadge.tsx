/** "2 quotes" for supported claims, a visible "Unsupported" mark for the rest. */
export function SupportBadge({ count }: { count: number }) {
  return count > 0 ? (
    <span className="badge badge-ok">{count === 1 ? '1 quote' : `${count} quotes`}</span>
  ) : (
    <span className="badge badge-unsupported" title="No quote supports this yet">
      Unsupported
    </span>
  )
}
