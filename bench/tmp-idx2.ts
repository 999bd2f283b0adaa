import approxSearch from 'approx-string-match'
import { Workspace } from '../src/main/core/workspace'
import { searchIndexFor } from '../src/main/core/services/search'
import { reanchorAll } from '../src/shared/anchoring'
import { prose, spreadTargets } from './suites/library-fixtures'
if (process.argv[2] === 'pre') {
  const text = prose(2_000_000, 7)
  const targets = spreadTargets(text, 20_000, 8)
  const edited = `${text.slice(0, 500)}An editor's correction. ${text.slice(500)}`
  for (let i = 0; i < 6; i++) reanchorAll(text, edited, targets, { fuzzy: approxSearch })
  console.log('pre done')
}
const ws = new Workspace({ userDataDir: '/tmp/i4-ud', store: { writeDelayMs: 60000 } })
const store = await ws.open('/tmp/medium-i4')
const t = performance.now()
await searchIndexFor(store).sync()
console.log('build', (performance.now() - t).toFixed(0), 'ms')
await ws.close()
