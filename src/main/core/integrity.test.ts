import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProjectFile } from '../../shared/model'
import { SAMPLE_DIR } from '../../../test/support/folders'
import { findIntegrityProblems, findIntegrityProblemsInSlices } from './integrity'
import { PROJECT_FILE } from './project-store'
import { Slicer } from './store/lines'

async function sample(): Promise<ProjectFile> {
  return ProjectFile.parse(JSON.parse(await readFile(join(SAMPLE_DIR, PROJECT_FILE), 'utf8')))
}

describe('integrity checks', () => {
  it('find the sample sound, whole or in slices', async () => {
    const file = await sample()
    expect(findIntegrityProblems(file)).toEqual([])
    expect(await findIntegrityProblemsInSlices(file, 20, new Slicer())).toEqual([])
  })

  it('report an id used twice within a collection', async () => {
    const file = await sample()
    const twin = { ...file.notes[0]!, title: 'Twin' }
    expect(findIntegrityProblems({ ...file, notes: [...file.notes, twin] })).toEqual([
      `the id "${twin.id}" is used twice (a note)`,
    ])
  })

  it('let two collections use the same id (records are addressed by collection and id)', async () => {
    const file = await sample()
    const note = { ...file.notes[0]!, id: file.entities[0]!.id }
    expect(findIntegrityProblems({ ...file, notes: [...file.notes, note] })).toEqual([])
  })

  it('report every kind of reference to nothing, in words that name both ends', async () => {
    const file = await sample()
    const annotation = file.annotations[0]!
    const relation = file.relations[0]!
    const cases: [Partial<ProjectFile>, string][] = [
      [
        { annotations: [{ ...annotation, sourceId: 'gone-source' }] },
        `annotation "${annotation.id}" points to a missing source "gone-source"`,
      ],
      [
        { annotations: [{ ...annotation, entityIds: ['gone-entity'] }] },
        `annotation "${annotation.id}" links a missing entity "gone-entity"`,
      ],
      [
        { relations: [{ ...relation, from: 'gone-from' }] },
        `relation "${relation.id}" links a missing entity "gone-from"`,
      ],
      [
        { relations: [{ ...relation, to: 'gone-to' }] },
        `relation "${relation.id}" links a missing entity "gone-to"`,
      ],
      [
        { relations: [{ ...relation, evidence: ['gone-quote'] }] },
        `relation "${relation.id}" cites a missing annotation "gone-quote"`,
      ],
      [
        {
          suggestionDismissals: [
            {
              id: 'dismissed-1',
              sourceId: 'gone-source',
              key: 'k',
              label: 'L',
              createdAt: annotation.createdAt,
              updatedAt: annotation.createdAt,
            },
          ],
        },
        `dismissed suggestion "dismissed-1" points to a missing source "gone-source"`,
      ],
      [
        {
          analysisEvidence: [{ id: 'row-1', analysisId: 'gone-analysis' }],
        } as unknown as Partial<ProjectFile>,
        `evidence row "row-1" belongs to a missing analysis "gone-analysis"`,
      ],
    ]
    for (const [change, problem] of cases) {
      // One quote and no relation but the case's own: the sample's other relations cite
      // quotes this copy leaves out.
      const changed = { ...file, annotations: [annotation], relations: [], ...change }
      expect(findIntegrityProblems(changed)).toEqual([problem])
    }
  })
})
