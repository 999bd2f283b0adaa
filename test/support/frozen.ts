/** Looking at what deepFreeze and the open's freezing check leave frozen. */

/** Every object and array in `value`, itself included. */
export function objectsIn(value: unknown): object[] {
  if (typeof value !== 'object' || value === null) return []
  const inner = Array.isArray(value) ? value : Object.values(value)
  return [value, ...inner.flatMap(objectsIn)]
}

/** Whether every frozen object in `value` has only frozen objects in it (what deepFreeze assumes). */
export function frozenOnlyDeeply(value: unknown): boolean {
  return objectsIn(value).every(
    (object) => !Object.isFrozen(object) || objectsIn(object).every((o) => Object.isFrozen(o)),
  )
}
