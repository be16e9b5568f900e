import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SecretStore, UnprotectedStorageRefused, type Cipher, type Protection } from '../../../src/main/accounts/secret-store'
import { tempDir } from '../../paths'

/** A stand-in for safeStorage: reversible, but never the plain text on disk. */
function fakeCipher(protection: Protection): Cipher {
  return {
    protection: async () => protection,
    encrypt: async (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)),
    decrypt: async (encrypted) => Buffer.from(encrypted.map((byte) => byte ^ 0x5a)).toString('utf8'),
  }
}

const TOKEN = 'canary-token-7f3a9c1e0b2d4f6a8c0e2a4b6d8f0a1c'

describe('SecretStore', () => {
  it('keeps a token only encrypted, per account, and forgets it', async () => {
    const dir = tempDir('secrets')
    const store = new SecretStore(dir, fakeCipher('os_keystore'))
    await store.save('a', TOKEN, { acceptUnprotected: false })
    expect(await store.load('a')).toBe(TOKEN)
    expect(await store.load('b')).toBeNull()
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(TOKEN)).toBe(false)
    store.forget('a')
    expect(await store.load('a')).toBeNull()
  })

  it('refuses an unprotected keystore unless the user accepted it', async () => {
    const store = new SecretStore(tempDir('secrets-basic'), fakeCipher('unprotected'))
    await expect(store.save('a', TOKEN, { acceptUnprotected: false })).rejects.toBeInstanceOf(UnprotectedStorageRefused)
    expect(await store.load('a')).toBeNull()
    await store.save('a', TOKEN, { acceptUnprotected: true })
    expect(await store.load('a')).toBe(TOKEN)
  })

  it('stores nothing when no keystore exists at all', async () => {
    const store = new SecretStore(tempDir('secrets-none'), fakeCipher('unavailable'))
    await expect(store.save('a', TOKEN, { acceptUnprotected: true })).rejects.toThrow(/no way to store/)
  })
})
