import { describe, expect, it } from 'vitest'
import { blobToBase64, fileStem, pngSize } from './image-export'

/** A 3x2 PNG's first 24 bytes: signature, IHDR length and type, width, height. */
const PNG_HEAD = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 3,
  0, 0, 0, 2,
])

describe('image export helpers', () => {
  it('reads a PNG’s size from its header', async () => {
    expect(await pngSize(new Blob([PNG_HEAD]))).toEqual({ width: 3, height: 2 })
  })

  it('encodes a blob as base64, also past one chunk', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251)
    const encoded = await blobToBase64(new Blob([bytes]))
    const decoded = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0))
    expect(decoded).toEqual(bytes)
  })

  it('names files after the project, in plain letters', () => {
    expect(fileStem('Armed opposition to the Taliban (sample)')).toBe(
      'armed-opposition-to-the-taliban-sample',
    )
    expect(fileStem('Pañjshīr')).toBe('panjshir')
    expect(fileStem('طالبان')).toBe('graph')
    expect(fileStem(undefined)).toBe('graph')
  })
})
