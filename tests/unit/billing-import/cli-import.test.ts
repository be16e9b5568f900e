// partner-desk import as a script runs it: a child process on the built bundle,
// the same rules and messages as the app, the file's problems with their own exit code.
import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { AccountRegistry } from '../../../src/main/accounts/registry'
import { tempDir } from '../../paths'
import { FIXTURES, importCache } from './cache'

const BIN = resolve('bin/partner-desk.cjs')

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args])
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

function cache(): string {
  const { db, path } = importCache()
  db.close()
  return path
}

const count = (path: string, sql: string) => {
  const db = new Database(path, { readonly: true })
  try {
    return db.prepare(sql).pluck().get()
  } finally {
    db.close()
  }
}

describe('partner-desk import', () => {
  it('--help lists every field with the headers it recognises', async () => {
    const help = await run('import', '--help')
    expect(help.code).toBe(0)
    for (const field of ['date', 'clientId', 'net', 'vatRate', 'gross', 'currency', 'paidBy']) expect(help.stdout).toMatch(new RegExp(`^  ${field}\\s`, 'm'))
    expect(help.stdout).toContain('betrag exkl mwst')
    expect(help.stdout).toContain('montant ht')
    expect((await run('help')).stdout).toContain('partner-desk import (--account NAME')
  })

  it('imports a file, then adds nothing when it comes again', async () => {
    const db = cache()
    const first = await run('import', '--db', db, join(FIXTURES, 'clients-de-semicolon-bom.csv'))
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('imported: clients-de-semicolon-bom.csv (utf-8-bom, ";")')
    expect(first.stdout).toMatch(/^added:\s+3$/m)
    expect(first.stdout).toMatch(/^total CHF:\s+1249\.50/m)
    expect(first.stdout).toMatch(/^total EUR:\s+-42\.10/m)
    const again = await run('import', '--db', db, join(FIXTURES, 'clients-en-comma-utf8.csv'))
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/^added:\s+0$/m)
    expect(again.stdout).toMatch(/^already in the cache: 3$/m)
    expect(again.stdout).toMatch(/^client not in the cache \(kept\): 1$/m)
    expect(count(db, 'SELECT count(*) FROM billing_lines WHERE import_id IS NOT NULL')).toBe(3)
  })

  it('refuses a bad file with its line, column and value, writes nothing, exits 6', async () => {
    const db = cache()
    const bad = await run('import', '--db', db, join(FIXTURES, 'bad-date.csv'))
    expect(bad.code).toBe(6)
    expect(bad.stderr).toContain('line 3, column "Date": "2024-02-30" is not a date')
    expect(bad.stderr).toContain('nothing was written')
    expect(count(db, 'SELECT count(*) FROM billing_imports')).toBe(0)
    const binary = await run('import', '--db', db, join(FIXTURES, 'bad-not-csv.xlsx'))
    expect(binary.code).toBe(6)
    expect(binary.stderr).toContain('is not a CSV file')
  })

  it('--dry-run checks all of it and writes nothing', async () => {
    const db = cache()
    const dry = await run('import', '--db', db, '--dry-run', join(FIXTURES, 'clients-fr-semicolon-1252.csv'))
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('checked (dry run, nothing written): clients-fr-semicolon-1252.csv (windows-1252')
    expect(dry.stdout).toMatch(/^added:\s+3$/m)
    expect(count(db, 'SELECT count(*) FROM billing_imports')).toBe(0)
  })

  it('--map names the columns of a file whose headers are not recognised, type fixed for every row', async () => {
    const db = cache()
    const file = join(tempDir('cli-map'), 'odd.csv')
    writeFileSync(file, 'When;Who;Money;Cur\n01.06.2024;Alpenblick AG;99.90;CHF\n')
    const refused = await run('import', '--db', db, file)
    expect(refused.code).toBe(6)
    expect(refused.stderr).toContain('no column for the field "date" (the file\'s headers: When, Who, Money, Cur)')
    const mapped = await run('import', '--db', db, '--map', 'date=When,client=Who,net=Money,currency=Cur,type=order', file)
    expect(mapped.code).toBe(0)
    expect(mapped.stdout).toMatch(/^added:\s+1$/m)
    expect(count(db, "SELECT history_type FROM billing_lines WHERE import_id IS NOT NULL")).toBe('order')
  })

  it('finds an account cache by its name', async () => {
    const dataDir = tempDir('cli-import-account')
    const registry = new AccountRegistry(dataDir)
    const account = registry.add('Office', 1_733_000_000, {})
    importCache(registry.cachePath(account.id)).db.close()
    const done = await run('import', '--account', 'Office', '--data-dir', dataDir, join(FIXTURES, 'invoices-en.csv'))
    expect(done.code).toBe(0)
    expect(done.stdout).toContain('kind:        invoice history')
    expect(count(registry.cachePath(account.id), 'SELECT count(*) FROM billing_lines WHERE import_id IS NOT NULL')).toBe(2)
  })

  it.each([
    [['import', '--db', 'x.sqlite', '--account', 'A', 'f.csv'], 'either --account NAME or --db PATH'],
    [['import', '--db', 'x.sqlite'], 'exactly one FILE'],
    [['import', '--db', 'x.sqlite', '--map', 'colour=Farbe', join(FIXTURES, 'invoices-en.csv')], '--map: "colour=Farbe" is not field=Header'],
  ])('%j is a usage error', async (args, message) => {
    const answer = await run(...args)
    expect(answer.code).toBe(2)
    expect(answer.stderr).toContain(message)
  })
})
