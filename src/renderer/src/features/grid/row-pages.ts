/**
 * A first load shows each page of rows as it arrives; the grid then adds just the new page
 * instead of taking every row again. Anything else (a reload) replaces the rows, matched by id.
 */
export function nextPage<T>(shown: readonly T[] | null, next: readonly T[]): T[] | null {
  const extendsShown =
    shown !== null &&
    shown.length > 0 &&
    next.length > shown.length &&
    next[0] === shown[0] &&
    next[shown.length - 1] === shown[shown.length - 1]
  return extendsShown ? next.slice(shown.length) : null
}
