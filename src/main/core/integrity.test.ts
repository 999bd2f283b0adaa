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
})
