import { z } from 'zod'
import { FolderPath, method, NoInput } from './method'
import { ProjectInfo } from './project'

/** Whether the open project's edits are on disk, and why not when they are not. */
export const SaveStatus = z.strictObject({
  /** Edits applied in memory and not yet written. */
  pending: z.boolean(),
  /** Successful writes since the project was opened. */
  writes: z.number().int().nonnegative(),
  /** Why the last write failed; cleared by the next write that succeeds. */
  lastError: z.string().optional(),
  /** When the project was last written (ISO time). */
  lastSavedAt: z.string().optional(),
  /** Why the last automatic backup failed, if it did (the project itself was saved). */
  backupError: z.string().optional(),
})
export type SaveStatus = z.infer<typeof SaveStatus>

/** How many records of each kind a backup holds, to tell backups apart in the list. */
export const BackupCounts = z.strictObject({
  sources: z.number().int(),
  annotations: z.number().int(),
  entities: z.number().int(),
  relations: z.number().int(),
  notes: z.number().int(),
})
export type BackupCounts = z.infer<typeof BackupCounts>

export const BACKUP_REASONS = [
  'auto',
  'manual',
  'before-restore',
  'before-migration',
  'import',
] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

/** The name of a backup: letters, digits and dashes only, so it cannot name another file. */
const BackupId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9-]+$/, 'a backup name uses letters, digits and "-" only')

export const BackupInfo = z.strictObject({
  id: BackupId,
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  bytes: z.number().int().nonnegative(),
  /** The bytes match the checksum written with them. */
  verified: z.boolean(),
  /** Why the backup cannot be trusted, when it cannot. */
  problem: z.string().optional(),
  projectName: z.string().optional(),
  counts: BackupCounts.optional(),
})
export type BackupInfo = z.infer<typeof BackupInfo>

export const DAMAGE_KINDS = [
  'empty',
  'nul-bytes',
  'truncated',
  'not-json',
  'not-a-project',
  'schema',
  'integrity',
  /** A v2 snapshot whose records do not match its trailer's count or sha256. */
  'checksum',
] as const
export type DamageKind = (typeof DAMAGE_KINDS)[number]

/** Why the last attempt to open a project failed, and what can bring it back. */
export const OpenFailure = z.strictObject({
  folder: z.string(),
  message: z.string(),
  /** Set when project.json was damaged (rather than missing, unreadable or too new). */
  damage: z.enum(DAMAGE_KINDS).optional(),
  /** Where the damaged file was moved, byte for byte, so nothing is lost. */
  movedTo: z.string().optional(),
  at: z.string(),
  /** The project's backups, newest first; the newest verified one is the one to offer. */
  backups: z.array(BackupInfo),
})
export type OpenFailure = z.infer<typeof OpenFailure>

export const WorkspaceStatus = z.strictObject({
  open: z.strictObject({ folder: z.string(), name: z.string() }).nullable(),
  failure: OpenFailure.nullable(),
})
export type WorkspaceStatus = z.infer<typeof WorkspaceStatus>

export const storageMethods = {
  /** Whether the open project's edits are saved, and the last save error if any. */
  'project.saveState': method(NoInput, SaveStatus),
  /** Write pending edits now (after a failure, to retry at once); fails if the disk refuses. */
  'project.save': method(NoInput, SaveStatus),
  /** The open project, if any, and why the last project could not be opened. */
  'workspace.status': method(NoInput, WorkspaceStatus),
  /** Backups of the open project, or of `folder` (a project that failed to open), newest first. */
  'backups.list': method(z.strictObject({ folder: FolderPath.optional() }), z.array(BackupInfo)),
  /** Back up the open project now. */
  'backups.create': method(NoInput, BackupInfo),
  /**
   * Restore a backup into the open project (backing up its current state first) or into
   * `folder` (a project that failed to open; a file still there is moved aside), and open it.
   */
  'backups.restore': method(
    z.strictObject({ id: BackupId, folder: FolderPath.optional() }),
    ProjectInfo,
  ),
} as const
