import { z } from 'zod'

/** One row of the contract: what a method accepts and what it returns. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output }
}

export const NoInput = z.strictObject({})
