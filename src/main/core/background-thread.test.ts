import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runInBackground } from './background-thread'

/** The nice value in a task's stat (field 19, counted after the command's name). */
function niceOf(statFile: string): number {
  const stat = readFileSync(statFile, 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
}

describe.runIf(process.platform === 'linux')('a background thread', () => {
  it("lowers the calling thread to nice 10 and leaves the process's other threads as they were", () => {
    const self = readlinkSync('/proc/thread-self').split('/').pop()!
    const others = readdirSync('/proc/self/task').filter((tid) => tid !== self)
    const before = new Map(others.map((tid) => [tid, niceOf(`/proc/self/task/${tid}/stat`)]))
    expect(others.length).toBeGreaterThan(0)

    runInBackground()

    expect(niceOf('/proc/thread-self/stat')).toBe(10)
    for (const [tid, nice] of before) {
      // A thread may have ended meanwhile; those left keep their priority.
      let now: number
      try {
        now = niceOf(`/proc/self/task/${tid}/stat`)
      } catch {
        continue
      }
      expect(now).toBe(nice)
    }
  })
})
