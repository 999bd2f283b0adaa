import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/** The import-worker rule of eslint.config.js, proven against fixtures at the paths it guards. */
const eslint = new ESLint({ cwd: process.cwd() })

const IMPORT_WORKER = /The importers run in the import worker/

async function importWorkerProblems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.message).filter((text) => IMPORT_WORKER.test(text))
}

describe('the importers stay in the import worker', () => {
  it('fails when main-process code imports a parser', async () => {
    const cases: [code: string, filePath: string][] = [
      [
        "import { importDocument } from '../import'\nexport const x = importDocument\n",
        'src/main/core/services/fixture.ts',
      ],
      [
        "import { importPdf } from './import/pdf'\nexport const x = importPdf\n",
        'src/main/core/fixture.ts',
      ],
      [
        "import { importDocx } from '../core/import/docx'\nexport const x = importDocx\n",
        'src/main/http/fixture.ts',
      ],
      [
        "import { importHtml } from './import/html'\nexport const x = importHtml\n",
        'src/main/core/fixture.ts',
      ],
      [
        "import { decodeTextFile } from './import/decode'\nexport const x = decodeTextFile\n",
        'src/main/core/fixture.ts',
      ],
      [
        "import { importDocument } from './core/import/index'\nexport const x = importDocument\n",
        'src/main/fixture.ts',
      ],
    ]
    for (const [code, filePath] of cases) {
      expect(await importWorkerProblems(code, filePath), `${filePath}: ${code}`).toHaveLength(1)
    }
  })

  it('lets main use the limits, formats and types, and the importers use each other', async () => {
    const allowed: [code: string, filePath: string][] = [
      [
        "import { DEFAULT_IMPORT_LIMITS } from './import/limits'\nexport const x = DEFAULT_IMPORT_LIMITS\n",
        'src/main/core/fixture.ts',
      ],
      [
        "import { importFormat } from '../import/formats'\nexport const x = importFormat\n",
        'src/main/core/services/fixture.ts',
      ],
      [
        "import type { ImportReply } from './import/worker'\nexport type X = ImportReply\n",
        'src/main/core/fixture.ts',
      ],
      [
        "import { importPdf } from './pdf'\nexport const x = importPdf\n",
        'src/main/core/import/fixture.ts',
      ],
    ]
    for (const [code, filePath] of allowed) {
      expect(await importWorkerProblems(code, filePath), `${filePath}: ${code}`).toEqual([])
    }
  })
})
