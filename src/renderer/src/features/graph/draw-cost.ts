/**
 * What drawing a chart of a given size costs on this computer, for "Show all" to state before
 * the analyst commits to it. Each paint of a chart of some size teaches the rate; until one
 * has, the rate measured by the bench (canvas renderer, 5k/20k, a 2-core machine) stands in.
 */
import { formatDecimal } from '../../ui/format'
import { t } from '../../ui/i18n'

const RATE_KEY = 'sightline.graph.paintMsPerElement'

/** Milliseconds per element, from the bench's first paint of 25,000 elements. */
const BENCH_MS_PER_ELEMENT = 0.12

/** Below this many elements a paint is mostly fixed cost and says little about the rate. */
const TELLING_ELEMENTS = 1_000

/** Fixed cost of any paint (making the chart, one frame), left out of the rate. */
const FIXED_MS = 80

function storedRate(): number | null {
  const value = Number(localStorage.getItem(RATE_KEY))
  return Number.isFinite(value) && value > 0 ? value : null
}

/** Remembers how long a chart of `elements` took from elements in hand to painted. */
export function recordPaint(elements: number, ms: number): void {
  if (elements < TELLING_ELEMENTS || !(ms > FIXED_MS)) return
  localStorage.setItem(RATE_KEY, String((ms - FIXED_MS) / elements))
}

/** About how long drawing `elements` elements takes here, in milliseconds. */
export function expectedPaintMs(elements: number): number {
  return FIXED_MS + elements * (storedRate() ?? BENCH_MS_PER_ELEMENT)
}

/** "about 3 s", "under a second". */
export function costText(ms: number): string {
  if (ms < 1_000) return t('graph.underASecond')
  const seconds = ms / 1_000
  return t('graph.aboutSeconds', { seconds: formatDecimal(seconds, seconds < 10 ? 1 : 0) })
}
