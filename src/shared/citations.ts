/**
 * Citations and mentions in a note's Markdown body. A citation is a link to
 * `quote:<annotationId>`, a mention a link to `entity:<entityId>`; every view that
 * numbers citations (the note preview, reports) numbers them with `numberCitations`,
 * so a quote keeps the same number wherever the note is shown.
 *
 * The scanner follows CommonMark where it matters for links: code spans and fenced,
 * indented and HTML blocks hold no links, backslash escapes, nested brackets, links never
 * contain links, links inside an image's description are not links, and reference
 * definitions (`[label]: quote:id`) work like inline destinations. It is a small
 * subset of a Markdown parser on purpose: src/shared depends on zod only, and the
 * renderer's tests check it against react-markdown on generated notes.
 */

export type NoteLinkKind = 'quote' | 'entity'

/** One citation or mention as it appears in the body. */
export interface NoteLink {
  kind: NoteLinkKind
  /** What follows the scheme; not necessarily a well-formed id (see `valid`). */
  id: string
  /** Whether `id` has the shape of a record id; a malformed one can only render broken. */
  valid: boolean
  /** The link text as written, Markdown included; the address itself for an autolink. */
  text: string
  /** Where the link starts and ends in the body (UTF-16 offsets). */
  start: number
  end: number
}

export interface NumberedCitation {
  annotationId: string
  /** 1, 2, 3… in order of first appearance; citing the same quote again reuses its number. */
  number: number
  /** How many times the body cites this quote. */
  occurrences: number
  /** Offset of the first citation in the body. */
  firstAt: number
  valid: boolean
}

export interface CitationNumbering {
  citations: NumberedCitation[]
  /** The number of each cited annotation id. */
  numberOf: ReadonlyMap<string, number>
}

const ID_SHAPE = /^[A-Za-z0-9_-]{1,128}$/
const SCHEME = /^(quote|entity):(.*)$/is

/** Reads a link destination: `quote:<id>` or `entity:<id>` (scheme case-insensitive), else null. */
export function parseNoteHref(
  href: string,
): { kind: NoteLinkKind; id: string; valid: boolean } | null {
  const match = SCHEME.exec(href.trim())
  if (!match) return null
  const kind = match[1]!.toLowerCase() as NoteLinkKind
  const id = match[2]!
  return { kind, id, valid: ID_SHAPE.test(id) }
}

export const quoteHref = (annotationId: string): string => `quote:${annotationId}`
export const entityHref = (entityId: string): string => `entity:${entityId}`

