import { ProjectStore } from '../../src/main/core/project-store'
import { copySample } from './folders'

/**
 * The sample copied into `parent`, converted to v2 (snapshot 1, journal 1) with one saved
 * edit (the National Resistance Front renamed "Edited once"), left uncompacted: a folder
 * whose journal has something to replay. Returns its path.
 */
export async function sampleWithOneJournaledEdit(parent: string): Promise<string> {
  const folder = await copySample(parent)
  const store = await ProjectStore.open(folder, {
    writeDelayMs: 0,
    backups: false,
    compaction: { onClose: false },
  })
  store.mutate((data) => {
    const at = data.entities.findIndex((e) => e.id === 'grp-nrf')
    data.entities[at] = { ...data.entities[at]!, name: 'Edited once' }
  })
  await store.close()
  return folder
}
