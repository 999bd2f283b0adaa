import { z } from 'zod'

/** One row of the contract: what a method accepts and what it returns. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output }
}

export const NoInput = z.strictObject({})

/**
 * A folder on the user's disk. NUL cannot occur in a file name on any system Sightline
 * runs on; Node refuses it with a TypeError, so the contract refuses it first.
 */
export const FolderPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => !path.includes('\0'), 'a folder path cannot contain NUL characters')
