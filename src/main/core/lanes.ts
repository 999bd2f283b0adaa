/**
 * Runs `task` for every index below `count`, at most `lanes` at a time, each lane taking
 * the next index as soon as its last is done: a slow one (an import's 26 MB bundle beside
 * its small texts) holds up its own lane only, where waiting for a whole group of 16
 * left the other lanes idle behind it. After a failure no task starts; the first error is
 * thrown once those under way have ended.
 */
export async function inLanes(
  count: number,
  lanes: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0
  let failure: { error: unknown } | null = null
  const lane = async (): Promise<void> => {
    while (!failure && next < count) {
      const index = next++
      try {
        await task(index)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(lanes, count) }, lane))
  // Set inside the lanes, which the compiler does not follow.
  const failed = failure as { error: unknown } | null
  if (failed) throw failed.error
}
