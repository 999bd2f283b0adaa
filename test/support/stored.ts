/** What a project folder holds on disk, for tests that check an edit reached it. */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readProjectFolder } from '../../src/main/core/project-store'
import { journalName, listStoreFiles, snapshotName } from '../../src/main/core/store/format'

/** The records on disk (v2 snapshot and journals, or a v1 project.json), read as the store reads them. */
export const readStored = readProjectFolder

/** Every store file's text, joined: for "this never reached the disk" checks. */
export async function storedText(folder: string): Promise<string> {
  const { snapshots, journals } = await listStoreFiles(folder)
  const names = [...snapshots.map(snapshotName), ...journals.map(journalName)]
  const texts = await Promise.all(names.map((name) => readFile(join(folder, name), 'utf8')))
  return texts.join('\n')
}

/** The newest snapshot of a v2 folder (the file a test damages). */
export async function newestSnapshot(folder: string): Promise<string> {
  const { snapshots } = await listStoreFiles(folder)
  if (snapshots[0] === undefined) throw new Error(`${folder} has no snapshot`)
  return join(folder, snapshotName(snapshots[0]))
}

/**
 * A snapshot's text with its trailer made to match its records again: for damage that
 * only the schema or the integrity check can see (a checksum would catch anything else).
 */
export function resealSnapshot(text: string): string {
  const lines = text.split('\n').filter((line) => line !== '')
  const records = lines.slice(1, -1).map((line) => `${line}\n`)
  const sha256 = createHash('sha256').update(records.join('')).digest('hex')
  return `${lines[0]}\n${records.join('')}${JSON.stringify({ end: true, records: records.length, sha256 })}\n`
}
