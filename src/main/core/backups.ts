/**
 * Checksummed backups of project.json, kept in the project's own backups/ folder:
 * `<id>.json` holds the bytes, `<id>.meta.json` their sha256 and a summary. A backup
 * whose bytes no longer match its checksum is listed as damaged and never restored.
 */
import { createHash, randomBytes } from 'node:crypto'
import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import {
  BACKUP_REASONS,
  BackupCounts,
  type BackupInfo,
  type BackupReason,
} from '../../shared/api/storage'
import { ProjectFile, SCHEMA_VERSION } from '../../shared/model'
import { writeFileDurably, type WriteFs } from './durable-write'
import { AppError } from './errors'
import { findIntegrityProblems } from './integrity'
import { migrateProjectFile, SchemaVersionError } from './migrations'
import { MAX_PROJECT_FILE_BYTES, readProjectFileText, unsafeShapeProblem } from './project-guard'
import { ensureFolderInside, openFileInside, readFileInside, UnsafeFileError } from './safe-files'

const BACKUPS_FOLDER = 'backups'

/** How many backups of each kind survive rotation; the newest are kept. */
export const BACKUPS_KEPT: Record<BackupReason, number> = {
  auto: 10,
  manual: 10,
  'before-restore': 5,
  'before-migration': 5,
  import: 2,
}

const BackupMeta = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  schemaVersion: z.number().int().optional(),
  projectName: z.string().optional(),
  counts: BackupCounts.optional(),
})
type BackupMeta = z.infer<typeof BackupMeta>

const ID_PATTERN = /^project-(\d{8}T\d{9}Z)-([a-z-]+)-[0-9a-f]{4}$/

export function backupsFolder(projectFolder: string): string {
  return join(projectFolder, BACKUPS_FOLDER)
}

/** A sortable, file-name-safe stamp: 20260501T123000123Z. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '')
}

function dateOfStamp(text: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(text)
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : text
}

/** The record counts a backup's list entry shows. */
export function backupCounts(data: Partial<ProjectFile>): BackupCounts {
  return {
    sources: data.sources?.length ?? 0,
    annotations: data.annotations?.length ?? 0,
    entities: data.entities?.length ?? 0,
    relations: data.relations?.length ?? 0,
    notes: data.notes?.length ?? 0,
  }
}

function summarize(text: string): Pick<BackupMeta, 'schemaVersion' | 'projectName' | 'counts'> {
  try {
    const raw = JSON.parse(text) as Partial<ProjectFile>
    return {
      ...(typeof raw.schemaVersion === 'number' ? { schemaVersion: raw.schemaVersion } : {}),
      ...(typeof raw.project?.name === 'string' ? { projectName: raw.project.name } : {}),
      counts: backupCounts(raw),
    }
  } catch {
    return {}
  }
}

/**
 * Writes a backup of `text` (the bytes of a project.json) and rotates the old ones of the
 * same kind. The bytes go first and the checksum last, so a crash in between leaves a
 * backup without checksum, which is listed as unverified rather than trusted.
 */
export async function writeBackup(
  projectFolder: string,
  text: string,
  reason: BackupReason,
  options: { fs?: WriteFs; now?: Date; summary?: ReturnType<typeof summarize> } = {},
): Promise<BackupInfo> {
  const folder = backupsFolder(projectFolder)
  const now = options.now ?? new Date()
  const id = `project-${stamp(now)}-${reason}-${randomBytes(2).toString('hex')}`
  const bytes = Buffer.from(text, 'utf8')
  const meta: BackupMeta = {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    createdAt: now.toISOString(),
    reason,
    ...(options.summary ?? summarize(text)),
  }
  await ensureFolderInside(projectFolder, BACKUPS_FOLDER)
  await writeFileDurably(join(folder, `${id}.json`), bytes, options.fs)
  await writeFileDurably(join(folder, `${id}.meta.json`), JSON.stringify(meta), options.fs)
  await pruneBackups(projectFolder, reason)
  return { id, ...infoFromMeta(meta), verified: true }
}

function infoFromMeta(meta: BackupMeta): Omit<BackupInfo, 'id' | 'verified'> {
  return {
    createdAt: meta.createdAt,
    reason: meta.reason,
    bytes: meta.bytes,
    ...(meta.projectName !== undefined ? { projectName: meta.projectName } : {}),
    ...(meta.counts ? { counts: meta.counts } : {}),
  }
}

