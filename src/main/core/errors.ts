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
