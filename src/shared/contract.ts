/**
 * The API contract: one table of method name -> input schema -> output schema.
 * Both transports (Electron IPC, loopback HTTP) call the same dispatch with it,
 * and the renderer's client is typed from it. A new capability is a new row in one
 * of the tables under api/, each with a one-line doc comment.
 */
import type { z } from 'zod'
import { entityMethods } from './api/entities'
import { graphMethods } from './api/graph'
import { projectMethods } from './api/project'
import { sourceMethods } from './api/sources'
import { storageMethods } from './api/storage'
import { transferMethods } from './api/transfer'

export * from './api/entities'
export * from './api/graph'
export * from './api/project'
export * from './api/sources'
export * from './api/storage'
export * from './api/transfer'

export const contract = {
  ...projectMethods,
  ...entityMethods,
  ...sourceMethods,
  ...graphMethods,
  ...storageMethods,
  ...transferMethods,
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
