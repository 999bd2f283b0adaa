/**
 * Explicit bidirectional formatting characters: the embeddings and overrides (LRE, RLE,
 * PDF, LRO, RLO) and the isolates (LRI, RLI, FSI, PDI). One of them in a document's title
 * reverses or reorders whatever is printed after it on the same line, so an imported title
 * could make a report say something else; the marks LRM, RLM and ALM only hint a direction
 * and are kept.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g

/** The text without explicit bidirectional formatting characters. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '')
}
