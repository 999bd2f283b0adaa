import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/support/folders'
import { storeContentFiles } from './content-files'
import { sha256Hex } from './hashing'
import { ProjectFiles } from './safe-files'

let dir: Awaited<ReturnType<typeof tempDir>>
beforeEach(async () => {
  dir = await tempDir()
})
afterEach(async () => {
  await dir.cleanup()
})

describe('storing many content files at once', () => {
  it('skips intact copies, repairs damaged ones and writes the missing', async () => {
    const [intact, damaged, missing] = ['kept as it was', 'damaged on disk', 'not there yet'].map(
      (text) => Buffer.from(text, 'utf8'),
    )
    const hashes = await Promise.all([intact!, damaged!, missing!].map((b) => sha256Hex(b)))
    await mkdir(join(dir.path, 'sources'))
    await writeFile(join(dir.path, 'sources', `${hashes[0]}.txt`), intact!)
    await writeFile(join(dir.path, 'sources', `${hashes[1]}.txt`), 'something else')

    const stored = await storeContentFiles(
      dir.path,
      'sources',
      'txt',
      [intact!, damaged!, missing!, missing!],
      new ProjectFiles(dir.path),
    )
    expect(stored.map((s) => s.written)).toEqual([false, true, true, false])
    expect(stored.map((s) => s.contentHash)).toEqual([...hashes, hashes[2]])
    for (const [index, bytes] of [intact!, damaged!, missing!].entries()) {
      expect(await readFile(join(dir.path, 'sources', `${hashes[index]}.txt`))).toEqual(bytes)
    }
  })

  it('makes the folder when it is not there', async () => {
    const bytes = Buffer.from('first text', 'utf8')
    const [stored] = await storeContentFiles(
      dir.path,
      'sources',
      'txt',
      [bytes],
      new ProjectFiles(dir.path),
    )
    expect(stored).toMatchObject({ written: true })
    expect(await readFile(join(dir.path, 'sources', `${stored!.contentHash}.txt`))).toEqual(bytes)
  })
})
