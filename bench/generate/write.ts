import { mkdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  folderHoldsProject,
  PROJECT_FILE,
  SOURCES_FOLDER,
  writeNewProjectFiles,
} from '../../src/main/core/project-store'
import { journalName, listStoreFiles, snapshotName } from '../../src/main/core/store/format'
import type { GeneratedProject } from './generate'

export interface WriteOptions {
  /** Replace a project already in the folder (never the default: it may be real work). */
  overwrite?: boolean
}

export interface WrittenProject {
  folder: string
  /** The project's snapshot (a v2 folder: snapshot.1.jsonl and an empty journal). */
  projectFile: string
  /** Size of the snapshot in bytes. */
  projectBytes: number
  /** Total size of the source texts in bytes. */
  textBytes: number
}

/**
 * Writes a generated project as the store lays one out: a v2 snapshot (and its empty
 * journal) and sources/<sha256>.txt. A generated folder can be generated again, so the
 * texts are plain writes; the snapshot goes through the store's own writer.
 */
export async function writeProjectFolder(
  folder: string,
  project: GeneratedProject,
  options: WriteOptions = {},
): Promise<WrittenProject> {
  if (await folderHoldsProject(folder)) {
    if (!options.overwrite) {
      throw new Error(`${folder} already holds a project; choose another folder or overwrite it`)
    }
    const { snapshots, journals } = await listStoreFiles(folder)
    for (const name of [
      PROJECT_FILE,
      ...snapshots.map(snapshotName),
      ...journals.map(journalName),
    ]) {
      await rm(join(folder, name), { force: true })
    }
  }
  await mkdir(join(folder, SOURCES_FOLDER), { recursive: true })
  let textBytes = 0
  for (const [hash, text] of project.texts) {
    const bytes = Buffer.from(text, 'utf8')
    textBytes += bytes.length
    await writeFile(join(folder, SOURCES_FOLDER, `${hash}.txt`), bytes)
  }
  const projectFile = await writeNewProjectFiles(folder, project.file)
  return { folder, projectFile, projectBytes: (await stat(projectFile)).size, textBytes }
}
