/**
 * The benchmark harness's contract (issue 3). Each suite measures one hot path and
 * returns measurements, each with the floor measured in the same run where one exists:
 * absolute times on shared machines are noise, ratios measured together are not.
 */

export type Unit = 'ms' | 'x' | 'count' | 'MB' | 'fps' | 'MB/s' | '%'

export interface Target {
  /** What the target applies to: the figure itself or its ratio to the floor. */
  of: 'value' | 'ratio'
  op: '<=' | '<' | '>=' | '>'
  limit: number
}

export interface Measurement {
  /** One line of the table, e.g. "open medium project". */
  name: string
  unit: Unit
  /** Median over the runs after a warm-up. */
  value: number
  /** The physical floor measured in the same run, e.g. bare JSON.parse of the same file. */
  floor?: { name: string; value: number }
  /** value / floor.value, when there is a floor. */
  ratio?: number
  target?: Target
  note?: string
}

export interface BenchContext {
  /** `--quick`: fewer runs and the small preset, the whole bench under 2 minutes. */
  quick: boolean
  /** Runs per measurement after one warm-up (fewer when quick). */
  runs: number
  /** A scratch folder for this run, removed afterwards. */
  tmpDir: string
  /** Chromium for browser-side suites (CHROMIUM_PATH or /usr/bin/chromium), if present. */
  chromiumPath?: string
  /** A project folder generated (and cached for the run) for a preset. */
  project(preset: 'small' | 'medium' | 'large'): Promise<string>
  /** The preset the hot paths are measured on: medium, or small when quick. */
  preset: 'small' | 'medium'
  /** Builds the app (out/main, out/renderer) once per run, for suites that start it. */
  build(): Promise<void>
  /** Progress for the person waiting (stderr); the table stays on stdout. */
  log(message: string): void
}

export interface BenchSuite {
  name: string
  run(ctx: BenchContext): Promise<Measurement[]>
}
