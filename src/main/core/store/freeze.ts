/**
 * Freezes a record and everything in it. Records are replaced, never edited in place: the
 * store finds what changed by identity, and a frozen record turns an in-place edit (which
 * it could not see) into an immediate TypeError instead of a silently unsaved change.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value
  Object.freeze(value)
  // Indexed and for-in loops: no array of keys per object (opening freezes every record).
  if (Array.isArray(value)) {
    for (let at = 0; at < value.length; at++) deepFreeze(value[at])
  } else {
    for (const key in value) deepFreeze((value as Record<string, unknown>)[key])
  }
  return value
}
