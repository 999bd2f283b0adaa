/** The envelope every API call returns, whatever the transport. */
import type { ErrorText } from './error-texts'

export const ERROR_CODES = [
  'unknown_method',
  'invalid_input',
  'not_found',
  'conflict',
  'no_project',
  'storage',
  'payload_too_large',
  'forbidden',
  /** The capability is missing from this copy or machine (e.g. no Chromium to print). */
  'unavailable',
  /** The analyst stopped the work (an import) before it finished; nothing was changed. */
  'cancelled',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiErrorBody {
  code: ErrorCode
  message: string
  /** Field-level problems for invalid input: a path such as "attributes.phase" and its message. */
  issues?: { path: string; message: string }[]
  /** The message as a key of the error catalogue, for a window in another language. */
  text?: ErrorText
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(
  code: ErrorCode,
  message: string,
  issues?: ApiErrorBody['issues'],
  text?: ErrorText,
): Result<never> {
  return {
    ok: false,
    error: { code, message, ...(issues ? { issues } : {}), ...(text ? { text } : {}) },
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
