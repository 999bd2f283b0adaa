import type { sourceMethods } from '../../../shared/api/sources'
import {
  addAsVersion,
  deleteSource,
  editSourceText,
  getSource,
  importSource,
  listSources,
  pasteSource,
  updateSource,
} from '../services/sources'
import type { Handlers } from './types'

export const sourceHandlers: Handlers<typeof sourceMethods> = {
  'sources.list': (_, ws) => listSources(ws.current),
  'sources.get': ({ id }, ws) => getSource(ws.current, id),
  'sources.import': (input, ws) => importSource(ws.current, input, ws.imports),
  'sources.importProgress': ({ jobId }, ws) => ws.imports.progress(jobId),
  'sources.cancelImport': ({ jobId }, ws) => ({ cancelled: ws.imports.cancel(jobId) }),
  'sources.paste': (input, ws) => pasteSource(ws.current, input),
  'sources.update': (input, ws) => updateSource(ws.current, input),
  'sources.editText': (input, ws) => editSourceText(ws.current, input),
  'sources.addAsVersion': (input, ws) => addAsVersion(ws.current, input),
  'sources.delete': ({ id }, ws) => deleteSource(ws.current, id),
}
