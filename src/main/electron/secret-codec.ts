import { safeStorage } from 'electron'
import type { SecretCodec } from '../core/sync/credentials'

/**
 * Hub passwords encrypted with the OS keychain (safeStorage) before they reach the 0600
 * vault file. Where the keychain is unavailable (some Linux desktops) the file's rights
 * are the only protection, as in browser mode; the prefix says which was used.
 */
export const safeStorageCodec: SecretCodec = {
  encode: (secret) =>
    safeStorage.isEncryptionAvailable()
      ? `safe:${safeStorage.encryptString(secret).toString('base64')}`
      : `plain:${secret}`,
  decode: (stored) =>
    stored.startsWith('safe:')
      ? safeStorage.decryptString(Buffer.from(stored.slice(5), 'base64'))
      : stored.replace(/^plain:/, ''),
}
