import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { ProjectFile } from '../../../shared/model'
import { SAMPLE_DIR } from '../../../../test/support/folders'
import { ChangeTracker } from './changes'
import { V1_FILE } from './format'
import { Slicer } from './lines'
import { capture } from './snapshot-writer'

let file: ProjectFile
let tracker: ChangeTracker
beforeEach(async () => {
  file = ProjectFile.parse(JSON.parse(await readFile(join(SAMPLE_DIR, V1_FILE), 'utf8')))
  tracker = await ChangeTracker.of(
    capture(file as unknown as Record<string, unknown>),
    new Slicer(),
  )
})

/** The changes as (op collection id) lines, and records the batch as saved. */
function saved(): string[] {
  const diff = tracker.diff(file)
  diff.commit()
  return diff.changes.map((c) => `${c.op} ${c.c}${c.id === undefined ? '' : ` ${c.id}`}`)
}

describe('the change tracker', () => {
  it('looks only at the collections and fields it is told an edit reached', () => {
    const [entity] = file.entities
    const [note] = file.notes
    file.entities[0] = { ...entity!, name: 'Renamed' }
    file.notes[0] = { ...note!, body: 'Rewritten' }
    file.project = { ...file.project, name: 'Renamed project' }
    const diff = tracker.diff(file, new Set(['entities']))
    diff.commit()
    expect(diff.changes.map((c) => `${c.op} ${c.c} ${c.id ?? ''}`)).toEqual([
      `put entities ${entity!.id}`,
    ])
    // The others are found once they are looked at.
    expect(saved()).toEqual(['put project', `put notes ${note!.id}`])
  })

  it('finds nothing when nothing changed', () => {
    expect(saved()).toEqual([])
  })

  it('finds a replaced record, once', () => {
    const [first] = file.entities
    file.entities[0] = { ...first!, name: 'Renamed' }
    expect(saved()).toEqual([`put entities ${first!.id}`])
    expect(saved()).toEqual([])
  })

  it('sees only the new record when one is inserted at the front (the rest moved, unchanged)', () => {
    const copy = { ...file.entities[0]!, id: 'grp-new' }
    file.entities.unshift(copy)
    expect(saved()).toEqual(['put entities grp-new'])
    file.entities.reverse()
    expect(saved()).toEqual([])
  })

  it('finds a record deleted in the middle and a change after it', () => {
    const removed = file.entities.splice(2, 1)[0]!
    const last = file.entities.length - 1
    file.entities[last] = { ...file.entities[last]!, name: 'Last, renamed' }
    expect(saved().sort()).toEqual(
      [`del entities ${removed.id}`, `put entities ${file.entities[last]!.id}`].sort(),
    )
    expect(saved()).toEqual([])
  })

  it('finds a changed field (views) by its content', () => {
    file.views = { ...file.views, gridColumns: { entities: [] } }
    expect(saved()).toEqual(['put views'])
    expect(saved()).toEqual([])
  })

  it('keeps its baseline when a batch is not committed (a failed append)', () => {
    file.notes[0] = { ...file.notes[0]!, title: 'Edited' }
    expect(tracker.diff(file).changes).toHaveLength(1)
    expect(saved()).toEqual([`put notes ${file.notes[0]!.id}`])
  })
})
