/**
 * How a view opens the Exchange dialog (STIX, W3C, CSV) without importing its feature: it
 * asks here, with what it would export (its report, its selected rows), and the app shell's
 * dialog host listens. One request at a time; closing the dialog clears it.
 */
import { useSyncExternalStore } from 'react'
import type { ExportScope } from '../../../shared/contract'

export interface ExchangeRequest {
  /** What "Export" covers unless the analyst picks otherwise. */
  scope: ExportScope
  /** How the scope reads in the dialog: “the report ‘…’”, “3 selected groups”. */
  scopeLabel?: string
}

let current: ExchangeRequest | null = null
const listeners = new Set<() => void>()

function emit(): void {
  for (const listener of listeners) listener()
}

export function openExchange(request: ExchangeRequest): void {
  current = request
  emit()
}

export function closeExchange(): void {
  current = null
  emit()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The open request, or null while the dialog is closed. */
export function useExchangeRequest(): ExchangeRequest | null {
  return useSyncExternalStore(subscribe, () => current)
}
