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
