import { z } from 'zod'
import { method, NoInput } from './method'
import { ProjectInfo } from './project'

export const EXPORT_FORMAT = 'sightline-project'
export const EXPORT_FORMAT_VERSION = 1

/** Largest project file accepted for import, in characters (the HTTP transport caps bodies lower). */
export const MAX_IMPORT_CHARS = 128 * 1024 * 1024

/**
 * One file holding a whole project: every record (project.json as it would be stored) and
 * the normalized text of every source, keyed by its sha256.
 */
export const ProjectExportEnvelope = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: z.string(),
  /** Checked after migration against the project schema of its own schemaVersion. */
  project: z.unknown(),
  texts: z.record(z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256'), z.string()),
})
export type ProjectExportEnvelope = z.infer<typeof ProjectExportEnvelope>

export const ProjectExportFile = z.strictObject({
  /** A suggested file name, e.g. "armed-opposition.sightline.json". */
  fileName: z.string(),
  /** The JSON text of the file. */
  content: z.string(),
  bytes: z.number().int().nonnegative(),
})
export type ProjectExportFile = z.infer<typeof ProjectExportFile>

export const transferMethods = {
  /** The open project as one JSON file, source texts included. */
  'project.export': method(NoInput, ProjectExportFile),
  /**
   * Import a file made by project.export as a new project (under the projects folder) and
   * open it; refuses, with the list of problems, a file that is not sound.
   */
  'project.import': method(
    z.strictObject({
      content: z.string().min(1).max(MAX_IMPORT_CHARS),
      /** A name for the new project; the file's own name otherwise. */
      name: z.string().trim().min(1).max(500).optional(),
    }),
    ProjectInfo,
  ),
} as const
