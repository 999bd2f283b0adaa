/**
 * What the open path checks before it trusts a project file, whatever the store's format:
 * project.json opened from disk and a backup being restored get the same limits as a
 * project file imported through the API (size, nesting, forbidden keys), are read without
 * following links, and a file that belongs to another program is refused without being
 * moved or renamed. Called from project-store.ts (open) and backups.ts (restore).
 */
import { MAX_IMPORT_CHARS } from '../../shared/api/transfer'
import { AppError } from './errors'
import { readFileInside } from './safe-files'
import { findShapeProblems, PROJECT_FILE_LIMITS } from './safe-json'

/** Largest project file opened or restored: the cap on an imported project file. */
export const MAX_PROJECT_FILE_BYTES = MAX_IMPORT_CHARS

/**
 * Reads a project file (`project.json`, `backups/<id>.json`) of `folder` as text: a regular
 * file inside the folder, reached without a link, at most MAX_PROJECT_FILE_BYTES. Throws
 * UnsafeFileError (reason 'missing' when it is not there) before anything is parsed.
 */
export async function readProjectFileText(folder: string, relativePath: string): Promise<string> {
  const { bytes } = await readFileInside(folder, relativePath, MAX_PROJECT_FILE_BYTES)
  return bytes.toString('utf8')
}

/** A project.json that is sound JSON but some other program's: refused, never moved aside. */
class ForeignProjectError extends AppError {
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(
      'storage',
      `${path} is not a Sightline project (it looks like ${kind}). Sightline did not open it and changed nothing in that folder; choose the folder of a Sightline project, or create a new project elsewhere.`,
    )
    this.name = 'ForeignProjectError'
  }
}

/** The top-level fields a Sightline project file has had in every version. */
const SIGHTLINE_FIELDS = [
  'schemaVersion',
  'project',
  'sources',
  'annotations',
  'entities',
  'relations',
  'notes',
  'reports',
  'views',
]

/**
 * Refuses parsed JSON that is an object with none of Sightline's top-level fields: Nx,
 * .NET (project.json of DNX) and other tools use the same file name. Anything with one of
 * our fields (or not an object at all) is left for the schema checks, which treat it as a
 * damaged Sightline file.
 */
export function refuseForeignProjectFile(raw: unknown, path: string): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return
  const keys = Object.keys(raw)
  if (keys.length === 0 || keys.some((key) => SIGHTLINE_FIELDS.includes(key))) return
  throw new ForeignProjectError(path, foreignKind(raw as Record<string, unknown>))
}

function foreignKind(raw: Record<string, unknown>): string {
  const schema = typeof raw.$schema === 'string' ? raw.$schema : ''
  if (/nx[/\\]schemas|nrwl/i.test(schema) || 'targets' in raw) return 'an Nx project configuration'
  if ('frameworks' in raw || ('dependencies' in raw && 'version' in raw)) {
    return 'a .NET project.json'
  }
  const shown = Object.keys(raw)
    .slice(0, 4)
    .map((key) => `"${key.slice(0, 40)}"`)
    .join(', ')
  return `another program's file, with the fields ${shown}`
}

/**
 * What makes parsed JSON unsafe to go on with, or null: nested deeper, or holding more
 * values, than an imported project may, or carrying a prototype-related key. Checked
 * before any schema check recurses into it.
 */
export function unsafeShapeProblem(raw: unknown): string | null {
  const problems = findShapeProblems(raw, PROJECT_FILE_LIMITS)
  if (problems.length === 0) return null
  return `${problems.slice(0, 3).join('; ')}, beyond what Sightline accepts in a project file`
}

/** Refuses (leaving the file untouched) a project file whose shape is unsafe. */
export function refuseUnsafeProjectShape(raw: unknown, path: string): void {
  const problem = unsafeShapeProblem(raw)
  if (problem) {
    throw new AppError('storage', `Cannot open ${path}: ${problem}. The file was left untouched.`)
  }
}
