/**
 * The import worker stores the text it read (sources/<sha256>.txt) and hands back only its
 * hash and length: the main thread never holds a long text. Bad input is refused with a
 * message and writes nothing; a cancelled import writes nothing; a damaged copy is repaired.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makePdf } from '../../../test/support/documents'
import { tempDir } from '../../../test/support/folders'
import { ImportJobs } from './import-jobs'

const sha256 = (text: string): string =>
  createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex')

let dir: Awaited<ReturnType<typeof tempDir>>
const jobs = new ImportJobs({ idleMs: 60_000 })

beforeAll(async () => {
  dir = await tempDir('sightline-import-store-')
})
afterAll(async () => {
  await jobs.close()
  await dir.cleanup()
})

async function projectFolder(name: string): Promise<string> {
  const folder = join(dir.path, name)
  await mkdir(join(folder, 'sources'), { recursive: true })
  return folder
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')

describe('an import whose text the worker stores', () => {
  it('writes sources/<sha256>.txt and returns its hash and length, not the text', async () => {
    const folder = await projectFolder('stores')
    const text = 'The front reported movements near the valley road — and in Dari: جبهه.'
    const stored = await jobs.runAndStore('note.txt', base64(text), folder)
    expect(stored).not.toHaveProperty('text')
    expect(stored).not.toHaveProperty('utf8')
    expect(stored).toMatchObject({ contentHash: sha256(text), length: text.length, written: true })
    expect(await readFile(join(folder, 'sources', `${sha256(text)}.txt`), 'utf8')).toBe(text)

    const again = await jobs.runAndStore('note-again.txt', base64(text), folder)
    expect(again).toMatchObject({ contentHash: sha256(text), written: false })
  })

  it('reads a PDF in the worker and keeps its pages beside the stored text', async () => {
    const folder = await projectFolder('pdf')
    const pdf = makePdf([['First page line.'], ['Second page line.']])
    const stored = await jobs.runAndStore('two.pdf', pdf.toString('base64'), folder)
    const text = await readFile(join(folder, 'sources', `${stored.contentHash}.txt`), 'utf8')
    expect(text).toContain('Second page line.')
    expect(stored.length).toBe(text.length)
    expect(stored.pages).toHaveLength(2)
  })

  it('rewrites a damaged copy, which repairs it', async () => {
    const folder = await projectFolder('repairs')
    const text = 'A text whose stored copy was damaged.'
    const path = join(folder, 'sources', `${sha256(text)}.txt`)
    await writeFile(path, 'something else entirely')
    const stored = await jobs.runAndStore('again.txt', base64(text), folder)
    expect(stored.written).toBe(true)
    expect(await readFile(path, 'utf8')).toBe(text)
  })

  it('refuses data that is not base64 and writes nothing', async () => {
    const folder = await projectFolder('not-base64')
    await expect(jobs.runAndStore('bad.txt', 'not base64 at all!', folder)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('did not arrive as base64'),
    })
    expect(await readdir(join(folder, 'sources'))).toEqual([])
  })

  it('never writes through a sources/ folder that is a link', async () => {
    const folder = join(dir.path, 'linked')
    const elsewhere = join(dir.path, 'elsewhere')
    await mkdir(folder, { recursive: true })
    await mkdir(elsewhere, { recursive: true })
    await symlink(elsewhere, join(folder, 'sources'))
    await expect(
      jobs.runAndStore('linked.txt', base64('Text that must not leave the folder.'), folder),
    ).rejects.toMatchObject({
      code: 'storage',
      message: expect.stringContaining('nothing was written'),
    })
    expect(await readdir(elsewhere)).toEqual([])
  })

  it('writes nothing when cancelled', async () => {
    const folder = await projectFolder('cancelled')
    const text = 'x'.repeat(4_000_000)
    const running = jobs.runAndStore('big.txt', base64(text), folder, 'cancel-me')
    expect(jobs.cancel('cancel-me')).toBe(true)
    await expect(running).rejects.toMatchObject({ code: 'cancelled' })
    expect(await readdir(join(folder, 'sources'))).toEqual([])
  })
})
