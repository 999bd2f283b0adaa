/**
 * Browser mode: the same dispatch and renderer, served on 127.0.0.1 for a browser.
 * Used where no Electron runtime can be had, and by the end-to-end tests.
 */
import { parseArgs } from 'node:util'
import { createDispatch } from './core/dispatch'
import { Workspace } from './core/workspace'
import { startHttpServer } from './http/server'
import { createChromiumPrinter } from './pdf/chromium'
import { defaultUserDataDir, rendererDir, sampleProjectDir } from './paths'

const { values } = parseArgs({
  options: {
    project: { type: 'string' },
    port: { type: 'string' },
    'user-data': { type: 'string' },
  },
})

// Chromium starts on the first PDF export, not before.
const printer = createChromiumPrinter()
const workspace = new Workspace({
  userDataDir: values['user-data'] ?? defaultUserDataDir(),
  sampleDir: sampleProjectDir(),
  printPdf: printer.print,
  store: { onSaveError: (error) => console.error(`Saving failed: ${error.message}`) },
})

/** A project that cannot be opened still gets the app: its page offers the backups. */
async function openFirstProject(): Promise<void> {
  try {
    const store = values.project
      ? await workspace.open(values.project)
      : await workspace.openDefault()
    if (store) {
      console.log(
        `Sightline (browser mode) has opened "${store.data.project.name}" from ${store.folder}`,
      )
      return
    }
  } catch (error) {
    console.error((error as Error).message)
  }
  console.log(
    'Sightline (browser mode) has no project open; the page shows why and what can be restored.',
  )
}

try {
  await openFirstProject()
  const server = await startHttpServer({
    dispatch: createDispatch(workspace),
    rendererDir: rendererDir(),
    port: values.port ? Number(values.port) : 0,
  })
  console.log(`Open ${server.url}`)

  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    await server.close()
    await printer.close().catch(() => undefined)
    await workspace.close().catch((error: Error) => {
      console.error(`Could not save the last changes: ${error.message}`)
      process.exitCode = 1
    })
    process.exit()
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
