/**
 * An uploaded file's chunks as the main process keeps them: each in shared memory, so that
 * handing the upload to the exchange worker copies nothing. Posting the chunks as strings
 * made the main thread copy the whole file (26 MB for the medium bundle) in one turn.
 * A chunk is kept as Latin-1 when every code unit fits in a byte, else as UTF-16 code
 * units: both give back the very string, unpaired surrogates included.
 */
export interface UploadPart {
  bytes: SharedArrayBuffer
  encoding: 'latin1' | 'utf16le'
}

/** A code unit above one byte. */
const WIDE = /[\u0100-\uffff]/

export function toUploadPart(text: string): UploadPart {
  const encoding = WIDE.test(text) ? 'utf16le' : 'latin1'
  const bytes = new SharedArrayBuffer(encoding === 'latin1' ? text.length : text.length * 2)
  Buffer.from(bytes).write(text, encoding)
  return { bytes, encoding }
}

export function uploadPartText(part: UploadPart): string {
  return Buffer.from(part.bytes).toString(part.encoding)
}
