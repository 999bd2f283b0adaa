import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/** The data-layer rule of eslint.config.js, proven against fixtures at the paths it guards. */
const eslint = new ESLint({ cwd: process.cwd() })

async function importRules(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath })
  const messages = result?.messages ?? []
  return {
    dataLayer: messages.filter((m) => m.ruleId === 'boundaries/data-layer'),
    layers: messages.filter((m) => m.ruleId === 'no-restricted-imports'),
  }
}

const callsTheClient = "import { call } from '../../api/client'\nexport const c = call\n"
const usesAHook = "import { useNote } from '../../api/notes'\nexport const h = useNote\n"

describe('data-layer rule', () => {
  it('fails when a feature or the app shell imports the API client', async () => {
    const feature = await importRules(callsTheClient, 'src/renderer/src/features/notes/fixture.ts')
    expect(feature.dataLayer.map((m) => m.message)).toEqual([
      expect.stringMatching(/Only src\/renderer\/src\/api\/ calls the API client/),
    ])
    const shell = await importRules(
      "import { call } from '../api/client'\nexport const c = call\n",
      'src/renderer/src/app/fixture.tsx',
    )
    expect(shell.dataLayer).toHaveLength(1)
  })

  it('fails when a feature builds its own queries with react-query', async () => {
    const { dataLayer } = await importRules(
      "import { useQuery } from '@tanstack/react-query'\nexport const q = useQuery\n",
      'src/renderer/src/features/grid/fixture.tsx',
    )
    expect(dataLayer.map((m) => m.message)).toEqual([
      expect.stringMatching(
        /Query keys, caching and invalidation live in src\/renderer\/src\/api\//,
      ),
    ])
  })

  it('lets a feature use the api modules, and the api modules use the client', async () => {
    expect(await importRules(usesAHook, 'src/renderer/src/features/notes/fixture.ts')).toEqual({
      dataLayer: [],
      layers: [],
    })
    expect(
      await importRules(
        "import { useQuery } from '@tanstack/react-query'\nimport { call } from './client'\nexport const x = [useQuery, call]\n",
        'src/renderer/src/api/fixture.ts',
      ),
    ).toEqual({ dataLayer: [], layers: [] })
  })

  it('adds to the renderer layer rule instead of replacing it', async () => {
    const { dataLayer, layers } = await importRules(
      `${callsTheClient}import { app } from 'electron'\nexport const a = app\n`,
      'src/renderer/src/features/notes/fixture.ts',
    )
    expect(dataLayer).toHaveLength(1)
    expect(layers.map((m) => m.message)).toEqual([
      expect.stringMatching(/The renderer is a web page/),
    ])
  })
})
