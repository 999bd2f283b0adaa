import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/** The feature boundaries of eslint.config.js, proven against fixtures at the paths they guard. */
const eslint = new ESLint({ cwd: process.cwd() })

async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'boundaries/features')
    .map((m) => m.message)
}

function importing(source: string): string {
  return `import * as m from '${source}'\nexport const x = m\n`
}

describe('feature boundaries', () => {
  it('fail when a feature imports another feature', async () => {
    for (const [source, from] of [
      ['../notes/Backlinks', 'src/renderer/src/features/grid/fixture.tsx'],
      ['../grid/row-sync', 'src/renderer/src/features/graph/fixture.ts'],
      ['../../reader/links', 'src/renderer/src/features/notes/parts/fixture.ts'],
      ['../../features/search/SearchBox', 'src/renderer/src/features/reader/fixture.ts'],
    ] as const) {
      expect(await boundaryErrors(importing(source), from), `${from} -> ${source}`).toEqual([
        expect.stringMatching(/Features never import each other/),
      ])
    }
  })

  it('fail when a feature imports the app shell', async () => {
    expect(
      await boundaryErrors(importing('../../app/App'), 'src/renderer/src/features/grid/fixture.ts'),
    ).toEqual([expect.stringMatching(/never import the app shell/)])
  })

  it('let a feature import its own files, the kit, routes, the data layer and the contract', async () => {
    const code = [
      "import { columnContext } from './column-context'",
      "import { Part } from './parts/Part'",
      "import { Dialog } from '../../ui/Dialog'",
      "import { readerHref } from '../../routes/links'",
      "import { useEntityChoices } from '../../api/entities'",
      "import { contract } from '../../../../shared/contract'",
      "import { useState } from 'react'",
      'export const x = [columnContext, Part, Dialog, readerHref, useEntityChoices, contract, useState]',
      '',
    ].join('\n')
    expect(await boundaryErrors(code, 'src/renderer/src/features/grid/fixture.tsx')).toEqual([])
    expect(
      await boundaryErrors(
        importing('../grid/helper'),
        'src/renderer/src/features/grid/parts/x.ts',
      ),
    ).toEqual([])
  })

  it('fail when ui/ or routes/ import a feature or the app shell', async () => {
    for (const [source, from] of [
      ['../../features/notes/open-notes', 'src/renderer/src/ui/notes/fixture.ts'],
      ['../features/grid/undo', 'src/renderer/src/ui/fixture.ts'],
      ['../app/App', 'src/renderer/src/routes/fixture.ts'],
    ] as const) {
      expect(await boundaryErrors(importing(source), from), `${from} -> ${source}`).toEqual([
        expect.stringMatching(/import none of them/),
      ])
    }
    expect(
      await boundaryErrors(
        importing('../../api/notes') + importing('../Dialog').replaceAll(' m', ' n'),
        'src/renderer/src/ui/notes/fixture.ts',
      ),
    ).toEqual([])
  })

  it('keep the renderer layer rule in force beside them', async () => {
    const [result] = await eslint.lintText(importing('node:fs'), {
      filePath: 'src/renderer/src/features/grid/fixture.ts',
    })
    expect(result?.messages.map((m) => m.ruleId)).toContain('no-restricted-imports')
  })
})
