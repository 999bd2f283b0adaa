import { SCHEMA_VERSION } from '../../shared/model'

/**
 * Migration i upgrades a file from schema version i + 1 to i + 2; they run in order
 * on open. v1 is the first version, so the list is empty for now.
 */
type Migration = (file: Record<string, unknown>) => Record<string, unknown>
export const MIGRATIONS: readonly Migration[] = []

export class SchemaVersionError extends Error {}

/** A file from a newer Sightline: sound, just not ours to read or to move. */
export class NewerSchemaError extends SchemaVersionError {}

/** Brings a parsed project file up to SCHEMA_VERSION; refuses files from a newer app. */
export function migrateProjectFile(raw: unknown): { file: unknown; migratedFrom?: number } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SchemaVersionError('the top level is not a JSON object')
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new SchemaVersionError('it has no valid "schemaVersion"')
  }
  if (version > SCHEMA_VERSION) {
    throw new NewerSchemaError(
      `it was written by a newer version of Sightline (schema version ${version}; this version reads up to ${SCHEMA_VERSION})`,
    )
  }
  if (version === SCHEMA_VERSION) return { file: raw }
  let file = raw as Record<string, unknown>
  for (let from = version; from < SCHEMA_VERSION; from++) {
    const migrate = MIGRATIONS[from - 1]
    if (!migrate) throw new SchemaVersionError(`no migration from schema version ${from}`)
    file = { ...migrate(file), schemaVersion: from + 1 }
  }
  return { file, migratedFrom: version }
}
