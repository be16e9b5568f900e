import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NoSecretStorage, SecretStore, UnprotectedStorageRefused, type Cipher } from '../../../src/main/accounts/secret-store'
import { tempDir } from '../../paths'
import { fakeCipher } from './fake-cipher'

const TOKEN = 'canary-token-7f3a9c1e0b2d4f6a8c0e2a4b6d8f0a1c'

describe('SecretStore', () => {
  it('keeps a token only encrypted, per account, owner-readable only, and forgets it', async () => {
    const dir = tempDir('secrets')
    const store = new SecretStore(dir, fakeCipher('os_keystore'))
    await store.save('a', TOKEN, { acceptUnprotected: false })
    expect(await store.load('a')).toBe(TOKEN)
    expect(await store.load('b')).toBeNull()
    expect([store.has('a'), store.has('b')]).toEqual([true, false])
    expect(readdirSync(dir)).toEqual(['a.token'])
    expect(statSync(join(dir, 'a.token')).mode & 0o777).toBe(0o600)
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(TOKEN)).toBe(false)
    store.forget('a')
    expect(store.has('a')).toBe(false)
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
    await expect(store.save('a', TOKEN, { acceptUnprotected: true })).rejects.toBeInstanceOf(NoSecretStorage)
    expect(store.has('a')).toBe(false)
  })

  it('rewrites a token the keystore asks to re-encrypt (a rotated key), and only then', async () => {
    // Each encryption is tagged with the key generation; generation 1 is stale.
    let generation = 1
    const cipher: Cipher = {
      protection: async () => 'os_keystore',
      encrypt: async (plain) => Buffer.from(`v${generation}:${Buffer.from(plain).toString('base64')}`),
      decrypt: async (encrypted) => {
        const [tag, body] = encrypted.toString().split(':')
        return { plain: Buffer.from(body!, 'base64').toString(), reEncrypt: tag !== `v${generation}` }
      },
    }
    const dir = tempDir('secrets-rotated')
    const store = new SecretStore(dir, cipher)
    await store.save('a', TOKEN, { acceptUnprotected: false })
    expect(readFileSync(join(dir, 'a.token'), 'utf8')).toMatch(/^v1:/)
    expect(await store.load('a')).toBe(TOKEN)
    expect(readFileSync(join(dir, 'a.token'), 'utf8')).toMatch(/^v1:/)
    generation = 2
    expect(await store.load('a')).toBe(TOKEN)
    expect(readFileSync(join(dir, 'a.token'), 'utf8')).toMatch(/^v2:/)
    expect(readdirSync(dir)).toEqual(['a.token'])
  })
})
