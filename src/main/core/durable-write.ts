import { randomBytes } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { inLanes } from './lanes'

/**
 * The file operations the store's writes need (durable replace, journal append, snapshot
 * write); tests inject failures through it, and through the handles `open` returns.
 */
export interface WriteFs {
  open: typeof fsp.open
  rename: typeof fsp.rename
  rm: typeof fsp.rm
}

export const realFs: WriteFs = { open: fsp.open, rename: fsp.rename, rm: fsp.rm }

/**
 * Replaces `path` with `data` so that a crash leaves either the old file or the new
 * one, never a mix: unique temp file, fsync, rename over, fsync of the folder.
 * steno (lowdb's writer) skips both fsyncs and reuses one temp name (lowdb #549, #139).
 */
export async function writeFileDurably(
  path: string,
  data: string | Uint8Array,
  fs: WriteFs = realFs,
): Promise<void> {
  const folder = dirname(path)
  const temp = join(
    folder,
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  )
  try {
    const handle = await fs.open(temp, 'wx', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, path)
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await syncFolder(folder, fs)
}

/** Files written at once by writeFilesDurably: the disk batches their syncs. */
const PARALLEL_WRITES = 16

/**
 * Writes many files into one folder as writeFileDurably writes one, but syncs the folder
 * once for them all: every file is written under a temp name, then each is synced, then
 * all are renamed, then the folder is synced. A crash leaves each file either absent or
 * whole, and none is known to be there before the last sync. Temp files of a failed call
 * are removed. Syncing once all are written, rather than each right after its write, lets
 * the disk make most of them durable in the first few syncs: an import's 2,001 texts took
 * about half as long.
 */
export async function writeFilesDurably(
  folder: string,
  files: readonly { name: string; data: string | Uint8Array }[],
  fs: WriteFs = realFs,
): Promise<void> {
  if (files.length === 0) return
  const temps: string[] = files.map(({ name }) =>
    join(folder, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`),
  )
  const renamed: boolean[] = files.map(() => false)
  try {
    await inLanes(files.length, PARALLEL_WRITES, async (index) => {
      const handle = await fs.open(temps[index]!, 'wx', 0o600)
      try {
        await handle.writeFile(files[index]!.data)
      } finally {
        await handle.close()
      }
    })
    await inLanes(temps.length, PARALLEL_WRITES, async (index) => {
      // Writable: Windows flushes only a handle opened for writing.
      const handle = await fs.open(temps[index]!, 'r+')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
    })
    // Renamed a few at a time too: one after another, thousands took as long as their writes.
    await inLanes(files.length, PARALLEL_WRITES, async (index) => {
      await fs.rename(temps[index]!, join(folder, files[index]!.name))
      renamed[index] = true
    })
  } catch (error) {
    await Promise.all(
      temps
        .filter((_, index) => !renamed[index])
        .map((temp) => fs.rm(temp, { force: true }).catch(() => undefined)),
    )
    throw error
  }
  await syncFolder(folder, fs)
}

/** Makes a rename durable. Windows cannot open a folder for fsync; NTFS journals renames. */
export async function syncFolder(folder: string, fs: WriteFs = realFs): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export async function pathExists(path: string): Promise<boolean> {
  try {
    await fsp.stat(path)
    return true
  } catch {
    return false
  }
}

/** Temp files of writeFileDurably: `.<name>.<pid>.<12 hex>.tmp`. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes the temp files a killed writer left in `folder`. A temp file is never the only
 * copy of anything (the rename had not happened), so deleting it loses nothing; files of
 * a writer that is still running are left alone.
 */
export async function removeStaleTempFiles(folder: string): Promise<string[]> {
  let names: string[]
  try {
    // A folder that is a link may lead outside the project: nothing there is ours to delete.
    if ((await fsp.lstat(folder)).isSymbolicLink()) return []
    names = await fsp.readdir(folder)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const pid = Number(TEMP_FILE.exec(name)?.[1])
    if (!pid || pid === process.pid || processIsAlive(pid)) continue
    await fsp.rm(join(folder, name), { force: true })
    removed.push(name)
  }
  return removed
}