async function backupIds(projectFolder: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(backupsFolder(projectFolder))
  } catch {
    return []
  }
  return names
    .filter((n) => n.endsWith('.json') && !n.endsWith('.meta.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .filter((id) => ID_PATTERN.test(id))
    .sort()
    .reverse()
}

/** The sha256 of a backup's bytes, read as a project file of the folder may be. */
async function sha256OfBackup(projectFolder: string, id: string): Promise<string> {
  const { handle } = await openFileInside(
    projectFolder,
    `${BACKUPS_FOLDER}/${id}.json`,
    MAX_PROJECT_FILE_BYTES,
  )
  try {
    const hash = createHash('sha256')
    for await (const chunk of handle.createReadStream({ autoClose: false })) {
      hash.update(chunk as Buffer)
    }
    return hash.digest('hex')
  } finally {
    await handle.close()
  }
}

/** A checksum file is a few hundred bytes; anything much larger is not one. */
const MAX_META_BYTES = 64 * 1024

async function readMeta(projectFolder: string, id: string): Promise<BackupMeta | null> {
  try {
    const { bytes } = await readFileInside(
      projectFolder,
      `${BACKUPS_FOLDER}/${id}.meta.json`,
      MAX_META_BYTES,
    )
    const parsed = BackupMeta.safeParse(JSON.parse(bytes.toString('utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** One backup with its checksum verified against its bytes. */
async function inspectBackup(projectFolder: string, id: string): Promise<BackupInfo> {
  const [, stampText = '', reasonText = 'auto'] = ID_PATTERN.exec(id) ?? []
  const reason = (BACKUP_REASONS as readonly string[]).includes(reasonText)
    ? (reasonText as BackupReason)
    : 'auto'
  const path = join(backupsFolder(projectFolder), `${id}.json`)
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  )
  const meta = await readMeta(projectFolder, id)
  if (!meta) {
    return {
      id,
      createdAt: dateOfStamp(stampText),
      reason,
      bytes: size,
      verified: false,
      problem: 'its checksum file is missing or unreadable',
    }
  }
  const info = { id, ...infoFromMeta(meta) }
  if (size !== meta.bytes) {
    return { ...info, verified: false, problem: 'its size does not match its checksum file' }
  }
  const actual = await sha256OfBackup(projectFolder, id).catch(() => null)
  if (actual !== meta.sha256) {
    return { ...info, verified: false, problem: 'its bytes do not match its checksum' }
  }
  return { ...info, verified: true }
}

/** Every backup of a project, newest first, each checksum verified. */
export async function listBackups(projectFolder: string): Promise<BackupInfo[]> {
  const ids = await backupIds(projectFolder)
  const infos: BackupInfo[] = []
  for (const id of ids) infos.push(await inspectBackup(projectFolder, id))
  return infos
}

/** When the newest automatic backup was made, from the file names alone (no hashing). */
export async function newestAutoBackupTime(projectFolder: string): Promise<number | null> {
  for (const id of await backupIds(projectFolder)) {
    const [, stampText = '', reason] = ID_PATTERN.exec(id) ?? []
    if (reason === 'auto') return Date.parse(dateOfStamp(stampText))
  }
  return null
}

/**
 * Reads a backup for restoring: checksum, JSON, version (migrating an older one), schema
 * and references must all hold, or nothing is restored.
 */
export async function readBackup(projectFolder: string, id: string): Promise<ProjectFile> {
  if (!ID_PATTERN.test(id)) throw new AppError('invalid_input', `"${id}" is not a backup name.`)
  const refuse = (why: string): AppError =>
    new AppError('storage', `The backup ${id} cannot be restored: ${why}.`)
  const info = await inspectBackup(projectFolder, id).catch(() => null)
  if (!info || info.bytes === 0) throw new AppError('not_found', `There is no backup ${id}.`)
  if (!info.verified) throw refuse(info.problem ?? 'it could not be verified')
  let raw: unknown
  try {
    raw = JSON.parse(await readProjectFileText(projectFolder, `${BACKUPS_FOLDER}/${id}.json`))
  } catch (error) {
    if (error instanceof UnsafeFileError) throw refuse(`its file ${error.detail}`)
    throw refuse(`it is not valid JSON (${(error as Error).message})`)
  }
  const shapeProblem = unsafeShapeProblem(raw)
  if (shapeProblem) throw refuse(shapeProblem)
  let file: unknown
  try {
    file = migrateProjectFile(raw).file
  } catch (error) {
    if (error instanceof SchemaVersionError) throw refuse(error.message)
    throw error
  }
  const parsed = ProjectFile.safeParse(file)
  if (!parsed.success) {
    throw refuse(
      `it does not match the project schema (version ${SCHEMA_VERSION}): ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)
        .join('; ')}`,
    )
  }
  const problems = findIntegrityProblems(parsed.data, 5)
  if (problems.length > 0) throw refuse(`its records are inconsistent: ${problems.join('; ')}`)
  return parsed.data
}

/** Keeps the newest BACKUPS_KEPT[reason] backups of that kind; removes both files of the rest. */
async function pruneBackups(projectFolder: string, reason: BackupReason): Promise<void> {
  const ofKind = (await backupIds(projectFolder)).filter(
    (id) => ID_PATTERN.exec(id)?.[2] === reason,
  )
  for (const id of ofKind.slice(BACKUPS_KEPT[reason])) {
    const folder = backupsFolder(projectFolder)
    // Checksum first: a crash between the two leaves an unverified backup, never a trusted stray.
    await rm(join(folder, `${id}.meta.json`), { force: true })
    await rm(join(folder, `${id}.json`), { force: true })
  }
}
