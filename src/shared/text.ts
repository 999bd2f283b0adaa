/**
 * Text normalization applied once when a source enters the project. Every offset
 * (TextPositionSelector) refers to the normalized text, so this must stay stable:
 * changing it is a schema migration.
 */
export function normalizeText(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF/, '')
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // Runs of horizontal whitespace collapse to one space; line structure is kept.
      .replace(/[ \t\f\v\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  )
}

/**
 * A name made safe for a file or folder name on every system: ASCII letters and digits in
 * lower case, runs of anything else as one "-", at most 60 characters; "project" if nothing
 * is left (a name in Dari script, say).
 */
export function fileNameSlug(name: string, fallback = 'project'): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || fallback
  )
}
