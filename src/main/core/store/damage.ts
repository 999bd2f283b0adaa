import type { z } from 'zod'
import type { DamageKind } from '../../../shared/api/storage'
import { AppError } from '../errors'
import type { StoreFileProblem } from './format'

/**
 * A project whose files cannot be trusted: never overwritten. The workspace moves `files`
 * aside (renamed, every byte kept) and offers the backups.
 */
export class DamagedProjectError extends AppError {
  constructor(
    readonly damage: DamageKind,
    /** The file with the problem. */
    readonly path: string,
    readonly problem: string,
    /** Every file of the store that goes aside with it (a v2 snapshot and its journals). */
    readonly files: readonly string[] = [path],
  ) {
    super('storage', `Cannot open ${path}: ${problem}. The file was left untouched.`)
    this.name = 'DamagedProjectError'
  }
}

const KIND: Record<StoreFileProblem['kind'], DamageKind> = {
  empty: 'empty',
  truncated: 'truncated',
  'not-a-project': 'not-a-project',
  'not-json': 'not-json',
  schema: 'schema',
  checksum: 'checksum',
  sequence: 'integrity',
  'nul-bytes': 'nul-bytes',
}

export function damageOf(problem: StoreFileProblem, files: readonly string[]): DamagedProjectError {
  return new DamagedProjectError(KIND[problem.kind], problem.file, problem.message, files)
}

/** A whole file the project schema refuses, told by its first few issues. */
export function schemaDamage(
  error: z.ZodError,
  path: string,
  files: readonly string[] = [path],
): DamagedProjectError {
  const lines = error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`)
  return new DamagedProjectError(
    'schema',
    path,
    `it does not match the project schema: ${lines.join('; ')}`,
    files,
  )
}
