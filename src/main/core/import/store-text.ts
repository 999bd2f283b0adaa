/**
 * The import worker keeps the text it read: hashed and written to the project's sources/
 * here, so the main thread receives a hash and a length instead of a long string (a 20 MB
 * PDF's text cost the main thread its copy, its hash and its garbage collection).
 */
import { storeContentFile } from '../content-files'
import { AppError } from '../errors'
import { describeWriteError, SOURCES_FOLDER } from '../project-store'
import { ProjectFiles } from '../safe-files'
import type { StoredText } from './types'

export async function storeText(folder: string, text: string): Promise<StoredText> {
  try {
    const stored = await storeContentFile(
      folder,
      SOURCES_FOLDER,
      'txt',
      Buffer.from(text, 'utf8'),
      new ProjectFiles(folder),
    )
    return { ...stored, length: text.length }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError(
      'storage',
      `The text was read but could not be saved in ${SOURCES_FOLDER}/: ${describeWriteError(error)}. Nothing was added.`,
    )
  }
}
