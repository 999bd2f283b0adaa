import { describe, expect, it } from 'vitest'
import { englishErrorText } from '../../../shared/error-texts'
import { ApiError, localMessage } from './errors'

const notFound = {
  code: 'not_found' as const,
  message: englishErrorText({ key: 'notFound', values: { kind: 'entity', id: 'e1' } }),
  text: { key: 'notFound' as const, values: { kind: 'entity', id: 'e1' } },
}

describe("a refusal in the window's language", () => {
  it('is the main process’s English in an English window', () => {
    expect(new ApiError(notFound).message).toBe('No entity with id "e1" in this project.')
    expect(localMessage(notFound, 'en')).toBe(notFound.message)
  })

  it('is translated whole in Dari when it comes with a key, its kind too', () => {
    expect(localMessage(notFound, 'fa-AF')).toBe('موجودیت با شناسهٔ «e1» در این پروژه نیست.')
  })

  it('keeps an unkeyed English detail under the Dari headline of its code', () => {
    const body = { code: 'storage' as const, message: 'Disk full.' }
    expect(localMessage(body, 'fa-AF')).toBe('روی دیسک ذخیره نشد. \u2068Disk full.\u2069')
  })

  it('falls back to the headline for a key this window does not know', () => {
    const body = {
      code: 'conflict' as const,
      message: 'Newer words.',
      text: { key: 'fromANewerBuild', values: {} },
    }
    expect(localMessage(body as never, 'fa-AF')).toContain('\u2068Newer words.\u2069')
  })
})
