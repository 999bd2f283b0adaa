import type { ProjectExportFile } from '../../src/shared/contract'
import { writeBackup } from '../../src/main/core/backups'
import type { Dispatch } from '../../src/main/core/dispatch'
import type { KnownValues } from './fuzz-arbitraries'
import { readStored } from './stored'

/**
 * Real values the fuzzer can mix in so the deepest paths run too: the sample's folder, a
 * backup that exists, a valid export and near misses of it (tests only).
 */
export async function knownValues(dispatch: Dispatch, sampleFolder: string): Promise<KnownValues> {
  const exported = await dispatch('project.export', {})
  // Kind 'import': the fuzzer's own manual backups rotate, this one must stay.
  const backup = await writeBackup(
    sampleFolder,
    JSON.stringify(await readStored(sampleFolder)),
    'import',
  )
  if (!exported.ok) throw new Error('could not prepare the fuzzer’s known values')
  const content = (exported.value as ProjectExportFile).content
  return {
    path: [sampleFolder],
    folder: [sampleFolder],
    id: [backup.id, 'grp-nrf', 'src-brief'],
    content: [
      content,
      content.replace('"schemaVersion":1', '"schemaVersion":7'),
      content.replace('"attributes":{', '"attributes":{"__proto__":{"polluted":1},'),
      content.slice(0, content.length / 2),
    ],
  }
}
