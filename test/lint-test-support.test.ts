import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/** The test-support rule of eslint.config.js, proven against fixtures at the paths it guards. */
const eslint = new ESLint({ cwd: process.cwd() })

async function problems(code: string, filePath: string): Promise<{ rule: string; text: string }[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId ?? '', text: m.message }))
}

const TEST_SUPPORT = /Only tests .* import test\/support or e2e\/support/

async function testSupportProblems(code: string, filePath: string): Promise<string[]> {
  return (await problems(code, filePath))
    .filter((p) => TEST_SUPPORT.test(p.text))
    .map((p) => p.text)
}

describe('test support stays out of production code', () => {
  it('fails when production code imports test/support or e2e/support, in any form', async () => {
    const cases: [code: string, filePath: string][] = [
      [
        "import { tempDir } from '../../../test/support/folders'\nexport const x = tempDir\n",
        'src/main/core/fixture.ts',
      ],
      [
        "import type { FaultyFs } from '../../../test/support/faulty-fs'\nexport type X = FaultyFs\n",
        'src/main/core/fixture.ts',
      ],
      [
        "export { openSample } from '../../../test/support/sample-dispatch'\n",
        'src/main/core/fixture.ts',
      ],
      ["export * from '../../../test/support/documents'\n", 'src/main/core/fixture.ts'],
      [
        "export const load = () => import('../../../test/support/fuzz-arbitraries')\n",
        'src/main/core/fixture.ts',
      ],
      [
        "import { realisticNote } from '../../../../../test/support/notes'\nexport const x = realisticNote\n",
        'src/renderer/src/features/notes/fixture.tsx',
      ],
      [
        "import { IMG_PAYLOAD } from '../../e2e/support/hostile-project'\nexport const x = IMG_PAYLOAD\n",
        'src/shared/fixture.ts',
      ],
      [
        "import { tempDir } from '../../test/support'\nexport const x = tempDir\n",
        'src/preload/fixture.ts',
      ],
    ]
    for (const [code, filePath] of cases) {
      expect(await testSupportProblems(code, filePath), `${filePath}: ${code}`).toHaveLength(1)
    }
  })

  it('lets tests import it', async () => {
    expect(
      await problems(
        "import { tempDir } from '../../../test/support/folders'\nexport const x = tempDir\n",
        'src/main/core/fixture.test.ts',
      ),
    ).toEqual([])
    expect(
      await problems(
        "import { realisticNote } from '../../../../../test/support/notes'\nexport const x = realisticNote\n",
        'src/renderer/src/features/notes/fixture.test.tsx',
      ),
    ).toEqual([])
  })

  it('leaves alone paths that only look alike', async () => {
    for (const source of [
      './support',
      '../test/supportive',
      './test-support',
      '../contest/support',
    ]) {
      expect(
        await problems(
          `import * as m from '${source}'\nexport const x = m\n`,
          'src/main/core/fixture.ts',
        ),
        source,
      ).toEqual([])
    }
  })

  it('adds to the layer rules instead of replacing them', async () => {
    const found = await problems(
      "import { app } from 'electron'\nimport { tempDir } from '../../../test/support/folders'\nexport const x = [app, tempDir]\n",
      'src/main/core/fixture.ts',
    )
    expect([...new Set(found.map((p) => p.rule))].sort()).toEqual([
      'boundaries/test-support',
      'no-restricted-imports',
    ])
  })
})
