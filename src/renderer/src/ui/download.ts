/**
 * Hands a file to the user as a download (Electron shows its save dialog for it). The data
 * goes through a Blob URL, so nothing leaves the machine.
 */

/**
 * How long the Blob URL outlives the click: the download reads the blob after click()
 * returns, and a large export (or Electron's save dialog) may take a while to do so.
 */
export const DOWNLOAD_URL_LIFETIME_MS = 60_000

export function downloadFile(fileName: string, data: Blob): void {
  const url = URL.createObjectURL(data)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS)
}

/** A file that came over the API as base64 (a PDF), as a Blob to download. */
export function blobFromBase64(base64: string, type: string): Blob {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type })
}
