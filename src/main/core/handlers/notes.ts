import type { notesMethods } from '../../../shared/api/notes'
import {
  citeInNote,
  createNote,
  deleteNote,
  getNote,
  listNotes,
  notesCiting,
  notesMentioning,
  quoteSuggestions,
  resolveNoteLinks,
  updateNote,
} from '../services/notes'
import type { Handlers } from './types'

export const notesHandlers: Handlers<typeof notesMethods> = {
  'notes.list': (input, ws) => listNotes(ws.current, input),
  'notes.get': ({ id }, ws) => getNote(ws.current, id),
  'notes.create': (input, ws) => createNote(ws.current, input),
  'notes.update': (input, ws) => updateNote(ws.current, input),
  'notes.delete': ({ id }, ws) => deleteNote(ws.current, id),
  'notes.cite': (input, ws) => citeInNote(ws.current, input),
  'notes.citing': ({ annotationId }, ws) => notesCiting(ws.current, annotationId),
  'notes.mentioning': ({ entityId }, ws) => notesMentioning(ws.current, entityId),
  'notes.resolve': (input, ws) => resolveNoteLinks(ws.current, input),
  'notes.quoteSuggestions': (input, ws) => quoteSuggestions(ws.current, input),
}
