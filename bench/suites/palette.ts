/**
 * The command palette (issue 22): how long one keystroke's fuzzy match takes over every
 * record of a large project (commands, views, entities with aliases, sources, notes), and
 * building the matcher when the palette opens. The floor is a plain case-insensitive
 * substring scan of the same titles and aliases: the least any matcher that looks at every
 * record must do.
 */
import {
  paletteMatcher,
  type PaletteItem,
} from '../../src/renderer/src/features/palette/palette-items'
import { WORDS } from '../grid-project'
import { line, median, target, timeOnce } from '../measure'
import type { BenchSuite } from '../types'

function record(i: number): PaletteItem {
  const pick = (k: number): string =>
    WORDS[(i * 7 + k * 13 + Math.floor(i / (k + 3))) % WORDS.length]!
  const title = `${pick(0)} ${pick(1)} ${pick(2)} ${i}`
  const acronym = title
    .split(' ')
    .slice(0, 3)
    .map((w) => w[0])
    .join('')
  return { key: `r${i}`, group: 'Groups', title, keywords: [acronym], run: () => undefined }
}

/** What an analyst types, a letter at a time: each prefix is one keystroke's search. */
const TYPED = ['natonal fredom', 'panjshir brig', 'NFF']

function keystrokes(): string[] {
  return TYPED.flatMap((word) =>
    Array.from({ length: word.length - 1 }, (_, n) => word.slice(0, n + 2)),
  )
}

export const paletteSuite: BenchSuite = {
  name: 'palette',
  async run(ctx) {
    const size = ctx.quick ? 20_000 : 100_000
    const items = Array.from({ length: size }, (_, i) => record(i))
    const queries = keystrokes()

    const builds: number[] = []
    let match = paletteMatcher(items)
    for (let run = 0; run < ctx.runs; run++) {
      builds.push(await timeOnce(() => void (match = paletteMatcher(items))))
    }

    const lowered = items.map((item) =>
      [item.title, ...(item.keywords ?? [])].join(' ').toLowerCase(),
    )
    const fuzzy: number[] = []
    const scan: number[] = []
    for (const query of queries) {
      fuzzy.push(await timeOnce(() => void match(query)))
      const needle = query.toLowerCase()
      scan.push(await timeOnce(() => void lowered.filter((text) => text.includes(needle))))
    }
    const scanMs = median(scan)
    return [
      line({
        name: `one keystroke, fuzzy match over ${size.toLocaleString('en')} records`,
        unit: 'ms',
        value: median(fuzzy),
        floor: { name: 'substring scan of the same records', value: scanMs },
        target: target.atMost(100),
        note: 'Median over every prefix of three typed queries; a keystroke under 100 ms feels immediate.',
      }),
      line({
        name: `open the palette: build the matcher over ${size.toLocaleString('en')} records`,
        unit: 'ms',
        value: median(builds),
        target: target.atMost(100),
      }),
    ]
  },
}
