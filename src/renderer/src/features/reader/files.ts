import { MAX_IMPORT_BYTES } from '../../../../shared/contract'

export const ACCEPTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx']

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`
}

/** A message when a file cannot be sent at all (too large, empty), else null. */
export function precheckFile(file: File): string | null {
  if (file.size === 0) return `"${file.name}" is empty; there is nothing to import.`
  if (file.size > MAX_IMPORT_BYTES) {
    return `"${file.name}" is ${megabytes(file.size)}; Sightline imports files up to ${megabytes(MAX_IMPORT_BYTES)}.`
  }
  return null
}

/** The file's bytes as base64, the form they travel in through the contract. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error(`"${file.name}" could not be read.`))
    reader.readAsDataURL(file)
  })
}
