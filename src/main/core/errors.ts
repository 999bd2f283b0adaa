import {
  englishErrorText,
  type ErrorKind,
  type ErrorText,
  type ErrorTextKey,
  type ErrorTextValues,
} from '../../shared/error-texts'
import type { ApiErrorBody, ErrorCode } from '../../shared/result'

/** An error meant for the user: its message crosses the API boundary as is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ApiErrorBody['issues'],
    /** The same message as a key of the shared catalogue, so the window can translate it. */
    readonly text?: ErrorText,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** An error worded by the shared catalogue: English here, the analyst's language in the window. */
export function appError(
  code: ErrorCode,
  key: ErrorTextKey,
  values?: ErrorTextValues,
  issues?: ApiErrorBody['issues'],
): AppError {
  const text: ErrorText = values ? { key, values } : { key }
  return new AppError(code, englishErrorText(text), issues, text)
}

export function notFound(kind: ErrorKind, id: string): AppError {
  return appError('not_found', 'notFound', { kind, id })
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
