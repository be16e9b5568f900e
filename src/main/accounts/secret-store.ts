// Tokens are kept only here: encrypted by the operating system's keystore
// (Electron's safeStorage in the app), one file per account, never in a
// cache, a log or an export. The CLI and tests inject their own cipher.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { TokenProtection } from '../../shared/contract'
import { writeFileAtomically } from '../files/atomic-write'

/**
 * What protects a stored token. `unprotected` is Linux's basic_text backend:
 * the "encryption" key is hard-coded, so any process of the user can read it.
 */
export type Protection = TokenProtection

export interface Decrypted {
  plain: string
  /** The keystore's key was rotated or improved: encrypt again and store the new form. */
  reEncrypt: boolean
}

export interface Cipher {
  protection(): Promise<Protection>
  encrypt(plain: string): Promise<Buffer>
  decrypt(encrypted: Buffer): Promise<Decrypted>
}

export class UnprotectedStorageRefused extends Error {
  constructor() {
    super(
      'this computer offers no protected keystore (Linux basic_text): the token would be readable by any program you run. ' +
        'Confirm that you accept storing it unprotected on this machine, or set up a keyring (GNOME Keyring, KWallet).',
    )
  }
}

export class NoSecretStorage extends Error {
  constructor() {
    super('this computer offers no way to store a secret (no keystore is available): the token was not saved')
  }
}

export class SecretStore {
  constructor(
    private readonly dir: string,
    private readonly cipher: Cipher,
  ) {}

  protection(): Promise<Protection> {
    return this.cipher.protection()
  }

  async save(accountId: string, token: string, options: { acceptUnprotected: boolean }): Promise<void> {
    const protection = await this.cipher.protection()
    if (protection === 'unavailable') throw new NoSecretStorage()
    if (protection === 'unprotected' && !options.acceptUnprotected) throw new UnprotectedStorageRefused()
    this.write(accountId, await this.cipher.encrypt(token))
  }

  async load(accountId: string): Promise<string | null> {
    let encrypted: Buffer
    try {
      encrypted = readFileSync(this.file(accountId))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    const { plain, reEncrypt } = await this.cipher.decrypt(encrypted)
    if (reEncrypt) {
      try {
        this.write(accountId, await this.cipher.encrypt(plain))
      } catch {
        // The old form still decrypts: a failed rewrite costs nothing but another try next time.
      }
    }
    return plain
  }

  /** Whether a token is stored, without decrypting it (which may prompt the user for the keychain). */
  has(accountId: string): boolean {
    return existsSync(this.file(accountId))
  }

  forget(accountId: string): void {
    rmSync(this.file(accountId), { force: true })
  }

  // Never half a token that no longer decrypts; readable by this user only.
  private write(accountId: string, encrypted: Buffer): void {
    writeFileAtomically(this.file(accountId), encrypted, { mode: 0o600 })
  }

  private file(accountId: string): string {
    return join(this.dir, `${accountId}.token`)
  }
}
