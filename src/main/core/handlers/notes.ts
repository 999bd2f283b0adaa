import type { notesMethods } from '../../../shared/api/notes'
import {
  citeInNote,
  createNote,
  deleteNote,
  getNote,
  listNotes,
  parseAllNotes,
  notesCiting,
  notesMentioning,
  quoteSuggestions,
  resolveNoteLinks,
  updateNote,
} from '../services/notes'
import type { Handlers } from './types'

export const notesHandlers: Handlers<typeof notesMethods> = {
  'notes.list': async (input, ws) => {
    await parseAllNotes(ws.current)
    return listNotes(ws.current, input)
  },
  'notes.get': ({ id }, ws) => getNote(ws.current, id),
  'notes.create': (input, ws) => createNote(ws.current, input),
  'notes.update': (input, ws) => updateNote(ws.current, input),
  'notes.delete': ({ id }, ws) => deleteNote(ws.current, id),
  'notes.cite': (input, ws) => citeInNote(ws.current, input),
  'notes.citing': async ({ annotationId }, ws) => {
    await parseAllNotes(ws.current)
    return notesCiting(ws.current, annotationId)
  },
  'notes.mentioning': async ({ entityId }, ws) => {
    await parseAllNotes(ws.current)
    return notesMentioning(ws.current, entityId)
  },
  'notes.resolve': async (input, ws) => {
    await parseAllNotes(ws.current)
    return resolveNoteLinks(ws.current, input)
  },
  'notes.quoteSuggestions': async (input, ws) => {
    await parseAllNotes(ws.current)
    return quoteSuggestions(ws.current, input)
  },
}
