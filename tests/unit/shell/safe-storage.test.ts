// The safeStorage cipher against a fake electron: which protection each
// backend means, and that tokens go through the asynchronous API only.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { SecretStore } from '../../../src/main/accounts/secret-store'
import { safeStorageCipher } from '../../../src/main/shell/safe-storage'
import { tempDir } from '../../paths'

const fake = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret' as string,
  shouldReEncrypt: false,
  encrypted: [] as string[],
}))

vi.mock('electron', () => ({
  safeStorage: {
    isAsyncEncryptionAvailable: async () => fake.available,
    getSelectedStorageBackend: () => fake.backend,
    encryptStringAsync: async (plain: string) => {
      fake.encrypted.push(plain)
      return Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`)
    },
    decryptStringAsync: async (encrypted: Buffer) => ({
      result: Buffer.from(encrypted.toString().replace(/^sealed:/, ''), 'hex').toString(),
      shouldReEncrypt: fake.shouldReEncrypt,
    }),
    // The deprecated synchronous API must never be used: it can block the main process on a keyring prompt.
    encryptString: () => {
      throw new Error('synchronous encryptString used')
    },
    decryptString: () => {
      throw new Error('synchronous decryptString used')
    },
    isEncryptionAvailable: () => {
      throw new Error('synchronous isEncryptionAvailable used')
    },
  },
}))

const TOKEN = 'canary-token-7f3a9c1e0b2d4f6a8c0e2a4b6d8f0a1c'

beforeEach(() => {
  fake.available = true
  fake.backend = 'gnome_libsecret'
  fake.shouldReEncrypt = false
  fake.encrypted.length = 0
})

describe('safeStorageCipher', () => {
  it.each([
    ['linux', 'gnome_libsecret', 'os_keystore'],
    ['linux', 'kwallet5', 'os_keystore'],
    ['linux', 'kwallet6', 'os_keystore'],
    ['linux', 'basic_text', 'unprotected'],
    // Only before the app is ready; never taken for a keyring.
    ['linux', 'unknown', 'unprotected'],
    ['darwin', 'basic_text', 'os_keystore'],
    ['win32', 'unknown', 'os_keystore'],
  ] as const)('on %s with backend %s, reports %s', async (platform, backend, protection) => {
    fake.backend = backend
    expect(await safeStorageCipher(platform).protection()).toBe(protection)
  })

  it('reports unavailable when the asynchronous encryptor cannot start, whatever the backend', async () => {
    fake.available = false
    for (const platform of ['linux', 'darwin', 'win32'] as const) expect(await safeStorageCipher(platform).protection()).toBe('unavailable')
  })

  it('encrypts and decrypts through the async API, passing on a request to re-encrypt', async () => {
    const cipher = safeStorageCipher('linux')
    const sealed = await cipher.encrypt(TOKEN)
    expect(sealed.includes(TOKEN)).toBe(false)
    expect(await cipher.decrypt(sealed)).toEqual({ plain: TOKEN, reEncrypt: false })
    fake.shouldReEncrypt = true
    expect(await cipher.decrypt(sealed)).toEqual({ plain: TOKEN, reEncrypt: true })
  })

  it('has the secret store rewrite a token when safeStorage says so', async () => {
    const store = new SecretStore(tempDir('safe-storage'), safeStorageCipher('linux'))
    await store.save('a', TOKEN, { acceptUnprotected: false })
    expect(fake.encrypted).toHaveLength(1)
    await store.load('a')
    expect(fake.encrypted).toHaveLength(1)
    fake.shouldReEncrypt = true
    expect(await store.load('a')).toBe(TOKEN)
    expect(fake.encrypted).toHaveLength(2)
  })
})
