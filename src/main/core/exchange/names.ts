/** How names are compared when an import looks for the entity a record already is. */

/** Case, accents and runs of spaces do not count: "Ahmad Massoud" = "ahmad  massoud" = "AHMAD MASSÖUD". */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim()
}
