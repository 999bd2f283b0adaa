/**
 * The API contract: one table of method name -> input schema -> output schema.
 * Both transports (Electron IPC, loopback HTTP) call the same dispatch with it,
 * and the renderer's client is typed from it. A new capability is a new row in one
 * of the tables under api/, each with a one-line doc comment.
 */
import type { z } from 'zod'
import { analysisMethods } from './api/analyses'
import { annotationMethods } from './api/annotations'
import { entityMethods } from './api/entities'
import { notesMethods } from './api/notes'
import { graphMethods } from './api/graph'
import { evidenceMethods } from './api/evidence'
import { exchangeMethods } from './api/exchange'
import { gridMethods } from './api/grid'
import { mapMethods } from './api/map'
import { projectMethods } from './api/project'
import { relationMethods } from './api/relations'
import { searchMethods } from './api/search'
import { reportMethods } from './api/reports'
import { sourceMethods } from './api/sources'
import { storageMethods } from './api/storage'
import { suggestionMethods } from './api/suggestions'
import { syncMethods } from './api/sync'
import { timelineMethods } from './api/timeline'
import { transferMethods } from './api/transfer'

export * from './api/analyses'
export * from './api/annotations'
export * from './api/entities'
export * from './api/notes'
export * from './api/graph'
export * from './api/evidence'
export * from './api/exchange'
export * from './api/grid'
export * from './api/map'
export * from './api/project'
export * from './api/relations'
export * from './api/search'
export * from './api/reports'
export * from './api/sources'
export * from './api/storage'
export * from './api/suggestions'
export * from './api/timeline'
export * from './api/transfer'

export const contract = {
  ...projectMethods,
  ...entityMethods,
  ...sourceMethods,
  ...notesMethods,
  ...graphMethods,
  ...annotationMethods,
  ...searchMethods,
  ...relationMethods,
  ...evidenceMethods,
  ...gridMethods,
  ...mapMethods,
  ...storageMethods,
  ...transferMethods,
  ...exchangeMethods,
  ...reportMethods,
  ...suggestionMethods,
  ...analysisMethods,
  ...timelineMethods,
  ...syncMethods,
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}
