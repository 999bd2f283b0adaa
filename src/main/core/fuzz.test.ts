/**
 * Every method of the contract, called through dispatch with arbitrary input: it answers
 * with the envelope, a value valid per the contract or an error, never throws, never
 * changes the store when it refuses, and never pollutes Object.prototype.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHOD_NAMES, type MethodName } from '../../shared/contract'
import { createDispatch, type Dispatch } from './dispatch'
import {
  confinePaths,
  type KnownValues,
  inputsFor,
  isEnvelope,
  leaksInternals,
  prototypeIsClean,
} from '../../../test/support/fuzz-arbitraries'
import { knownValues } from '../../../test/support/fuzz-known'
import { check, stateChange, storeState } from '../../../test/support/fuzz-state'
import { copySample, tempDir } from '../../../test/support/folders'
import { Workspace } from './workspace'

const RUNS_PER_METHOD = 500

let dir: Awaited<ReturnType<typeof tempDir>>
let sampleFolder: string
let workspace: Workspace
let dispatch: Dispatch
const unexpected: unknown[] = []
let known: KnownValues = {}
const tally = { calls: 0, ok: 0, refused: 0 }
const okByMethod = new Map<string, number>()

beforeAll(async () => {
  dir = await tempDir('sightline-fuzz-')
  workspace = new Workspace({ userDataDir: dir.path, store: { writeDelayMs: 5, backups: false } })
  sampleFolder = await copySample(dir.path)
  await workspace.open(sampleFolder)
  dispatch = createDispatch(workspace, {
    validateOutput: true,
    logError: (error) => unexpected.push(error),
  })
  known = await knownValues(dispatch, sampleFolder)
})
afterAll(async () => {
  await workspace.close()
  await dir.cleanup()
  console.info(
    `dispatch fuzz: ${tally.calls} calls over ${METHOD_NAMES.length} methods (${tally.ok} ok, ${tally.refused} refused); ok per method: ${METHOD_NAMES.map((m) => `${m} ${okByMethod.get(m) ?? 0}`).join(', ')}`,
  )
})

describe('dispatch under arbitrary input', () => {
  it.each(METHOD_NAMES)(
    '%s',
    async (method: MethodName) => {
      // Earlier methods may have opened or created other projects; each starts on the sample.
      await workspace.open(sampleFolder)
      unexpected.length = 0
      await fc.assert(
        fc.asyncProperty(inputsFor(method, known), async (generated) => {
          const input = confinePaths(method, generated, dir.path)
          const before = storeState(workspace)
          let result: unknown
          try {
            result = await dispatch(method, input)
          } catch (error) {
            throw new Error(`dispatch threw: ${String(error)}`, { cause: error })
          }
          tally.calls++
          check(isEnvelope(result), `not an envelope: ${JSON.stringify(result)}`)
          check(prototypeIsClean(), 'Object.prototype was polluted')
          check(unexpected.length === 0, `unexpected errors: ${unexpected.map(String).join('; ')}`)
          const envelope = result as { ok: boolean; error?: { code: string; message: string } }
          if (envelope.ok) {
            tally.ok++
            okByMethod.set(method, (okByMethod.get(method) ?? 0) + 1)
            return
          }
          tally.refused++
          // validateOutput turns an output that breaks the contract into 'internal'.
          check(envelope.error?.code !== 'internal', `internal error: ${envelope.error?.message}`)
          check(
            !leaksInternals(envelope.error?.message ?? ''),
            `the message leaks internals: ${envelope.error?.message}`,
          )
          const change = stateChange(before, storeState(workspace))
          check(change === null, `refused, yet the store changed: ${change}`)
        }),
        { numRuns: RUNS_PER_METHOD },
      )
      // 500 backups take 4 s alone, but past 20 s once earlier methods' background work (indexes,
      // workers) shares the core: a limit for the slowest method, not a figure to meet.
    },
    90_000,
  )

  it('refuses deeply nested input with a clear message, for every method', async () => {
    let deep: unknown = 'bottom'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    for (const method of METHOD_NAMES) {
      const result = await dispatch(method, { nested: deep })
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          message: expect.stringMatching(/nested more than 32 levels deep/),
        },
      })
    }
  })

  it('refuses a prototype-polluting key with a clear message and pollutes nothing', async () => {
    for (const method of METHOD_NAMES) {
      const input = JSON.parse('{"__proto__": {"polluted": true}, "id": "grp-nrf"}') as unknown
      const result = await dispatch(method, input)
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          message: expect.stringContaining('"__proto__" is not allowed'),
        },
      })
    }
    expect(prototypeIsClean()).toBe(true)
  })
})
