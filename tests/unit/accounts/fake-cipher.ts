// A stand-in for safeStorage in tests and the session bridge: reversible, but
// never the plain text on disk, and claiming whichever protection a test needs.
import type { Cipher, Protection } from '../../../src/main/accounts/secret-store'

const flip = (bytes: Uint8Array) => Buffer.from(bytes.map((byte) => byte ^ 0x5a))

export function fakeCipher(protection: Protection): Cipher {
  return {
    protection: async () => protection,
    encrypt: async (plain) => flip(Buffer.from(plain, 'utf8')),
    decrypt: async (encrypted) => ({ plain: flip(encrypted).toString('utf8'), reEncrypt: false }),
  }
}
