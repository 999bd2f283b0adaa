/** The chart as files: their names, a PNG's size, and the PNG as base64 to keep for reports. */

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
export async function pngSize(blob: Blob): Promise<{ width: number; height: number }> {
  const header = new DataView(await blob.slice(0, 24).arrayBuffer())
  return { width: header.getUint32(16), height: header.getUint32(20) }
}

export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}

/** "Armed opposition (sample)" -> "armed-opposition-sample". */
export function fileStem(name: string | undefined): string {
  const slug = (name ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return slug || 'graph'
}