/** Link text that reads back as itself: one line, brackets and backslashes escaped. */
export function escapeLinkText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]`*_<>]/g, (c) => `\\${c}`)
}

/** The first words of a quote, short enough to read as a citation's link text. */
export function citationText(exact: string, maxLength = 60): string {
  const words = exact.replace(/\s+/g, ' ').trim().split(' ')
  let text = ''
  for (const word of words) {
    if (text !== '' && text.length + word.length + 1 > maxLength) return `${text}…`
    text = text === '' ? word : `${text} ${word}`
  }
  return text
}

/** The Markdown of a citation of `annotationId` reading `text`. */
export function citationMarkdown(annotationId: string, text: string): string {
  return `[${escapeLinkText(text)}](${quoteHref(annotationId)})`
}

/** The Markdown of a mention of `entityId` reading `text`. */
export function mentionMarkdown(entityId: string, text: string): string {
  return `[${escapeLinkText(text)}](${entityHref(entityId)})`
}

/** Every citation and mention in the body, in order of appearance. */
export function extractNoteLinks(markdown: string): NoteLink[] {
  const { chunks, definitions } = splitBlocks(markdown)
  const links: NoteLink[] = []
  for (const chunk of chunks) scanInline(markdown, chunk.start, chunk.end, definitions, links)
  return links.sort((a, b) => a.start - b.start)
}

/** Citations numbered by first appearance; the same annotation cited twice has one number. */
export function numberCitations(input: string | readonly NoteLink[]): CitationNumbering {
  const links = typeof input === 'string' ? extractNoteLinks(input) : input
  const byId = new Map<string, NumberedCitation>()
  for (const link of links) {
    if (link.kind !== 'quote') continue
    const seen = byId.get(link.id)
    if (seen) seen.occurrences++
    else {
      byId.set(link.id, {
        annotationId: link.id,
        number: byId.size + 1,
        occurrences: 1,
        firstAt: link.start,
        valid: link.valid,
      })
    }
  }
  const citations = [...byId.values()]
  return { citations, numberOf: new Map(citations.map((c) => [c.annotationId, c.number])) }
}

/** Distinct entity ids the body mentions, in order of first appearance. */
export function mentionedEntityIds(input: string | readonly NoteLink[]): string[] {
  const links = typeof input === 'string' ? extractNoteLinks(input) : input
  return [...new Set(links.filter((l) => l.kind === 'entity').map((l) => l.id))]
}

// ---------------------------------------------------------------- blocks

interface Chunk {
  start: number
  end: number
}

interface Line {
  start: number
  end: number
  /** How many block quote markers (`>`) open the line. */
  depth: number
  /** Offset after those markers. */
  contentStart: number
}

/** A fenced code block or an HTML block: lines whose links do not count. */
interface RawBlock {
  kind: 'fence' | 'html-until-tag' | 'html-until-comment' | 'until-blank'
  marker: string
  depth: number
  /** The content indent of the list item the block sits in, 0 outside lists. */
  listIndent: number
}

const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/
const HTML_RAW_OPEN = /^<(script|pre|style|textarea)(?:\s|>|$)/i
const HTML_RAW_CLOSE = /<\/(script|pre|style|textarea)>/i
const HTML_BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details ' +
    'dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 ' +
    'head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p ' +
    'param search section summary table tbody td tfoot th thead title tr track ul'
  ).split(' '),
)
const HTML_BLOCK_OPEN = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s|\/?>|$)/
const HTML_COMPLETE_TAG =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/
const LIST_ITEM = /^([-+*]|\d{1,9}[.)])([ \t]+|$)/
const DEFINITION =
  /^\[((?:[^\\[\]]|\\.){1,999})\]:[ \t]*(?:<([^<>\n]*)>|(\S+))(?:[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*$/
const FOOTNOTE_DEFINITION = /^\[\^[^\]\s]+\]:/
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (;;) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    let contentStart = start
    let depth = 0
    for (;;) {
      const marker = /^ {0,3}> ?/.exec(text.slice(contentStart, Math.min(end, contentStart + 6)))
      if (!marker) break
      contentStart += marker[0].length
      depth++
    }
    lines.push({ start, end, depth, contentStart })
    if (end === text.length) return lines
    start = end + 1
  }
}

/** Columns of leading whitespace (tabs to the next multiple of 4) and where the text starts. */
function measureIndent(text: string, from: number, to: number): { columns: number; at: number } {
  let columns = 0
  let at = from
  for (; at < to; at++) {
    const c = text[at]
    if (c === ' ') columns++
    else if (c === '\t') columns += 4 - (columns % 4)
    else break
  }
  return { columns, at }
}

/**
 * Splits the body into runs of inline content (paragraphs, headings, list items), leaving
 * out code and HTML blocks, and collects reference definitions on the way.
 */
function splitBlocks(text: string): { chunks: Chunk[]; definitions: Map<string, string> } {
  const lines = splitLines(text)
  const chunks: Chunk[] = []
  const definitions = new Map<string, string>()
  let chunk: (Chunk & { depth: number }) | null = null
  let raw: RawBlock | null = null
  let previousBlank = true
  /** Reference definitions are paragraph content: a line after one continues that paragraph. */
  let afterDefinition = false
  /** Content indents of the open list items, innermost last. */
  const listIndents: number[] = []

  const closeChunk = (): void => {
    if (chunk) chunks.push({ start: chunk.start, end: chunk.end })
    chunk = null
    afterDefinition = false
  }

  for (const line of lines) {
    const { columns: indent, at: textStart } = measureIndent(text, line.contentStart, line.end)
    const content = text.slice(textStart, line.end)
    const blank = content.trim() === ''

    if (raw) {
      const leftContainer =
        line.depth < raw.depth || (!blank && raw.listIndent > 0 && indent < raw.listIndent)
      if (!leftContainer) {
        // A deeper line's markers are part of the block's text and cannot close it.
        const sameLevel = line.depth === raw.depth
        if (!sameLevel) {
          // nothing closes here
        } else if (raw.kind === 'fence') {
          const close = FENCE_CLOSE.exec(text.slice(line.contentStart, line.end))
          if (close && close[1]![0] === raw.marker[0] && close[1]!.length >= raw.marker.length)
            raw = null
        } else if (raw.kind === 'until-blank') {
          if (blank) raw = null
        } else if (raw.kind === 'html-until-tag') {
          if (HTML_RAW_CLOSE.test(content)) raw = null
        } else if (content.includes('-->')) raw = null
        previousBlank = blank
        continue
      }
      raw = null
    }

    if (blank) {
      closeChunk()
      previousBlank = true
      continue
    }

    const paragraphOpen: boolean = chunk !== null || afterDefinition
    const lazy = chunk !== null && line.depth < chunk.depth && !startsBlock(content, indent)
    if (chunk && line.depth !== chunk.depth && !lazy) closeChunk()
    if (!lazy) {
      while (listIndents.length > 0 && indent < listIndents.at(-1)!) {
        if (paragraphOpen && !previousBlank && !startsBlock(content, indent)) break
        listIndents.pop()
      }
    }
    previousBlank = false

    // List markers open items; what follows a marker is read as the start of a line.
    let at = textStart
    let columns = indent
    let rest = content
    for (;;) {
      const base = listIndents.at(-1) ?? 0
      if (columns - base >= 4 || THEMATIC_BREAK.test(rest)) break
      const item = LIST_ITEM.exec(rest)
      if (!item) break
      if (
        paragraphOpen &&
        !lazy &&
        !(item[2] !== '' && (item[1]!.length === 1 || item[1] === '1.' || item[1] === '1)'))
      )
        break
      closeChunk()
      const markerEnd = columns + item[1]!.length
      const after = measureIndent(text, at + item[1]!.length, line.end)
      const spaces = after.columns
      const emptyItem = after.at === line.end
      const indentedCode = spaces >= 5
      listIndents.push(markerEnd + (emptyItem || indentedCode ? 1 : spaces))
      if (emptyItem) {
        rest = ''
        break
      }
      if (indentedCode) {
        rest = ''
        at = line.end
        break
      }
      at = after.at
      columns = markerEnd + spaces
      rest = text.slice(at, line.end)
    }
    if (rest === '') continue

    const base = listIndents.at(-1) ?? 0
    const openParagraph: boolean = chunk !== null || afterDefinition
    if (!openParagraph && columns - base >= 4) continue // indented code
    if (afterDefinition && columns - base >= 4 && readDefinition(rest, definitions)) continue

    if (columns - base < 4) {
      const fence = FENCE_OPEN.exec(rest)
      if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
        closeChunk()
        raw = { kind: 'fence', marker: fence[1]!, depth: line.depth, listIndent: base }
        continue
      }
      const htmlKind = htmlBlockStart(rest, openParagraph)
      if (htmlKind) {
        closeChunk()
        const endsHere =
          (htmlKind === 'html-until-tag' && HTML_RAW_CLOSE.test(rest)) ||
          (htmlKind === 'html-until-comment' && rest.includes('-->'))
        if (!endsHere) raw = { kind: htmlKind, marker: '', depth: line.depth, listIndent: base }
        continue
      }
      if (FOOTNOTE_DEFINITION.test(rest)) {
        // Footnotes render apart from the text (or not at all when unused): not counted.
        closeChunk()
        raw = { kind: 'until-blank', marker: '', depth: line.depth, listIndent: base }
        continue
      }
      if (chunk === null && readDefinition(rest, definitions)) {
        afterDefinition = true
        continue
      }
      if (ATX_HEADING.test(rest) || THEMATIC_BREAK.test(rest)) {
        closeChunk()
        chunks.push({ start: at, end: line.end })
        continue
      }
      if (openParagraph && SETEXT_UNDERLINE.test(rest)) {
        closeChunk()
        continue
      }
    }
    afterDefinition = false
    if (chunk) chunk.end = line.end
    else chunk = { start: at, end: line.end, depth: line.depth }
  }
  closeChunk()
  return { chunks, definitions }
}

/** Records a reference definition (`[label]: destination "title"`); false if the line is none. */
function readDefinition(line: string, definitions: Map<string, string>): boolean {
  const definition = DEFINITION.exec(line)
  if (!definition || definition[1]!.startsWith('^')) return false
  const rawDestination = definition[3]
  if (
    rawDestination !== undefined &&
    (rawDestination.startsWith('<') || !balancedParentheses(rawDestination))
  )
    return false
  const label = normalizeLabel(definition[1]!)
  if (label === '') return false
  if (!definitions.has(label)) {
    definitions.set(label, unescape(definition[2] ?? rawDestination ?? ''))
  }
  return true
}

function balancedParentheses(destination: string): boolean {
  let depth = 0
  for (let k = 0; k < destination.length; k++) {
    const c = destination[k]
    if (c === '\\') k++
    else if (c === '(') depth++
    else if (c === ')' && --depth < 0) return false
  }
  return depth === 0
}

/** Whether a line opens a block of its own rather than continuing a paragraph lazily. */
function startsBlock(content: string, indent: number): boolean {
  if (indent >= 4) return false
  return (
    ATX_HEADING.test(content) ||
    THEMATIC_BREAK.test(content) ||
    FENCE_OPEN.test(content) ||
    LIST_ITEM.test(content) ||
    /^>/.test(content) ||
    htmlBlockStart(content, true) !== null
  )
}

function htmlBlockStart(content: string, interruptsParagraph: boolean): RawBlock['kind'] | null {
  if (HTML_RAW_OPEN.test(content)) return 'html-until-tag'
  if (content.startsWith('<!--')) return 'html-until-comment'
  const tag = HTML_BLOCK_OPEN.exec(content)
  if (tag && HTML_BLOCK_TAGS.has(tag[1]!.toLowerCase())) return 'until-blank'
  if (!interruptsParagraph && HTML_COMPLETE_TAG.test(content)) return 'until-blank'
  return null
}

// ---------------------------------------------------------------- inline

interface Opener {
  at: number
  image: boolean
  active: boolean
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/
const AUTOLINK = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}):([^\s<>\p{Cc}]*)>/u
const INLINE_HTML =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>)/

function scanInline(
  text: string,
  from: number,
  to: number,
  definitions: ReadonlyMap<string, string>,
  out: NoteLink[],
): void {
  const openers: Opener[] = []
  const found: NoteLink[] = []
  let i = from
  while (i < to) {
    const c = text[i]
    if (c === '\\' && i + 1 < to && ASCII_PUNCTUATION.test(text[i + 1]!)) {
      i += 2
    } else if (c === '`') {
      i = skipCodeSpan(text, i, to)
    } else if (c === '<') {
      const rest = text.slice(i, Math.min(to, i + 4096))
      const auto = AUTOLINK.exec(rest)
      if (auto) {
        const link = parseNoteHref(`${auto[1]}:${auto[2]}`)
        if (link) {
          found.push({ ...link, text: `${auto[1]}:${auto[2]}`, start: i, end: i + auto[0].length })
        }
        i += auto[0].length
        continue
      }
      const html = INLINE_HTML.exec(rest)
      i += html ? html[0].length : 1
    } else if (c === '!' && text[i + 1] === '[') {
      openers.push({ at: i, image: true, active: true })
      i += 2
    } else if (c === '[') {
      openers.push({ at: i, image: false, active: true })
      i += 1
    } else if (c === ']') {
      const opener = openers.pop()
      if (!opener || !opener.active) {
        i += 1
        continue
      }
      const textStart = opener.at + (opener.image ? 2 : 1)
      const resolved = resolveLink(text, textStart, i, to, definitions)
      if (!resolved) {
        i += 1
        continue
      }
      if (opener.image) {
        // What an image's description holds renders as plain alt text, not as links.
        for (let k = found.length - 1; k >= 0 && found[k]!.start > opener.at; k--) found.pop()
      } else {
        const link = parseNoteHref(resolved.destination)
        if (link) {
          found.push({
            ...link,
            text: text.slice(textStart, i),
            start: opener.at,
            end: resolved.end,
          })
        }
        for (const earlier of openers) if (!earlier.image) earlier.active = false
      }
      i = resolved.end
    } else {
      i += 1
    }
  }
  out.push(...found)
}

