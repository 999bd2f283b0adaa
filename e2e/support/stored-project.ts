/** What a project folder holds on disk, read the way the store reads it (v2 or v1). */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { readProjectFolder } from '../../src/main/core/project-store'

/** The name an entity has in the records on disk (undefined when it has none there). */
export async function savedName(projectDir: string, id: string): Promise<string | undefined> {
  return (await readProjectFolder(projectDir)).entities.find((e) => e.id === id)?.name
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
