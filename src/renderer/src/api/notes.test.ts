import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Note } from '../../../shared/model'
import { call } from './client'
import { noteKeys, saveNote } from './notes'
import { queryClient } from './query-client'
import { reportKeys } from './reports'

vi.mock('./client', () => ({ call: vi.fn() }))
const mockedCall = vi.mocked(call)

afterEach(() => {
  queryClient.clear()
  mockedCall.mockReset()
})

const stored: Note = {
  id: 'n1',
  title: 'Panjshir',
  body: 'Text',
  createdAt: '2025-06-01T09:00:00.000Z',
  updatedAt: '2025-06-01T09:05:00.000Z',
}

describe('saveNote', () => {
  it('sends the draft with its base and refreshes lists, backlinks and reports', async () => {
    const keys = [
      noteKeys.list(''),
      noteKeys.citing('a1'),
      noteKeys.mentioning('e1'),
      reportKeys.choices(),
      reportKeys.html('r1', 'then'),
    ]
    for (const key of keys) queryClient.setQueryData(key, [])
    mockedCall.mockResolvedValueOnce(stored)

    const saved = await saveNote('n1', { title: 'Panjshir', body: 'Text' }, 'base')

    expect(saved).toBe(stored)
    expect(mockedCall).toHaveBeenCalledWith('notes.update', {
      id: 'n1',
      title: 'Panjshir',
      body: 'Text',
      baseUpdatedAt: 'base',
    })
    expect(queryClient.getQueryData(noteKeys.detail('n1'))).toBe(stored)
    for (const key of keys)
      expect(queryClient.getQueryState(key)?.isInvalidated, String(key)).toBe(true)
  })

  it('sends no base for a note never saved from this editor', async () => {
    mockedCall.mockResolvedValueOnce(stored)
    await saveNote('n1', { title: 'Panjshir', body: 'Text' }, undefined)
    expect(mockedCall).toHaveBeenCalledWith('notes.update', {
      id: 'n1',
      title: 'Panjshir',
      body: 'Text',
    })
  })
})
