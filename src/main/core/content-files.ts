/**
 * Writing the content-addressed files of a project folder (sources/<sha256>.txt,
 * assets/<sha256>.<ext>): each is written once, durably, and only rewritten when the one
 * there is damaged (which repairs it). Used by the store and by the import worker, which
 * stores the text it read itself so that a long text never crosses to the main thread.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileDurably, writeFilesDurably, type WriteFs } from './durable-write'
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

/**
 * Stores many files as storeContentFile stores one, with one sync of the folder for all
 * (writeFilesDurably): an import's thousands of source texts would otherwise wait on the
 * disk twice each. Returns the hashes in the order of `items`.
 */
export async function storeContentFiles(
  root: string,
  folder: string,
  extension: string,
  /** Bytes, or texts stored as UTF-8 (each encoded in its turn, not all at once up front). */
  items: readonly (Uint8Array | string)[],
  files: ProjectFiles,
  fs?: WriteFs,
  /** The items' sha256 (hex), when the caller computed them already (an import's plan did). */
  knownHashes?: readonly string[],
): Promise<StoredFile[]> {
  const stored: StoredFile[] = []
  const toWrite = new Map<string, Uint8Array | string>()
  // One listing instead of a look per file: only a file that is there can be intact (an
  // import's thousands of texts are mostly new, and each look waited its turn on the disk).
  const present = new Set(await readdir(join(root, folder)).catch(() => [] as string[]))
  for (const [index, item] of items.entries()) {
    const known = knownHashes?.[index]
    // A text whose hash is known is encoded by its own write, not all of them up front
    // (an import's 26 MB bundle and 2,000 texts held the first write back).
    const data = known === undefined && typeof item === 'string' ? Buffer.from(item, 'utf8') : item
    const contentHash = known ?? (await sha256Hex(data as Uint8Array))
    const name = `${contentHash}.${extension}`
    const intact =
      toWrite.has(contentHash) ||
      (present.has(name) && (await files.isIntact(`${folder}/${name}`, contentHash)))
    if (!intact) toWrite.set(contentHash, data)
    stored.push({ contentHash, written: !intact })
  }
  if (toWrite.size === 0) return stored
  const inside = await ensureFolderInside(root, folder)
  await writeFilesDurably(
    inside,
    [...toWrite].map(([contentHash, data]) => ({ name: `${contentHash}.${extension}`, data })),
    fs,
  )
  for (const contentHash of toWrite.keys()) files.forget(contentHash)
  return stored
}
