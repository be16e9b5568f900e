// The list of Infomaniak accounts the user added: a label, the API it syncs
// from and a cache file each. It lives beside the caches (never inside one, so
// switching accounts never needs a database open) and never holds a token:
// see secret-store.ts.
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { baseUrlSchema } from '../../shared/contract'
import { writeFileAtomically } from '../files/atomic-write'
import { INFOMANIAK_API } from './data-dir'

export const ACCOUNT_LABEL_MAX = 80

const accountSchema = z
  .object({
    id: z.uuid(),
    label: z.string().trim().min(1).max(ACCOUNT_LABEL_MAX),
    /** Lists written before accounts had one synced from Infomaniak's API. */
    baseUrl: baseUrlSchema.default(INFOMANIAK_API),
    /** The partner organization the user picked, when the token reaches several of its own (core/sync/organization.ts). */
    organizationId: z.number().int().positive().optional(),
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

function parseAccount(value: unknown, outcome: string): Account {
  const parsed = accountSchema.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw new RegistryError(`${issue?.path.join('.') || '(account)'}: ${issue?.message}; ${outcome}`)
}


export class AccountRegistry {
  private readonly path: string

  constructor(private readonly dataDir: string) {
    this.path = join(dataDir, 'accounts.json')
  }

  /** Each account's own cache file; the demo has one too. */
  cachePath(accountId: string | null): string {
    return join(this.cachesDir(), accountId === null ? 'demo.sqlite' : `account-${accountId}.sqlite`)
  }

  /**
   * Erases everything the account's cache left on disk: the file, its -wal
   * and -shm, and the damaged copies `cache:recover` moved aside (they hold
   * the same client data). Only while no core has it open.
   */
  deleteCache(accountId: string): string[] {
    // The uuid and the dot make the prefix unambiguous: no other account's file starts with it.
    const prefix = `account-${z.uuid().parse(accountId)}.`
    let names: string[]
    try {
      names = readdirSync(this.cachesDir())
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const paths = names.filter((name) => name.startsWith(prefix)).map((name) => join(this.cachesDir(), name))
    for (const path of paths) rmSync(path, { force: true })
    return paths
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

  /** `id` lets a caller store the account's token under it before the account exists. */
  add(label: string, now: number, options: { id?: string; baseUrl?: string; organizationId?: number } = {}): Account {
    const file = this.read()
    const account = parseAccount({ id: options.id ?? randomUUID(), label, baseUrl: options.baseUrl, organizationId: options.organizationId, createdAt: now }, 'no account was added')
    if (file.accounts.some((known) => known.label.toLowerCase() === account.label.toLowerCase())) {
      throw new RegistryError(`an account named "${account.label}" already exists`)
    }
    this.write({ ...file, accounts: [...file.accounts, account] })
    return account
  }

  /** A new label, API address or partner organization; `organizationId: null` lets the sync choose again. */
  update(accountId: string, patch: { label?: string; baseUrl?: string; organizationId?: number | null }): Account {
    const file = this.read()
    const known = file.accounts.find((account) => account.id === accountId)
    if (!known) throw new RegistryError(`no account with id ${accountId}`)
    const { organizationId, ...rest } = patch
    const merged = { ...known, ...rest, ...(organizationId === undefined ? {} : { organizationId: organizationId ?? undefined }) }
    const account = parseAccount(merged, 'the account was left as it was')
    if (file.accounts.some((other) => other.id !== accountId && other.label.toLowerCase() === account.label.toLowerCase())) {
      throw new RegistryError(`an account named "${account.label}" already exists`)
    }
    this.write({ ...file, accounts: file.accounts.map((other) => (other.id === accountId ? account : other)) })
    return account
  }

  /** Drops the account from the list (its token and cache are the caller's to erase). */
  remove(accountId: string): void {
    const file = this.read()
    if (!file.accounts.some((account) => account.id === accountId)) throw new RegistryError(`no account with id ${accountId}`)
    this.write({ ...file, accounts: file.accounts.filter((account) => account.id !== accountId), active: file.active === accountId ? null : file.active })
  }

  setActive(accountId: string | null): void {
    const file = this.read()
    if (accountId !== null && !file.accounts.some((account) => account.id === accountId)) {
      throw new RegistryError(`no account with id ${accountId}`)
    }
    this.write({ ...file, active: accountId })
  }

  find(accountId: string): Account | undefined {
    return this.read().accounts.find((account) => account.id === accountId)
  }

  findByLabel(label: string): Account | undefined {
    return this.read().accounts.find((account) => account.label.toLowerCase() === label.trim().toLowerCase())
  }

  private cachesDir(): string {
    return join(this.dataDir, 'caches')
  }

  private write(file: RegistryFile): void {
    writeFileAtomically(this.path, `${JSON.stringify(fileSchema.parse(file), null, 2)}\n`)
  }
}
