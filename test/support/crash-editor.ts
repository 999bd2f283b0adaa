/**
 * The process the kill test kills: opens a project through the workspace, applies edits
 * through dispatch as fast as an eager user could, and reports on stdout (a pipe, written
 * synchronously, so every line sent before the SIGKILL arrives) what it did:
 *
 *   READY <k>              opened; the project holds edits 1..k
 *   A <k> <ms>             edit k acknowledged (applied in memory) at <ms>
 *   B <ms>                 an append to the journal started
 *   C <ms>                 a compaction started (a new journal generation was made)
 *   S <k> <ms> <writeMs>   a write that holds edits 1..k reached the disk, and how long it took
 *
 * Compaction runs in a worker thread every few dozen edits, so kills land in the middle of
 * appends, compactions and the deletion of old generations alike.
 *
 * Usage: node editor.mjs <projectFolder> <userDataFolder> <lastEdit> <msBetweenEdits>
 */
import { writeSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { basename } from 'node:path'
import { createDispatch } from '../../src/main/core/dispatch'
import type { WriteFs } from '../../src/main/core/durable-write'
import { Workspace } from '../../src/main/core/workspace'

const [folder, userData, lastEditText, pauseText] = process.argv.slice(2)
if (!folder || !userData || !lastEditText || !pauseText) {
  throw new Error('usage: editor <project> <userData> <lastEdit> <msBetweenEdits>')
}
const lastEdit = Number(lastEditText)
const pauseMs = Number(pauseText)
/** Often enough that most rounds compact at least once. */
const COMPACT_EVERY_OPS = 40

const report = (line: string): void => {
  writeSync(1, `${line}\n`)
}
const now = (): number => Date.now()

const JOURNAL = /^journal\.\d+\.jsonl$/
/** The real file system, watched: each append and each new journal generation is reported. */
let writeStartedAt = 0
const watchedFs: WriteFs = {
  open: (async (path: string, flags?: string, mode?: number) => {
    if (JOURNAL.test(basename(path))) {
      if (flags === 'r+') {
        writeStartedAt = now()
        report(`B ${writeStartedAt}`)
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
