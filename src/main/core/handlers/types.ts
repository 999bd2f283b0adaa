import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/contract'
import type { Workspace } from '../workspace'

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  workspace: Workspace,
) => MethodOutput<M> | Promise<MethodOutput<M>>

/** The handlers for a group of methods; the compiler checks each group is complete. */
export type Handlers<Methods extends object> = {
  [M in keyof Methods & MethodName]: Handler<M>
}
