/** What a project folder holds on disk, read the way the store reads it (v2 or v1). */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { copySnapshotAsBackup } from '../../src/main/core/backups'
import { readProjectFolder, writeNewProjectFiles } from '../../src/main/core/project-store'
import { resealSnapshot } from '../../test/support/stored'

/** The name an entity has in the records on disk (undefined when it has none there). */
export async function savedName(projectDir: string, id: string): Promise<string | undefined> {
  return (await readProjectFolder(projectDir)).entities.find((e) => e.id === id)?.name
}

/** The relations the records on disk hold. */
export async function savedRelations(projectDir: string): Promise<{ from: string; to: string }[]> {
  return (await readProjectFolder(projectDir)).relations
}

/** The journal edits are appended to now: the file the next save writes. */
export async function currentJournal(projectDir: string): Promise<string> {
  const journals = (await readdir(projectDir))
    .map((name) => /^journal\.(\d+)\.jsonl$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]))
  if (!journals[0]) throw new Error(`${projectDir} has no journal`)
  return join(projectDir, journals[0][0])
}

/** The Markdown body of the note titled `title` as the records on disk hold it. */
export async function savedNoteBody(
  projectDir: string,
  title: string,
): Promise<string | undefined> {
  return (await readProjectFolder(projectDir)).notes.find((n) => n.title === title)?.body
}

/**
 * Writes into `folder` a copy of the project in `projectDir` whose records each pass their
 * schema and whose snapshot's trailer matches, but where a relation names an entity that
 * does not exist: damage only the integrity pass after an open can see. A backup of the
 * sound records is kept beside it. Returns the damaged snapshot's path and bytes.
 */
export async function writeInconsistentProject(
  projectDir: string,
  folder: string,
): Promise<{ snapshot: string; damaged: string }> {
  const file = await readProjectFolder(projectDir)
  await mkdir(folder, { recursive: true })
  const snapshot = await writeNewProjectFiles(folder, file)
  await copySnapshotAsBackup(folder, snapshot, 'manual', file)
  const sound = await readFile(snapshot, 'utf8')
  const damaged = resealSnapshot(sound.replace('"from":"per-ahmad-masoud"', '"from":"per-nobody"'))
  if (damaged === sound) throw new Error('The sample no longer has the relation this damages.')
  await writeFile(snapshot, damaged)
  return { snapshot, damaged }
}
