/**
 * The process the kill test kills: opens a project through the workspace, applies edits
 * through dispatch as fast as an eager user could, and reports on stdout (a pipe, written
 * synchronously, so every line sent before the SIGKILL arrives) what it did:
 *
 *   READY <k>              opened; the project holds edits 1..k
 *   A <k> <ms>             edit k acknowledged (applied in memory) at <ms>
 *   B <ms>                 an append to the journal started
 *   W <ms>                 an append is half written: the rest follows after a pause, so a
 *                          kill aimed at this line tears the journal's last line for certain
 *   C <ms>                 a compaction started (a new journal generation was made)
 *   S <k> <ms> <writeMs>   a write that holds edits 1..k reached the disk, and how long it took
 *
 * Compaction runs in a worker thread every few dozen edits, so kills land in the middle of
 * appends, compactions and the deletion of old generations alike.
 *
 * Usage: node editor.mjs <projectFolder> <userDataFolder> <lastEdit> <msBetweenEdits> [<tornPauseMs>]
 */
import { writeSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { basename } from 'node:path'
import { createDispatch } from '../../src/main/core/dispatch'
import type { WriteFs } from '../../src/main/core/durable-write'
import { Workspace } from '../../src/main/core/workspace'

const [folder, userData, lastEditText, pauseText, tornPauseText = '0'] = process.argv.slice(2)
if (!folder || !userData || !lastEditText || !pauseText) {
  throw new Error('usage: editor <project> <userData> <lastEdit> <msBetweenEdits>')
}
const lastEdit = Number(lastEditText)
const pauseMs = Number(pauseText)
/** How long an append waits between its two halves. An append takes well under a millisecond
 * on a fast disk, too short to be struck reliably from another process; the pause makes the
 * torn-write case certain rather than lucky. */
const tornPauseMs = Number(tornPauseText)
/** Often enough that most rounds compact at least once. */
const COMPACT_EVERY_OPS = 40

const report = (line: string): void => {
  writeSync(1, `${line}\n`)
}
const now = (): number => Date.now()

const JOURNAL = /^journal\.\d+\.jsonl$/

type Handle = Awaited<ReturnType<typeof fsp.open>>
/** A journal handle whose positioned writes land in two halves with a pause between. */
function tearingWrites(handle: Handle): Handle {
  const write = async (bytes: Uint8Array, offset: number, length: number, position: number) => {
    const half = Math.floor(length / 2)
    await handle.write(bytes, offset, half, position)
    report(`W ${now()}`)
    await new Promise((resolve) => setTimeout(resolve, tornPauseMs))
    await handle.write(bytes, offset + half, length - half, position + half)
    return { bytesWritten: length, buffer: bytes }
  }
  return new Proxy(handle, {
    get: (target, key) => {
      if (key === 'write') return write
      const value: unknown = Reflect.get(target, key)
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value
    },
  })
}
/** The real file system, watched: each append and each new journal generation is reported. */
let writeStartedAt = 0
const watchedFs: WriteFs = {
  open: (async (path: string, flags?: string, mode?: number) => {
    if (JOURNAL.test(basename(path))) {
      if (flags === 'r+') {
        writeStartedAt = now()
        report(`B ${writeStartedAt}`)
        const handle = await fsp.open(path, flags, mode)
        return tornPauseMs > 0 ? tearingWrites(handle) : handle
      } else if (flags === 'wx') {
        report(`C ${now()}`)
      }
    }
    return fsp.open(path, flags, mode)
  }) as typeof fsp.open,
  rename: fsp.rename,
  rm: fsp.rm,
}

const revisionOfEdit: { edit: number; revision: number }[] = []
const workspace = new Workspace({
  userDataDir: userData,
  store: {
    fs: watchedFs,
    compaction: { maxJournalOps: COMPACT_EVERY_OPS, where: 'worker' },
    onSaved: ({ revision }) => {
      let saved = 0
      for (const entry of revisionOfEdit) if (entry.revision <= revision) saved = entry.edit
      report(`S ${saved} ${now()} ${now() - writeStartedAt}`)
    },
  },
})
const dispatch = createDispatch(workspace)

const store = await workspace.open(folder)
let edit = 0
for (const entity of store.data.entities) {
  const match = /^Edit (\d+)$/.exec(entity.name)
  if (match) edit = Math.max(edit, Number(match[1]))
}
report(`READY ${edit}`)

while (edit < lastEdit) {
  edit++
  const result = await dispatch('entities.create', {
    type: 'group',
    name: `Edit ${edit}`,
    description: `The ${edit}th edit of the kill test.`,
  })
  if (!result.ok) throw new Error(result.error.message)
  revisionOfEdit.push({ edit, revision: store.revision })
  report(`A ${edit} ${now()}`)
  // Far faster than any analyst, and never a pause long enough to let the queue drain.
  await new Promise((resolve) => setTimeout(resolve, pauseMs * (0.5 + Math.random())))
}
await workspace.close()
report('DONE')
