/**
 * Writing the content-addressed files of a project folder (sources/<sha256>.txt,
 * assets/<sha256>.<ext>): each is written once, durably, and only rewritten when the one
 * there is damaged (which repairs it). Used by the store and by the import worker, which
 * stores the text it read itself so that a long text never crosses to the main thread.
 */
import { join } from 'node:path'
import { writeFileDurably, type WriteFs } from './durable-write'
import { sha256Hex } from './hashing'
import { ensureFolderInside, type ProjectFiles } from './safe-files'

export interface StoredFile {
  contentHash: string
  /** False when an intact copy was there already. */
  written: boolean
}

/**
 * Stores `bytes` as `<folder>/<sha256>.<extension>` inside the project at `root`, unless
 * an intact copy is there. `files` is told, so that damage found earlier is forgotten.
 */
export async function storeContentFile(
  root: string,
  folder: string,
  extension: string,
  bytes: Uint8Array,
  files: ProjectFiles,
  fs?: WriteFs,
): Promise<StoredFile> {
  const contentHash = await sha256Hex(bytes)
  const name = `${contentHash}.${extension}`
  if (await files.isIntact(`${folder}/${name}`, contentHash)) return { contentHash, written: false }
  const inside = await ensureFolderInside(root, folder)
  await writeFileDurably(join(inside, name), bytes, fs)
  files.forget(contentHash)
  return { contentHash, written: true }
}