function skipCodeSpan(text: string, at: number, to: number): number {
  let run = 0
  while (at + run < to && text[at + run] === '`') run++
  let k = at + run
  while (k < to) {
    const next = text.indexOf('`', k)
    if (next === -1 || next >= to) break
    let closeRun = 0
    while (next + closeRun < to && text[next + closeRun] === '`') closeRun++
    if (closeRun === run) return next + closeRun
    k = next + closeRun
  }
  return at + run
}

/** After `]` at `close`: an inline destination, a full, collapsed or shortcut reference. */
function resolveLink(
  text: string,
  textStart: number,
  close: number,
  to: number,
  definitions: ReadonlyMap<string, string>,
): { destination: string; end: number } | null {
  if (text[close + 1] === '(') {
    const inline = parseInlineDestination(text, close + 2, to)
    if (inline) return inline
  }
  if (text[close + 1] === '[') {
    // Followed by a bracket, only a full or collapsed reference can make a link.
    const labelEnd = findLabelEnd(text, close + 2, to)
    if (labelEnd === -1) return null
    const raw = text.slice(close + 2, labelEnd)
    const destination = definitions.get(
      normalizeLabel(raw === '' ? text.slice(textStart, close) : raw),
    )
    return destination === undefined ? null : { destination, end: labelEnd + 1 }
  }
  const shortcut = text.slice(textStart, close)
  if (/(?:^|[^\\])[[\]]/.test(shortcut) || shortcut.startsWith('^')) return null
  const destination = definitions.get(normalizeLabel(shortcut))
  return destination === undefined ? null : { destination, end: close + 1 }
}

