import { afterEach, describe, expect, it, vi } from 'vitest'
import { blobFromBase64, downloadFile, DOWNLOAD_URL_LIFETIME_MS } from './download'

/** The little of `document` a download touches, recording what happens to the link. */
function fakeDocument() {
  const events: string[] = []
  const link = {
    href: '',
    download: '',
    rel: '',
    hidden: false,
    click: () => events.push(`click ${link.download}`),
    remove: () => events.push('remove'),
  }
  const doc = {
    createElement: (tag: string) => {
      events.push(`create ${tag}`)
      return link
    },
    body: { append: () => events.push('append') },
  }
  return { doc, link, events }
}

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('downloadFile', () => {
  it('clicks a hidden link to a Blob URL and releases the URL once, a while later', () => {
    vi.useFakeTimers()
    const { doc, link, events } = fakeDocument()
    vi.stubGlobal('document', doc)
    const revoked: string[] = []
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
      revoked.push(url)
    })

    downloadFile('groups.csv', new Blob(['a,b'], { type: 'text/csv' }))

    expect(events).toEqual(['create a', 'append', 'click groups.csv', 'remove'])
    expect(link.href).toMatch(/^blob:/)
    expect(link.hidden).toBe(true)
    vi.advanceTimersByTime(DOWNLOAD_URL_LIFETIME_MS - 1)
    expect(revoked).toEqual([])
    vi.advanceTimersByTime(1)
    expect(revoked).toEqual([link.href])
    revoke.mockRestore()
  })

  it('turns base64 from the API back into the same bytes', async () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => i % 256)
    const base64 = btoa(String.fromCharCode(...bytes))
    const blob = blobFromBase64(base64, 'application/pdf')
    expect(blob.type).toBe('application/pdf')
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes)
  })
})
