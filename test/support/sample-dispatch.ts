import type { MethodName, MethodOutput } from '../../src/shared/contract'
import type { ApiErrorBody, Result } from '../../src/shared/result'
import { createDispatch, type Dispatch } from '../../src/main/core/dispatch'
import { copySample, tempDir } from './folders'
import { Workspace } from '../../src/main/core/workspace'

export interface SampleSession {
  workspace: Workspace
  dispatch: Dispatch
  /** Calls a method and returns its value; throws with the error if it failed. */
  value<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>>
  /** Calls a method that must fail and returns its error. */
  error(method: string, input: unknown): Promise<ApiErrorBody>
  /** A deep copy of the records, to prove a refused call changed nothing. */
  snapshot(): string
  close(): Promise<void>
}

/** Tests: a dispatch over a fresh temp copy of the sample project, outputs checked. */
export async function openSample(): Promise<SampleSession> {
  const dir = await tempDir()
  const workspace = new Workspace({ userDataDir: dir.path, store: { writeDelayMs: 10 } })
  await workspace.open(await copySample(dir.path))
  const dispatch = createDispatch(workspace, {
    validateOutput: true,
    logError: (e) => {
      throw e
    },
  })
  const unwrap = (result: Result<unknown>, method: string): unknown => {
    if (!result.ok)
      throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
    return result.value
  }
  return {
    workspace,
    dispatch,
    value: async (method, input) =>
      unwrap(await dispatch(method, input), method) as MethodOutput<typeof method>,
    error: async (method, input) => {
      const result = await dispatch(method, input)
      if (result.ok) throw new Error(`${method} should have failed`)
      return result.error
    },
    snapshot: () => JSON.stringify(workspace.current.data),
    close: async () => {
      await workspace.close()
      await dir.cleanup()
    },
  }
}

/**
 * `value` and `errorOf` over a dispatch the test may replace between cases (read through
 * `current` at each call).
 */
export function dispatchCallers(current: () => Dispatch): {
  value<T>(method: string, input?: unknown): Promise<T>
  errorOf(method: string, input?: unknown): Promise<ApiErrorBody>
} {
  return {
    async value<T>(method: string, input: unknown = {}): Promise<T> {
      const result = await current()(method, input)
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
      return result.value as T
    },
    async errorOf(method: string, input: unknown = {}): Promise<ApiErrorBody> {
      const result = await current()(method, input)
      if (result.ok) throw new Error(`${method} should have failed`)
      return result.error
    },
  }
}
