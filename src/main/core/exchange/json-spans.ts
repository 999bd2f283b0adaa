/**
 * Finds where each item of a JSON object's top-level array lies in the text, without
 * parsing the items: a STIX bundle of tens of megabytes is then parsed one object at a
 * time (in slices, so the main process never stalls on one big JSON.parse), and every
 * imported record can quote the exact characters of the object it came from.
 *
 * Only the outer structure is checked here; each item's own text goes to JSON.parse, so
 * a file passes both or is refused. A hand-written scan rather than a streaming parser
 * library: those run 10–50× slower than JSON.parse, and this only needs brackets and
 * strings.
 */
import type { Slicer } from './slices'

export interface Span {
  start: number
  end: number
}

/** The text is not JSON, or not shaped as expected; `offset` is where it went wrong. */
export class JsonShapeError extends Error {
  constructor(
    readonly problem: string,
    readonly offset: number,
    text: string,
  ) {
    super(`${problem} (${where(text, offset)})`)
    this.name = 'JsonShapeError'
  }
}

/** "line 3, column 14" of an offset, for messages. */
export function where(text: string, offset: number): string {
  let line = 1
  let lineStart = 0
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++
    lineStart = at + 1
  }
  return `line ${line}, column ${offset - lineStart + 1}`
}

const QUOTE = 34
const BACKSLASH = 92
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93
const COMMA = 44
const COLON = 58

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++
  return at
}

/** The offset just past the string that opens at `at`. */
function skipString(text: string, at: number): number {
  let search = at + 1
  for (;;) {
    const close = text.indexOf('"', search)
    if (close === -1) throw new JsonShapeError('a string is not closed', at, text)
    let backslashes = 0
    while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++
    if (backslashes % 2 === 0) return close + 1
    search = close + 1
  }
}

/**
 * The offset just past the value that starts at `at`, which may nest `levels` deep; the
 * file as a whole may nest `maxDepth` (for the message).
 */
function skipValue(text: string, at: number, levels: number, maxDepth: number): number {
  const first = text.charCodeAt(at)
  if (first === QUOTE) return skipString(text, at)
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let end = at
    while (end < text.length) {
      const code = text.charCodeAt(end)
      if (code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || isSpace(code)) break
      end++
    }
    if (end === at) throw new JsonShapeError('a value is missing', at, text)
    return end
  }
  let depth = 0
  let i = at
  while (i < text.length) {
    const code = text.charCodeAt(i)
    if (code === QUOTE) {
      i = skipString(text, i)
      continue
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++
      if (depth > levels) {
        throw new JsonShapeError(`it is nested more than ${maxDepth} levels deep`, i, text)
      }
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--
      if (depth === 0) return i + 1
    }
    i++
  }
  throw new JsonShapeError('the file ends in the middle of an object', at, text)
}

export interface TopLevelScan {
  /** Every top-level member but the array, as the span of its value. */
  members: Map<string, Span>
  /** The items of the array member, in order; null when there is no such member. */
  items: Span[] | null
}

/**
 * Scans a text that must be one JSON object, listing its members and the items of its
 * array member `arrayKey`. `maxDepth` counts every level, the outer object included.
 */
export async function scanTopLevelObject(
  text: string,
  arrayKey: string,
  maxDepth: number,
  slicer: Slicer,
): Promise<TopLevelScan> {
  let i = skipSpace(text, 0)
  const first = text.charCodeAt(i)
  if (first !== OPEN_BRACE) {
    throw new JsonShapeError(
      first === OPEN_BRACKET
        ? 'the file is a JSON list, not one object'
        : i >= text.length
          ? 'the file is empty'
          : 'the file is not JSON',
      i,
      text,
    )
  }
  const members = new Map<string, Span>()
  let items: Span[] | null = null
  i = skipSpace(text, i + 1)
  if (text.charCodeAt(i) === CLOSE_BRACE) return finish(text, i + 1, members, items)
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) throw new JsonShapeError('a member name is expected', i, text)
    const keyEnd = skipString(text, i)
    const key = JSON.parse(text.slice(i, keyEnd)) as string
    i = skipSpace(text, keyEnd)
    if (text.charCodeAt(i) !== COLON) throw new JsonShapeError('“:” is expected', i, text)
    i = skipSpace(text, i + 1)
    if (key === arrayKey && text.charCodeAt(i) === OPEN_BRACKET) {
      items = []
      i = skipSpace(text, i + 1)
      if (text.charCodeAt(i) === CLOSE_BRACKET) {
        i++
      } else {
        for (;;) {
          const start = i
          i = skipValue(text, i, maxDepth - 2, maxDepth)
          items.push({ start, end: i })
          const tick = slicer.tick()
          if (tick) await tick
          i = skipSpace(text, i)
          const next = text.charCodeAt(i)
          if (next === CLOSE_BRACKET) {
            i++
            break
          }
          if (next !== COMMA) throw new JsonShapeError('“,” or “]” is expected', i, text)
          i = skipSpace(text, i + 1)
        }
      }
    } else {
      const start = i
      i = skipValue(text, i, maxDepth - 1, maxDepth)
      members.set(key, { start, end: i })
    }
    i = skipSpace(text, i)
    const next = text.charCodeAt(i)
    if (next === CLOSE_BRACE) return finish(text, i + 1, members, items)
    if (next !== COMMA) throw new JsonShapeError('“,” or “}” is expected', i, text)
    i = skipSpace(text, i + 1)
  }
}

function finish(
  text: string,
  end: number,
  members: Map<string, Span>,
  items: Span[] | null,
): TopLevelScan {
  const rest = skipSpace(text, end)
  if (rest < text.length)
    throw new JsonShapeError('there is more after the end of the object', rest, text)
  return { members, items }
}
