/**
 * Checksummed backups, kept in the project's own backups/ folder: `<id>.jsonl` holds a
 * compacted v2 snapshot (or `<id>.json` a v1 project.json, from earlier versions and from
 * before a v1 file's migration), `<id>.meta.json` its sha256 and a summary. A backup whose
 * bytes no longer match its checksum is listed as damaged and never restored.
 */
import { createHash, randomBytes } from 'node:crypto'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import {
  BACKUP_REASONS,
  BackupCounts,
  type BackupInfo,
  type BackupReason,
} from '../../shared/api/storage'
import { ProjectFile, SCHEMA_VERSION } from '../../shared/model'
import { pathExists, writeFileDurably, type WriteFs } from './durable-write'
import { AppError, appError } from './errors'
import { findIntegrityProblems } from './integrity'
import { migrateProjectFile, SchemaVersionError } from './migrations'
import { MAX_PROJECT_FILE_BYTES, readProjectFileText, unsafeShapeProblem } from './project-guard'
import { ensureFolderInside, openFileInside, readFileInside, UnsafeFileError } from './safe-files'
import { StoreFileProblem } from './store/format'
import { readSnapshotFile } from './store/loader'

export const BACKUPS_FOLDER = 'backups'

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

/** A v2 backup: a snapshot file. */
const SNAPSHOT_EXTENSION = '.jsonl'
/** A v1 backup: a whole project.json. */
const JSON_EXTENSION = '.json'

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

/** A new backup's name: sortable by time, saying why it was made. */
export function newBackupId(reason: BackupReason, now = new Date()): string {
  return `project-${stamp(now)}-${reason}-${randomBytes(2).toString('hex')}`
}

/** Where a v2 backup's snapshot goes (written there by a compaction, then recorded). */
export function backupSnapshotPath(projectFolder: string, id: string): string {
  return join(backupsFolder(projectFolder), `${id}${SNAPSHOT_EXTENSION}`)
}

/** The summary of a snapshot backup (a compaction's result, or counted in memory). */
interface SnapshotSummary {
  bytes: number
  fileSha256: string
  schemaVersion: number
  counts: Record<string, number>
  projectName?: string
}

/**
 * Records a snapshot already written (durably) at backupSnapshotPath: its checksum file,
 * then rotation. Until the checksum is there the backup is listed as unverified.
 */
export async function recordBackup(
  projectFolder: string,
  id: string,
  reason: BackupReason,
  summary: SnapshotSummary,
  fs?: WriteFs,
): Promise<BackupInfo> {
  const counts = summary.counts
  const meta: BackupMeta = {
    sha256: summary.fileSha256,
    bytes: summary.bytes,
    createdAt: dateOfStamp(ID_PATTERN.exec(id)?.[1] ?? stamp(new Date())),
    reason,
    schemaVersion: summary.schemaVersion,
    ...(summary.projectName !== undefined ? { projectName: summary.projectName } : {}),
    counts: {
      sources: counts.sources ?? 0,
      annotations: counts.annotations ?? 0,
      entities: counts.entities ?? 0,
      relations: counts.relations ?? 0,
      notes: counts.notes ?? 0,
    },
  }
  await writeFileDurably(
    join(backupsFolder(projectFolder), `${id}.meta.json`),
    JSON.stringify(meta),
    fs,
  )
  await pruneBackups(projectFolder, reason)
  return { id, ...infoFromMeta(meta), verified: true }
}

/** Keeps a copy of a snapshot file as a backup (the state a project was imported in). */
export async function copySnapshotAsBackup(
  projectFolder: string,
  snapshotPath: string,
  reason: BackupReason,
  file: ProjectFile,
  fs?: WriteFs,
): Promise<BackupInfo> {
  const id = newBackupId(reason)
  // The snapshot the import has just written in its staging folder.
  const bytes = await readFile(snapshotPath)
  await ensureFolderInside(projectFolder, BACKUPS_FOLDER)
  await writeFileDurably(backupSnapshotPath(projectFolder, id), bytes, fs)
  return recordBackup(
    projectFolder,
    id,
    reason,
    {
      bytes: bytes.length,
      fileSha256: createHash('sha256').update(bytes).digest('hex'),
      schemaVersion: file.schemaVersion,
      projectName: file.project.name,
      counts: backupCounts(file),
    },
    fs,
  )
}

