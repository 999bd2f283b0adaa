import { contract, isMethodName } from '../../shared/contract'
import { fail, ok, type Result } from '../../shared/result'
import { AppError, appError } from './errors'
import { handlers } from './handlers'
import { API_INPUT_LIMITS, findShapeProblems } from './safe-json'
import type { Workspace } from './workspace'

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>

export interface DispatchOptions {
  /** Check every output against the contract too (tests); costs time on large lists. */
  validateOutput?: boolean
  /** Where unexpected errors go; the client only ever sees a generic message. */
  logError?: (error: unknown, method: string) => void
}

/**
 * The one entry point of the API, whatever the transport: validates `unknown` input
 * with the contract, calls the service, and wraps the outcome in the result envelope.
 * Never throws.
 */
export function createDispatch(workspace: Workspace, options: DispatchOptions = {}): Dispatch {
  const logError = options.logError ?? ((error, method) => console.error(`[${method}]`, error))
  return async (method, input) => {
    if (!isMethodName(method)) {
      return fail('unknown_method', `There is no method "${String(method).slice(0, 100)}".`)
    }
    const spec = contract[method]
    // Before zod: its recursion must never meet input nested deep enough to overflow.
    const [shapeProblem] = findShapeProblems(input, API_INPUT_LIMITS)
    if (shapeProblem) {
      return fail('invalid_input', `Invalid input for ${method}: ${shapeProblem}.`, [
        { path: '', message: shapeProblem },
      ])
    }
    const parsed = spec.input.safeParse(input ?? {})
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 20).map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      }))
      const first = issues[0]
      return fail(
        'invalid_input',
        `Invalid input for ${method}${first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : ''}.`,
        issues,
      )
    }
    try {
      const handler = handlers[method] as (input: unknown, ws: Workspace) => unknown
      const value = await handler(parsed.data, workspace)
      if (options.validateOutput) {
        const checked = spec.output.safeParse(value)
        if (!checked.success) {
          logError(checked.error, method)
          return fail('internal', `The result of ${method} did not match the contract.`)
        }
      }
      return ok(value)
    } catch (error) {
      if (error instanceof AppError) {
        return fail(error.code, error.message, error.issues, error.text)
      }
      logError(error, method)
      const { message, text } = appError('internal', 'unexpected', { method })
      return fail('internal', message, undefined, text)
    }
  }
}
