/**
 * CSV export helpers. Spreadsheets guess a CSV's encoding; a UTF-8 byte order mark makes
 * Excel read Dari and Arabic names correctly instead of as mojibake.
 */
const UTF8_BOM = '\uFEFF'

/**
 * A cell that starts with = + - @ (or a tab or return) is run as a formula by spreadsheets;
 * quotes come from untrusted documents, so such text is prefixed with an apostrophe.
 * Plain negative numbers stay numbers.
 */
export function neutralizeFormula(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text)) return text
  if (/^-\d+(\.\d+)?$/.test(text)) return text
  return `'${text}`
}

export function withBom(csv: string): string {
  return csv.startsWith(UTF8_BOM) ? csv : UTF8_BOM + csv
}

export function csvFileName(label: string, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[:T]/g, '-')
  return `${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${stamp}.csv`
}
