import { AppError } from '../errors'

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface DecodedText {
  text: string
  encoding: TextEncodingName
  /** Set when the encoding was inferred rather than declared, to tell the analyst. */
  note?: string
}

/** Bytes Windows-1252 leaves undefined: their presence means the file is in some other encoding. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])

/**
 * Decodes a text file: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is
 * UTF-8, and anything else is read as Windows-1252 with a note saying so. Binary
 * content (NUL bytes, many control characters) is refused.
 */
export function decodeTextFile(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeStrict(bytes.subarray(2), 'utf-16le', fileName), encoding: 'utf-16le' }
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeStrict(bytes.subarray(2), 'utf-16be', fileName), encoding: 'utf-16be' }
  }
  const hasUtf8Bom =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes
  refuseBinary(body, fileName)
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' }
  } catch {
    if (hasUtf8Bom) {
      throw new AppError(
        'invalid_input',
        `"${fileName}" says it is UTF-8 but contains bytes that are not; it was not imported.`,
      )
    }
  }
  for (const byte of body) {
    if (UNDEFINED_IN_1252.has(byte)) {
      throw new AppError(
        'invalid_input',
        `"${fileName}" is neither UTF-8 nor Windows-1252 text, and Sightline will not guess its encoding. Save it as UTF-8 and import it again.`,
      )
    }
  }
  return {
    text: decodeWindows1252(body),
    encoding: 'windows-1252',
    note: `"${fileName}" is not UTF-8; it was read as Windows-1252 (Western European). Check accented letters and quotation marks.`,
  }
}

/** What Windows-1252 puts at 0x80–0x9F (Node's TextDecoder reads these as Latin-1 controls). */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'
const WINDOWS_1252_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'latin1',
  'iso-8859-1',
  'iso8859-1',
  'l1',
  'ascii',
  'us-ascii',
])

function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    const part = bytes.subarray(i, i + 8192)
    out += String.fromCharCode(
      ...Array.from(part, (byte) =>
        byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte,
      ),
    )
  }
  return out
}

/** Decodes with a named encoding (from an HTML charset declaration), refusing unknown labels. */
export function decodeWithLabel(bytes: Uint8Array, label: string, fileName: string): string {
  if (WINDOWS_1252_LABELS.has(label.toLowerCase())) return decodeWindows1252(bytes)
  let decoder: InstanceType<typeof TextDecoder>
  try {
    decoder = new TextDecoder(label)
  } catch {
    throw new AppError(
      'invalid_input',
      `"${fileName}" declares the character set "${label}", which Sightline cannot read.`,
    )
  }
  return decoder.decode(bytes)
}

function decodeStrict(
  bytes: Uint8Array,
  encoding: 'utf-16le' | 'utf-16be',
  fileName: string,
): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    throw new AppError(
      'invalid_input',
      `"${fileName}" starts with a UTF-16 marker but its content is not valid UTF-16; it was not imported.`,
    )
  }
}

function refuseBinary(bytes: Uint8Array, fileName: string): void {
  const sample = bytes.subarray(0, 64 * 1024)
  let control = 0
  for (const byte of sample) {
    if (byte === 0) {
      throw new AppError(
        'invalid_input',
        `"${fileName}" looks like a binary file, not text (it contains NUL bytes); it was not imported.`,
      )
    }
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++
  }
  if (sample.length > 0 && control / sample.length > 0.05) {
    throw new AppError(
      'invalid_input',
      `"${fileName}" looks like a binary file, not text (many control characters); it was not imported.`,
    )
  }
}