/**
 * Writes a backup of `text` (the bytes of a v1 project.json) and rotates the old ones of
 * the same kind. The bytes go first and the checksum last, so a crash in between leaves a
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
  const id = newBackupId(reason, now)
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
  const ids = new Set<string>()
  for (const name of names) {
    if (name.endsWith('.meta.json')) continue
    const extension = [SNAPSHOT_EXTENSION, JSON_EXTENSION].find((e) => name.endsWith(e))
    if (extension) ids.add(name.slice(0, -extension.length))
  }
  return [...ids]
    .filter((id) => ID_PATTERN.test(id))
    .sort()
    .reverse()
}

/** A backup's bytes, inside the project folder: its snapshot, or for an older backup its project.json. */
async function backupFile(projectFolder: string, id: string): Promise<string> {
  const snapshot = `${BACKUPS_FOLDER}/${id}${SNAPSHOT_EXTENSION}`
  if (await pathExists(join(projectFolder, snapshot))) return snapshot
  return `${BACKUPS_FOLDER}/${id}${JSON_EXTENSION}`
}

/**
 * The sha256 of a backup's bytes, read as a project file of the folder may be. A snapshot
 * is streamed, so only a v1 backup (read whole to restore it) has the project file's cap.
 */
async function sha256OfBackup(projectFolder: string, file: string): Promise<string> {
  const cap = file.endsWith(SNAPSHOT_EXTENSION) ? Number.POSITIVE_INFINITY : MAX_PROJECT_FILE_BYTES
  const { handle } = await openFileInside(projectFolder, file, cap)
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
  const file = await backupFile(projectFolder, id)
  const size = await stat(join(projectFolder, file)).then(
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
  const actual = await sha256OfBackup(projectFolder, file).catch(() => null)
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
  if (!ID_PATTERN.test(id)) throw appError('invalid_input', 'notABackupName', { id })
  const file = await backupFile(projectFolder, id)
  const refuse = (why: string): AppError =>
    new AppError('storage', `The backup ${id} cannot be restored: ${why}.`)
  const info = await inspectBackup(projectFolder, id).catch(() => null)
  if (!info || info.bytes === 0) throw appError('not_found', 'noSuchBackup', { id })
  if (!info.verified) throw refuse(info.problem ?? 'it could not be verified')
  let raw: unknown
  try {
    raw = file.endsWith(SNAPSHOT_EXTENSION)
      ? (await readSnapshotFile(join(projectFolder, file), projectFolder)).file
      : JSON.parse(await readProjectFileText(projectFolder, file))
  } catch (error) {
    if (error instanceof UnsafeFileError) throw refuse(`its file ${error.detail}`)
    if (error instanceof StoreFileProblem) throw refuse(error.message)
    if (error instanceof SchemaVersionError) throw refuse(error.message)
    if (error instanceof SyntaxError) throw refuse(`it is not valid JSON (${error.message})`)
    throw error
  }
  const shapeProblem = unsafeShapeProblem(raw)
  if (shapeProblem) throw refuse(shapeProblem)
  let migrated: unknown
  try {
    migrated = migrateProjectFile(raw).file
  } catch (error) {
    if (error instanceof SchemaVersionError) throw refuse(error.message)
    throw error
  }
  const parsed = ProjectFile.safeParse(migrated)
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
    await rm(join(folder, `${id}${SNAPSHOT_EXTENSION}`), { force: true })
    await rm(join(folder, `${id}${JSON_EXTENSION}`), { force: true })
  }
}
