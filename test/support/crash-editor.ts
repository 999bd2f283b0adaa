/**
 * The process the kill test kills: opens a project through the workspace, applies edits
 * through dispatch as fast as an eager user could, and reports on stdout (a pipe, written
 * synchronously, so every line sent before the SIGKILL arrives) what it did:
 *
 *   READY <k>              opened; the project holds edits 1..k
 *   A <k> <ms>             edit k acknowledged (applied in memory) at <ms>
 *   B <ms>                 a write of project.json started (temp file created)
 *   H <sha256>             the bytes of that write
 *   S <k> <ms> <writeMs>   a write that holds edits 1..k reached the disk, and how long it took
 *
 * Usage: node editor.mjs <projectFolder> <userDataFolder> <lastEdit> <msBetweenEdits>
 */
import { createHash } from 'node:crypto'
import { writeSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { basename } from 'node:path'
import { createDispatch } from '../../src/main/core/dispatch'
import type { WriteFs } from '../../src/main/core/durable-write'
import { PROJECT_FILE } from '../../src/main/core/project-store'
import { Workspace } from '../../src/main/core/workspace'

const [folder, userData, lastEditText, pauseText] = process.argv.slice(2)
if (!folder || !userData || !lastEditText || !pauseText) {
  throw new Error('usage: editor <project> <userData> <lastEdit> <msBetweenEdits>')
}
const lastEdit = Number(lastEditText)
const pauseMs = Number(pauseText)

const report = (line: string): void => {
  writeSync(1, `${line}\n`)
}
const now = (): number => Date.now()

/** The real file system, watched: each write of project.json is reported with its digest. */
let writeStartedAt = 0
const watchedFs: WriteFs = {
  open: (async (path: string, flags?: string, mode?: number) => {
    const handle = await fsp.open(path, flags, mode)
    if (flags !== 'wx' || !basename(path).startsWith(`.${PROJECT_FILE}.`)) return handle
    writeStartedAt = now()
    report(`B ${writeStartedAt}`)
    const watched = {
      writeFile: async (data: string | Uint8Array) => {
        report(`H ${createHash('sha256').update(data).digest('hex')}`)
        return handle.writeFile(data)
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    }
    return watched as unknown as FileHandle
  }) as typeof fsp.open,
  rename: fsp.rename,
  rm: fsp.rm,
}

const revisionOfEdit: { edit: number; revision: number }[] = []
const workspace = new Workspace({
  userDataDir: userData,
  store: {
    fs: watchedFs,
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
