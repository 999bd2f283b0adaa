/**
 * The error every API call rejects with. It lives apart from the client so that views can
 * tell a refusal of Sightline (with its code and issues) from any other failure without
 * reaching the client itself, which only the api/ modules may import.
 */
import { ERROR_TEXTS, isErrorTextKey } from '../../../shared/error-texts'
import type { ApiErrorBody, ErrorCode } from '../../../shared/result'
import { currentLanguage, t, type Language } from '../ui/i18n'

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly issues: ApiErrorBody['issues']

  constructor(body: ApiErrorBody) {
    super(localMessage(body))
    this.name = 'ApiError'
    this.code = body.code
    this.issues = body.issues
  }
}

/**
 * The refusal in the window's language: a keyed message in full; any other under the headline
 * of its code, with the main process's English kept apart as a bidi isolate so it reads whole
 * inside a right-to-left line.
 */
export function localMessage(body: ApiErrorBody, language: Language = currentLanguage()): string {
  if (language === 'en') return body.message
  const lng = { lng: language }
  const text = body.text
  if (text && isErrorTextKey(text.key)) {
    const values: Record<string, unknown> = { ...text.values, ...lng }
    const kind = values['kind']
    if (typeof kind === 'string' && Object.hasOwn(ERROR_TEXTS.kinds, kind)) {
      values['kind'] = t(`errors.kinds.${kind}`, lng)
    }
    return t(`errors.${text.key}`, values)
  }
  return `${t(`errors.code.${body.code}`, lng)} \u2068${body.message}\u2069`
}
