import type { z } from 'zod'
import { AppError } from '../errors'

/** Parses a record about to be stored; a failure becomes invalid_input with each problem. */
export function validRecord<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }))
  const first = issues[0]
  throw new AppError(
    'invalid_input',
    `This ${what} was not saved: ${first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'it is invalid'}.`,
    issues,
  )
}
