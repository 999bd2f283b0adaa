import type { ApiErrorBody, ErrorCode } from '../../shared/result'

/** An error meant for the user: its message crosses the API boundary as is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ApiErrorBody['issues'],
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export function notFound(kind: string, id: string): AppError {
  return new AppError('not_found', `No ${kind} with id "${id}" in this project.`)
}

type FileProblem = NonNullable<ApiErrorBody['issues']>[number]

/** How many problems of a refused file are listed; the message names the first three. */
export const MAX_LISTED_PROBLEMS = 50

/** A file refused whole: the first problems in the message, up to 50 listed for the dialog. */
export function refuseFile(problems: FileProblem[], lead: string): AppError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS)
  const summary = listed
    .slice(0, 3)
    .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message))
    .join('; ')
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''
  return new AppError('invalid_input', `${lead}: ${summary}${more}. Nothing was imported.`, listed)
}
