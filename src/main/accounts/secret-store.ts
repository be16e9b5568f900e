// Tokens are kept only here: encrypted by the operating system's keystore
// (Electron's safeStorage in the app), one file per account, never in a
// cache, a log or an export. The CLI and tests inject their own cipher.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * What protects a stored token. `unprotected` is Linux's basic_text backend:
 * the "encryption" key is hard-coded, so any process of the user can read it.
 */
export type Protection = 'os_keystore' | 'unprotected' | 'unavailable'

export interface Cipher {
  protection(): Promise<Protection>
  encrypt(plain: string): Promise<Buffer>
  decrypt(encrypted: Buffer): Promise<string>
}

export class UnprotectedStorageRefused extends Error {
  constructor() {
    super(
      'this computer offers no protected keystore (Linux basic_text): the token would be readable by any program you run. ' +
        'Confirm that you accept storing it unprotected on this machine, or set up a keyring (GNOME Keyring, KWallet).',
    )
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
    if (protection === 'unavailable') throw new Error('no way to store a secret on this computer: the token was not saved')
    if (protection === 'unprotected' && !options.acceptUnprotected) throw new UnprotectedStorageRefused()
    mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    writeFileSync(this.file(accountId), await this.cipher.encrypt(token), { mode: 0o600 })
  }

  async load(accountId: string): Promise<string | null> {
    let encrypted: Buffer
    try {
      encrypted = readFileSync(this.file(accountId))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    return this.cipher.decrypt(encrypted)
  }

  forget(accountId: string): void {
    rmSync(this.file(accountId), { force: true })
  }

  private file(accountId: string): string {
    return join(this.dir, `${accountId}.token`)
  }
}
