/**
 * The error every API call rejects with. It lives apart from the client so that views can
 * tell a refusal of Sightline (with its code and issues) from any other failure without
 * reaching the client itself, which only the api/ modules may import.
 */
import type { ApiErrorBody, ErrorCode } from '../../../shared/result'

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly issues: ApiErrorBody['issues']

  constructor(body: ApiErrorBody) {
    super(body.message)
    this.name = 'ApiError'
    this.code = body.code
    this.issues = body.issues
  }
}
