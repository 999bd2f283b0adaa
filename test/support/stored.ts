/** What a project folder holds on disk, for tests that check an edit reached it. */
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
