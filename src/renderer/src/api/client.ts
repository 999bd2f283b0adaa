/**
 * The renderer's one way to reach main, typed by the contract. IPC when the Electron
 * preload is present, loopback HTTP in browser mode; both return the same envelope.
 * Only the api/ modules call it (a lint rule holds the rest of the renderer to their
 * hooks), so every cached answer has one key and every edit one invalidation.
 */
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract'
import type { SightlineBridge } from '../../../shared/ipc'
import { isErrorCode, type Result } from '../../../shared/result'
import { ApiError } from './errors'
import { t } from '../ui/i18n'

declare global {
  interface Window {
    sightline?: SightlineBridge
  }
}

type Transport = (method: string, input: unknown) => Promise<unknown>

const ipcTransport: Transport = (method, input) => window.sightline!.invoke(method, input)

const httpTransport: Transport = async (method, input) => {
  const response = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input ?? {}),
    credentials: 'same-origin',
  })
  try {
    return await response.json()
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: t('api.theServerAnswered', { status: response.status }) },
    }
  }
}

function pickTransport(): Transport {
  return typeof window !== 'undefined' && window.sightline ? ipcTransport : httpTransport
}

function asResult(raw: unknown): Result<unknown> {
  if (typeof raw === 'object' && raw !== null && 'ok' in raw) {
    const envelope = raw as Result<unknown>
    if (envelope.ok || isErrorCode(envelope.error?.code)) return envelope
  }
  return { ok: false, error: { code: 'internal', message: t('api.unexpectedAnswerFromSightline') } }
}

/** Calls a contract method; resolves with its value or rejects with an ApiError. */
export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = asResult(await pickTransport()(method, input))
  if (!result.ok) throw new ApiError(result.error)
  return result.value as MethodOutput<M>
}
