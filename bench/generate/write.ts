import { mkdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PROJECT_FILE, SOURCES_FOLDER } from '../../src/main/core/project-store'
import type { GeneratedProject } from './generate'

export interface WriteOptions {
  /** Replace a project.json already in the folder (never the default: it may be real work). */
  overwrite?: boolean
}

export interface WrittenProject {
  folder: string
  projectFile: string
  /** Size of project.json in bytes. */
  projectBytes: number
  /** Total size of the source texts in bytes. */
  textBytes: number
}

/**
 * Writes a generated project as the store lays one out: project.json (compact, as the
 * store writes it) and sources/<sha256>.txt. Plain writes: a generated folder can be
 * generated again, so it needs none of the store's durability.
 */
export async function writeProjectFolder(
  folder: string,
  project: GeneratedProject,
  options: WriteOptions = {},
): Promise<WrittenProject> {
  const projectFile = join(folder, PROJECT_FILE)
  if (!options.overwrite && (await exists(projectFile))) {
    throw new Error(`${folder} already holds a project; choose another folder or overwrite it`)
  }
  await mkdir(join(folder, SOURCES_FOLDER), { recursive: true })
  let textBytes = 0
  for (const [hash, text] of project.texts) {
    const bytes = Buffer.from(text, 'utf8')
    textBytes += bytes.length
    await writeFile(join(folder, SOURCES_FOLDER, `${hash}.txt`), bytes)
  }
  const json = JSON.stringify(project.file)
  await writeFile(projectFile, json)
  return { folder, projectFile, projectBytes: Buffer.byteLength(json), textBytes }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
