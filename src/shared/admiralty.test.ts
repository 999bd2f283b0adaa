import { describe, expect, it } from 'vitest'
import { credibilityLabel, reliabilityLabel } from './admiralty'
import { Credibility, RELIABILITY_GRADES } from './model'

describe('Admiralty labels', () => {
  it('name every grade the model accepts, in the standard wording', () => {
    expect(RELIABILITY_GRADES.map(reliabilityLabel)).toEqual([
      'Completely reliable',
      'Usually reliable',
      'Fairly reliable',
      'Not usually reliable',
      'Unreliable',
      'Reliability cannot be judged',
    ])
    const credibilities = [0, 1, 2, 3, 4, 5, 6, 7].filter((n) => Credibility.safeParse(n).success)
    expect(credibilities.map(credibilityLabel)).toEqual([
      'Confirmed by other sources',
      'Probably true',
      'Possibly true',
      'Doubtful',
      'Improbable',
      'Truth cannot be judged',
    ])
  })

  it('name nothing else', () => {
    for (const grade of ['', 'G', 'a', 'toString', '__proto__']) {
      expect(reliabilityLabel(grade), grade).toBeUndefined()
    }
    for (const grade of [0, 7, 2.5, -1, Number.NaN]) {
      expect(credibilityLabel(grade), String(grade)).toBeUndefined()
    }
  })
})
