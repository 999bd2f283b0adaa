import { z } from 'zod'

/** One row of the contract: what a method accepts and what it returns. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output }
}

export const NoInput = z.strictObject({})

/**
 * A network path: \\server\share (UNC, also as \\?\UNC\… or //server/share). On
 * Windows, merely looking at one makes an outbound SMB connection that hands the user's
 * credentials hash to whoever runs the server.
 */
export function isNetworkPath(path: string): boolean {
  return /^[\\/]{2}/.test(path)
}

/**
 * A folder on the user's disk. NUL cannot occur in a file name on any system Sightline
 * runs on; Node refuses it with a TypeError, so the contract refuses it first; network
 * paths are refused too.
 */
export const FolderPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => !path.includes('\0'), 'a folder path cannot contain NUL characters')
  .refine(
    (path) => !isNetworkPath(path),
    'network (UNC) paths are not accepted: copy the project to a folder on this computer',
  )