function findLabelEnd(text: string, from: number, to: number): number {
  for (let k = from; k < to && k - from <= 999; k++) {
    const c = text[k]
    if (c === '\\') k++
    else if (c === '[') return -1
    else if (c === ']') return k
  }
  return -1
}

function parseInlineDestination(
  text: string,
  from: number,
  to: number,
): { destination: string; end: number } | null {
  let k = skipSpaceWithOneNewline(text, from, to)
  let destination: string
  if (text[k] === '<') {
    const start = k + 1
    for (k = start; k < to; k++) {
      const c = text[k]
      if (c === '\\') k++
      else if (c === '\n' || c === '<') return null
      else if (c === '>') break
    }
    if (k >= to) return null
    destination = text.slice(start, k)
    k++
  } else {
    const start = k
    let depth = 0
    for (; k < to; k++) {
      const c = text[k]!
      if (c === '\\' && k + 1 < to && ASCII_PUNCTUATION.test(text[k + 1]!)) k++
      else if (c === '(') depth++
      else if (c === ')') {
        if (depth === 0) break
        depth--
      } else if (c <= ' ' || c === '\u007f') break
    }
    if (depth !== 0) return null
    destination = text.slice(start, k)
  }
  const afterDestination = k
  k = skipSpaceWithOneNewline(text, k, to)
  const quote = text[k]
  if (k > afterDestination && (quote === '"' || quote === "'" || quote === '(')) {
    const closer = quote === '(' ? ')' : quote
    for (k = k + 1; k < to; k++) {
      const c = text[k]
      if (c === '\\') k++
      else if (c === closer) break
      else if (quote === '(' && c === '(') return null
    }
    if (k >= to) return null
    k = skipSpaceWithOneNewline(text, k + 1, to)
  }
  if (text[k] !== ')') return null
  return { destination: unescape(destination), end: k + 1 }
}

function skipSpaceWithOneNewline(text: string, from: number, to: number): number {
  let k = from
  let newlines = 0
  while (k < to) {
    const c = text[k]
    if (c === ' ' || c === '\t') k++
    else if (c === '\n' && newlines === 0) {
      newlines++
      k++
    } else break
  }
  return k
}

function unescape(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1')
}

/** Reference labels match case-insensitively with runs of whitespace collapsed. */
function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase()
    .toUpperCase()
}
