/**
 * writeFilesDurably: many files with one sync of their folder; a failure midway leaves
 * none of them and no temp file behind.
 */
import * as fsp from 'node:fs/promises'
import { basename, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/support/folders'
import { realFs, writeFilesDurably, type WriteFs } from './durable-write'

let dir: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  dir = await tempDir('sightline-durable-')
})
afterEach(() => dir.cleanup())

const files = Array.from({ length: 40 }, (_, i) => ({ name: `${i}.txt`, data: `text ${i}` }))

/** The real file operations, telling `onSync` of each sync once it is done (with its path). */
function syncsTold(onSync: (path: string) => void): WriteFs {
  return {
    ...realFs,
    open: (async (path: string, flags: string, mode?: number) => {
      const handle = await fsp.open(path, flags, mode)
      const sync = handle.sync.bind(handle)
      handle.sync = async () => {
        await sync()
        onSync(path)
      }
      return handle
    }) as WriteFs['open'],
  }
}

describe('writeFilesDurably', () => {
  it('writes every file, syncing each file and the folder once', async () => {
    let folderSyncs = 0
    let fileSyncs = 0
    const counting = syncsTold((path) => {
      if (path === dir.path) folderSyncs++
      else fileSyncs++
    })
    await writeFilesDurably(dir.path, files, counting)
    const names = (await fsp.readdir(dir.path)).sort()
    expect(names).toEqual(files.map((f) => f.name).sort())
    expect(await fsp.readFile(join(dir.path, '7.txt'), 'utf8')).toBe('text 7')
    expect(fileSyncs).toBe(files.length)
    expect(folderSyncs).toBe(process.platform === 'win32' ? 0 : 1)
  })

  it('renames no file before every file is synced', async () => {
    const events: string[] = []
    const watching: WriteFs = {
      ...syncsTold((path) => {
        if (path !== dir.path) events.push('sync')
      }),
      rename: async (from, to) => {
        events.push('rename')
        return fsp.rename(from, to)
      },
    }
    await writeFilesDurably(dir.path, files, watching)
    expect(events.lastIndexOf('sync')).toBe(files.length - 1)
    expect(events.filter((e) => e === 'rename')).toHaveLength(files.length)
  })

  it('leaves none of the files and no temp file when one cannot be written', async () => {
    let opened = 0
    const failing: WriteFs = {
      ...realFs,
      open: (async (path: string, flags: string, mode?: number) => {
        if (++opened === 25) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' })
        return fsp.open(path, flags, mode)
      }) as WriteFs['open'],
    }
    await expect(writeFilesDurably(dir.path, files, failing)).rejects.toThrow('disk full')
    expect(await fsp.readdir(dir.path)).toEqual([])
  })

  it('lets a slow file hold up no other file', async () => {
    let othersWritten = 0
    let seenBySlowOne = -1
    let othersDone!: () => void
    const allOthers = new Promise<void>((resolve) => (othersDone = resolve))
    const slowFirst: WriteFs = {
      ...realFs,
      open: (async (path: string, flags: string, mode?: number) => {
        const handle = await fsp.open(path, flags, mode)
        if (flags !== 'wx') return handle
        const write = handle.writeFile.bind(handle)
        const slow = basename(path).startsWith('.0.txt.')
        handle.writeFile = async (data: string | Uint8Array) => {
          // Held until every other file is written (or a while, when they wait for it).
          if (slow) {
            await Promise.race([allOthers, sleep(1_000)])
            seenBySlowOne = othersWritten
          }
          await write(data)
          if (!slow && ++othersWritten === files.length - 1) othersDone()
        }
        return handle
      }) as WriteFs['open'],
    }
    await writeFilesDurably(dir.path, files, slowFirst)
    expect(seenBySlowOne).toBe(files.length - 1)
    expect((await fsp.readdir(dir.path)).sort()).toEqual(files.map((f) => f.name).sort())
  })
})
