import { z } from 'zod'
import { method, NoInput } from './method'

/** The conflict "field" that stands for the whole record: a deletion against an edit. */
export const WHOLE_RECORD = '(record)'

export const SYNC_STATES = ['off', 'idle', 'syncing', 'synced', 'offline', 'error'] as const

/** Where the open project's team sync stands: what the header shows. */
export const SyncStatus = z.strictObject({
  /** Linked to a team hub. */
  linked: z.boolean(),
  /** The hub's database URL (never with credentials). */
  remote: z.string().optional(),
  username: z.string().optional(),
  /** Replicating continuously (resumes by itself after sleep or a lost network). */
  live: z.boolean(),
  state: z.enum(SYNC_STATES),
  /** Documents moved in the replication running now, and how many it knows of in all. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Why the last sync failed or is waiting (offline, refused password…). */
  reason: z.string().optional(),
  lastSyncAt: z.string().optional(),
  conflicts: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  /** The name this analyst's edits carry. */
  author: z.string(),
})
export type SyncStatus = z.infer<typeof SyncStatus>

/** One field of a record that both sides changed. `base` absent: the ancestor is not known. */
export const ConflictField = z.strictObject({
  field: z.string(),
  mine: z.unknown(),
  theirs: z.unknown(),
  base: z.unknown().optional(),
  /** For a text both sides changed: a line-wise merge with each clash marked, to edit. */
  textMerge: z.string().optional(),
})
export type ConflictField = z.infer<typeof ConflictField>

export const SyncConflict = z.strictObject({
  /** `<collection>:<id>` */
  docId: z.string(),
  collection: z.string(),
  id: z.string(),
  label: z.string(),
  /** Who made the other side, and when. */
  theirAuthor: z.string(),
  theirAt: z.string(),
  myAuthor: z.string(),
  /** The record on each side (null: deleted) and the common ancestor when known. */
  mine: z.record(z.string(), z.unknown()).nullable(),
  theirs: z.record(z.string(), z.unknown()).nullable(),
  base: z.record(z.string(), z.unknown()).nullable().optional(),
  fields: z.array(ConflictField),
})
export type SyncConflict = z.infer<typeof SyncConflict>

export const TeamActivity = z.strictObject({
  at: z.string(),
  author: z.string(),
  action: z.enum(['added', 'changed', 'deleted', 'merged', 'resolved']),
  collection: z.string(),
  id: z.string(),
  label: z.string(),
})
export type TeamActivity = z.infer<typeof TeamActivity>

export const QuarantinedDoc = z.strictObject({
  docId: z.string(),
  rev: z.string(),
  author: z.string(),
  reason: z.string(),
  at: z.string(),
})
export type QuarantinedDoc = z.infer<typeof QuarantinedDoc>

export const TeamOverview = z.strictObject({
  status: SyncStatus,
  /** Changes that came from the hub, newest first. */
  activity: z.array(TeamActivity),
  quarantine: z.array(QuarantinedDoc),
})
export type TeamOverview = z.infer<typeof TeamOverview>

const Url = z.string().min(1).max(2000)

export const syncMethods = {
  /** The header's sync status. */
  'sync.status': method(NoInput, SyncStatus),
  /** The Team panel: status, who changed what, documents refused. */
  'sync.team': method(NoInput, TeamOverview),
  /** Links the open project to a hub (https, or http on loopback); the password goes to the vault. */
  'sync.link': method(
    z.strictObject({
      url: Url,
      username: z.string().max(200).optional(),
      password: z.string().max(1000).optional(),
      live: z.boolean().default(false),
    }),
    SyncStatus,
  ),
  /** Forgets the hub and its password; the records stay. */
  'sync.unlink': method(NoInput, SyncStatus),
  /** Starts a sync both ways now; the status shows its progress. */
  'sync.now': method(NoInput, SyncStatus),
  /** The name this analyst's edits carry to the team. */
  'sync.setAuthor': method(
    z.strictObject({ author: z.string().trim().min(1).max(120) }),
    SyncStatus,
  ),
  'sync.conflicts': method(NoInput, z.array(SyncConflict)),
  /** Settles a conflict with the record as chosen (null: deleted); the other revisions are dropped. */
  'sync.resolve': method(
    z.strictObject({
      docId: z.string().min(3).max(400),
      value: z.record(z.string(), z.unknown()).nullable(),
    }),
    SyncStatus,
  ),
}
