import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/** The layer rules of eslint.config.js, proven against fixtures at the paths they guard. */
const eslint = new ESLint({ cwd: process.cwd() })

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

describe('layer rules', () => {
  it('fail when src/main/core imports electron or node:http', async () => {
    expect(
      await restrictedImports(
        "import { app } from 'electron'\nexport const a = app\n",
        'src/main/core/fixture.ts',
      ),
    ).toContainEqual(expect.stringMatching(/never imports electron/))
    expect(
      await restrictedImports(
        "import { createServer } from 'node:http'\nexport const s = createServer\n",
        'src/main/core/fixture.ts',
      ),
    ).toContainEqual(expect.stringMatching(/never imports node:http/))
    expect(
      await restrictedImports(
        "import { startHttpServer } from '../http/server'\nexport const s = startHttpServer\n",
        'src/main/core/fixture.ts',
      ),
    ).toHaveLength(1)
  })

  it('let src/main/core use node:fs and the shared contract', async () => {
    expect(
      await restrictedImports(
        "import { readFile } from 'node:fs/promises'\nimport { contract } from '../../shared/contract'\nexport const x = [readFile, contract]\n",
        'src/main/core/fixture.ts',
      ),
    ).toEqual([])
  })

  it('fail when src/shared imports Node, electron or another layer', async () => {
    for (const source of [
      "'node:fs'",
      "'electron'",
      "'react'",
      "'../main/core/dispatch'",
      // Parts of the Markdown stack other than the three the notes' parser needs.
      "'micromark'",
      "'mdast-util-gfm-table'",
      "'remark-parse'",
    ]) {
      expect(
        await restrictedImports(
          `import * as m from ${source}\nexport const x = m\n`,
          'src/shared/fixture.ts',
        ),
        source,
      ).toHaveLength(1)
    }
    expect(
      await restrictedImports(
        "import { z } from 'zod'\nexport const x = z\n",
        'src/shared/fixture.ts',
      ),
    ).toEqual([])
  })

  it('let src/shared use the Markdown parser of notes, and still refuse Node, electron and React', async () => {
    const parser =
      "import { fromMarkdown } from 'mdast-util-from-markdown'\n" +
      "import { gfmFromMarkdown } from 'mdast-util-gfm'\n" +
      "import { gfm } from 'micromark-extension-gfm'\n"
    expect(
      await restrictedImports(
        `${parser}export const x = [fromMarkdown, gfmFromMarkdown, gfm]\n`,
        'src/shared/fixture.ts',
      ),
    ).toEqual([])
    for (const source of ["'node:fs'", "'electron'", "'react'"]) {
      expect(
        await restrictedImports(
          `${parser}import * as m from ${source}\nexport const x = [fromMarkdown, gfmFromMarkdown, gfm, m]\n`,
          'src/shared/fixture.ts',
        ),
        source,
      ).toHaveLength(1)
    }
  })

  it('fail when the renderer imports main, preload, electron or Node', async () => {
    for (const source of [
      "'../../../main/core/dispatch'",
      "'electron'",
      "'node:fs'",
      "'../../preload/index'",
    ]) {
      expect(
        await restrictedImports(
          `import * as m from ${source}\nexport const x = m\n`,
          'src/renderer/src/features/fixture.ts',
        ),
        source,
      ).toHaveLength(1)
    }
    expect(
      await restrictedImports(
        "import { contract } from '../../../shared/contract'\nexport const x = contract\n",
        'src/renderer/src/features/fixture.ts',
      ),
    ).toEqual([])
  })
})
