/**
 * The filter of an entity-table section: words that must all match, each either free
 * text (found in any shown cell) or `column:value` (found in that column, named by key or
 * label). Quotes keep spaces together: `phase:"guerrilla warfare"`. Case and accents are
 * ignored.
 */
export interface FilterTerm {
  column?: string
  value: string
}

const TERM = /(?:([^\s:"]+):)?(?:"([^"]*)"|(\S+))/g

function parseTableFilter(filter: string | undefined): FilterTerm[] {
  if (!filter) return []
  const terms: FilterTerm[] = []
  for (const match of filter.matchAll(TERM)) {
    const value = fold(match[2] ?? match[3] ?? '')
    if (value === '') continue
    terms.push(match[1] ? { column: fold(match[1]), value } : { value })
  }
  return terms
}

export function filterTableRows<Row extends { cells: string[] }>(
  columns: readonly { key: string; label: string }[],
  rows: readonly Row[],
  filter: string | undefined,
): Row[] {
  const terms = parseTableFilter(filter)
  if (terms.length === 0) return [...rows]
  const columnIndex = (name: string): number =>
    columns.findIndex((c) => fold(c.key) === name || fold(c.label) === name)
  return rows.filter((row) => {
    const cells = row.cells.map((cell) => fold(cell).replace(/-/g, ' '))
    return terms.every((term) => {
      const value = term.value.replace(/-/g, ' ')
      if (term.column !== undefined) {
        const index = columnIndex(term.column)
        return index >= 0 && (cells[index] ?? '').includes(value)
      }
      return cells.some((cell) => cell.includes(value))
    })
  })
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}
