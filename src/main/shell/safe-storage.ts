// The app's Cipher for stored tokens: Electron's safeStorage, which hands the
// key to the OS keystore (Keychain, DPAPI, libsecret or KWallet). Only its
// asynchronous API: the synchronous one is deprecated and may block on a keyring prompt.
import { safeStorage } from 'electron'
import type { Cipher, Protection } from '../accounts/secret-store'

// Linux backends that keep the key in a real keyring; anything else
// (basic_text, or 'unknown' before the app is ready) uses a key built into Chromium.
const LINUX_KEYRINGS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])

export function safeStorageCipher(platform: NodeJS.Platform = process.platform): Cipher {
  return {
    async protection(): Promise<Protection> {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'unavailable'
      if (platform === 'linux' && !LINUX_KEYRINGS.has(safeStorage.getSelectedStorageBackend())) return 'unprotected'
      return 'os_keystore'
    },
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    async decrypt(encrypted) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted)
      return { plain: result, reEncrypt: shouldReEncrypt }
    },
  }
}
