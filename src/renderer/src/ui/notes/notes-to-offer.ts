/** How many notes the dialog lists before the analyst searches: the open one, then the newest. */
export const RECENT_NOTES = 5

/**
 * The notes to offer, the open (last edited) one first, then the most recently changed; a
 * search looks through all of them.
 */
export function notesToOffer<T extends { id: string; title: string; updatedAt: string }>(
  notes: readonly T[],
  openNoteId: string | null,
  filter: string,
): T[] {
  const wanted = filter.trim().toLocaleLowerCase()
  if (wanted) return notes.filter((n) => n.title.toLocaleLowerCase().includes(wanted))
  const byRecency = [...notes].sort(
    (a, b) =>
      Number(b.id === openNoteId) - Number(a.id === openNoteId) ||
      b.updatedAt.localeCompare(a.updatedAt),
  )
  return byRecency.slice(0, RECENT_NOTES)
}
