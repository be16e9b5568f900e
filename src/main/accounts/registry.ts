// The list of Infomaniak accounts the user added: a label and a cache file
// each. It lives beside the caches (never inside one, so switching accounts
// never needs a database open) and never holds a token: see secret-store.ts.
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'

export const ACCOUNT_LABEL_MAX = 80

const accountSchema = z
  .object({
    id: z.uuid(),
    label: z.string().trim().min(1).max(ACCOUNT_LABEL_MAX),
    createdAt: z.number().int().nonnegative(),
  })
  .strict()
export type Account = z.infer<typeof accountSchema>

const fileSchema = z
  .object({
    version: z.literal(1),
    accounts: z.array(accountSchema),
    /** The account the app opens on; null: the demo data. */
    active: z.uuid().nullable(),
  })
  .strict()
  .refine((file) => file.active === null || file.accounts.some((account) => account.id === file.active), {
    message: 'the active account is not in the list',
    path: ['active'],
  })
type RegistryFile = z.infer<typeof fileSchema>

export class RegistryError extends Error {}

/** Writes to a temporary file, syncs it, then renames: a crash leaves the old list or the new one, never half. */
function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, text)
  const fd = openSync(temporary, 'r')
  fsyncSync(fd)
  closeSync(fd)
  renameSync(temporary, path)
}

export class AccountRegistry {
  private readonly path: string

  constructor(private readonly dataDir: string) {
    this.path = join(dataDir, 'accounts.json')
  }

  /** Each account's own cache file; the demo has one too. */
  cachePath(accountId: string | null): string {
    return join(this.dataDir, 'caches', accountId === null ? 'demo.sqlite' : `account-${accountId}.sqlite`)
  }

  read(): RegistryFile {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, accounts: [], active: null }
      throw error
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      throw new RegistryError(`${this.path}: not valid JSON (${(error as Error).message}); the file was left as it is`)
    }
    const parsed = fileSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new RegistryError(`${this.path}: ${issue?.path.join('.') || '(file)'}: ${issue?.message}; the file was left as it is`)
    }
    return parsed.data
  }

  add(label: string, now: number): Account {
    const file = this.read()
    const account = accountSchema.parse({ id: randomUUID(), label, createdAt: now })
    if (file.accounts.some((known) => known.label.toLowerCase() === account.label.toLowerCase())) {
      throw new RegistryError(`an account named "${account.label}" already exists`)
    }
    this.write({ ...file, accounts: [...file.accounts, account] })
    return account
  }

  setActive(accountId: string | null): void {
    const file = this.read()
    if (accountId !== null && !file.accounts.some((account) => account.id === accountId)) {
      throw new RegistryError(`no account with id ${accountId}`)
    }
    this.write({ ...file, active: accountId })
  }

  findByLabel(label: string): Account | undefined {
    return this.read().accounts.find((account) => account.label.toLowerCase() === label.trim().toLowerCase())
  }

  private write(file: RegistryFile): void {
    writeAtomically(this.path, `${JSON.stringify(fileSchema.parse(file), null, 2)}\n`)
  }
}
