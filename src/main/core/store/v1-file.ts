/**
 * Reading a v1 project.json (the whole project in one JSON document), as Sightline did
 * before the journal: the sample in data/ and projects from earlier versions. The store
 * converts what this returns to v2 on open; nothing writes v1 files any more.
 */
import { basename, dirname } from 'node:path'
import { ProjectFile } from '../../../shared/model'
import { AppError } from '../errors'
import { findIntegrityProblems } from '../integrity'
import { migrateProjectFile, NewerSchemaError, SchemaVersionError } from '../migrations'
import {
  readProjectFileText,
  refuseForeignProjectFile,
  refuseUnsafeProjectShape,
} from '../project-guard'
import { UnsafeFileError } from '../safe-files'
import { DamagedProjectError, schemaDamage } from './damage'

export interface V1Read {
  file: ProjectFile
  migratedFrom?: number
  /** The bytes read, kept only when a migration will replace them (they get backed up). */
  textBeforeMigration?: string
}

function refuse(path: string, problem: string): AppError {
  return new AppError('storage', `Cannot open ${path}: ${problem}. The file was left untouched.`)
}

/**
 * Reads and validates a v1 file; refuses (and leaves alone) one it cannot trust: a link, a
 * file that is not regular or too large, another program's project.json, an unsafe shape.
 */
export async function readV1File(path: string): Promise<V1Read> {
  const folder = dirname(path)
  let text: string
  try {
    text = await readProjectFileText(folder, basename(path))
  } catch (error) {
    if (error instanceof UnsafeFileError && error.reason === 'missing') {
      throw new AppError('not_found', `There is no project.json or snapshot in ${folder}.`)
    }
    if (error instanceof UnsafeFileError) throw refuse(path, `it ${error.detail}`)
    throw refuse(path, `it could not be read (${(error as Error).message})`)
  }
  if (text.trim() === '') throw new DamagedProjectError('empty', path, 'it is empty')
  // Zero-filled blocks are what a power cut leaves on some file systems.
  if (text.includes('\0')) throw new DamagedProjectError('nul-bytes', path, 'it contains NUL bytes')
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    // Cut short: the parser ran out of text rather than meeting a wrong character.
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? NaN)
    const truncated =
      /end of (JSON )?input|Unterminated/i.test(message) || position >= text.trimEnd().length
    throw new DamagedProjectError(
      truncated ? 'truncated' : 'not-json',
      path,
      truncated ? `it is cut short (${message})` : `it is not valid JSON (${message})`,
    )
  }
  refuseForeignProjectFile(raw, path)
  refuseUnsafeProjectShape(raw, path)
  let migrated: ReturnType<typeof migrateProjectFile>
  try {
    migrated = migrateProjectFile(raw)
  } catch (error) {
    // A newer file is sound: refuse it, but it is not damage and stays where it is.
    if (error instanceof NewerSchemaError) throw refuse(path, error.message)
    if (error instanceof SchemaVersionError) {
      throw new DamagedProjectError('not-a-project', path, error.message)
    }
    throw error
  }
  const parsed = ProjectFile.safeParse(migrated.file)
  if (!parsed.success) throw schemaDamage(parsed.error, path)
  const problems = findIntegrityProblems(parsed.data, 5)
  if (problems.length > 0) {
    throw new DamagedProjectError(
      'integrity',
      path,
      `its records are inconsistent: ${problems.join('; ')}`,
    )
  }
  return {
    file: parsed.data,
    ...(migrated.migratedFrom !== undefined
      ? { migratedFrom: migrated.migratedFrom, textBeforeMigration: text }
      : {}),
  }
}
