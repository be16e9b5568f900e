import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { fileSchemaVersion, migrate } from '../../../src/main/core/db/migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/main/core/db/migrations'
import { openCache } from '../../../src/main/core/db/open'
import { tempDir } from '../../paths'

const DOMAIN_TABLES = [
  'billing_lines',
  'cache_meta',
  'clients_fts',
  'invoices',
  'legal_representatives',
  'organization_addresses',
  'organizations',
  'outbox',
  'partnership_events',
  'partnership_products',
  'partnerships',
  'product_tags',
  'products',
  'profiles',
  'schema_migrations',
  'settings',
  'sync_state',
  'tags',
  'tenders',
  'tenders_fts',
]

function fresh(): Database.Database {
  const db = new Database(join(tempDir('migrate'), 'cache.sqlite'))
  db.pragma('foreign_keys = ON')
  return db
}

describe('the migration list', () => {
  it('is numbered 1, 2, 3 … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length)
  })

  it.each(MIGRATIONS.map((m) => [m.version, m] as const))('migration %i is additive only', (_, migration) => {
    // A cache may hold offline changes nobody else has: never drop or rename.
    expect(migration.sql).not.toMatch(/\bDROP\s+(TABLE|COLUMN|INDEX|VIEW|TRIGGER)\b|\bRENAME\b|\bDELETE\s+FROM\b/i)
  })
})

describe('migration 1 (domain)', () => {
  it('creates every table of the domain and records itself', () => {
    const db = fresh()
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toBe(1)
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%' ORDER BY name")
      .pluck()
      .all()
    expect(tables).toEqual(DOMAIN_TABLES)
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual([{ version: 1, name: 'domain' }])
  })

  it('refuses states the domain forbids', () => {
    const db = fresh()
    migrate(db, MIGRATIONS.slice(0, 1))
    const org = db.prepare(
      "INSERT INTO organizations VALUES (?, ?, ?, ?, 'company', NULL, 'CHF', 'fr_CH', 'Europe/Zurich', 0, 0)",
    )
    org.run(1, 'Partner SA', 'partner sa', 'own')
    org.run(2, 'Client AG', 'client ag', 'client')
    const partnership = db.prepare(
      `INSERT INTO partnerships (id, partner_organization_id, client_organization_id, status, access_type, payment_mode, since, until, currency, updated_at)
       VALUES (?, 1, 2, ?, ?, ?, 0, ?, 'CHF', 0)`,
    )
    // A limited partnership has no payment mode; a complete one must have one.
    expect(() => partnership.run(1, 'active', 'limited', 'partner', null)).toThrow(/CHECK/)
    expect(() => partnership.run(1, 'active', 'complete', null, null)).toThrow(/CHECK/)
    // Only an ended partnership has an end date.
    expect(() => partnership.run(1, 'active', 'limited', null, 10)).toThrow(/CHECK/)
    partnership.run(1, 'active', 'complete', 'partner', null)
    expect(db.prepare('SELECT wallet_entrusted FROM partnerships').pluck().get()).toBe(1)
    // Money columns are STRICT integers: no float amount can be stored.
    expect(() =>
      db.prepare("INSERT INTO invoices VALUES (1, 2, 'F-1', 0, 'paid', 10.5, 0, 'CHF')").run(),
    ).toThrow(/cannot store REAL/)
    // A tender's contact details exist only once it was consulted.
    expect(() =>
      db.prepare("INSERT INTO tenders (id, title, category, excerpt, contact_email, posted_at, valid_until, currency, remote_state) VALUES (1, 't', 'web', 'e', 'a@b.ch', 0, 1, 'CHF', 'open')").run(),
    ).toThrow(/CHECK/)
  })

  it('gives search-as-you-type prefixes without diacritics', () => {
    const db = fresh()
    migrate(db, MIGRATIONS.slice(0, 1))
    db.prepare("INSERT INTO clients_fts (rowid, name, vat_number, products, tags) VALUES (7, 'Crèmerie Zürich Sàrl', '', 'web hosting', '')").run()
    const find = db.prepare('SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?').pluck()
    expect(find.all('"zur"*')).toEqual([7])
    expect(find.all('"cremerie"')).toEqual([7])
    expect(find.all('"hosti"*')).toEqual([7])
  })
})

describe('migrate', () => {
  it('is a no-op on an up-to-date file', () => {
    const db = fresh()
    migrate(db)
    const before = db.prepare('SELECT * FROM schema_migrations').all()
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(db.prepare('SELECT * FROM schema_migrations').all()).toEqual(before)
  })

  it('rolls a failing migration back together with its bookkeeping row', () => {
    const db = fresh()
    migrate(db)
    const broken = { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE half_done (id INTEGER); SELECT * FROM no_such_table;' }
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/no_such_table/)
    expect(fileSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0)
  })
})

describe('openCache', () => {
  it('refuses a file written by a newer version and leaves it byte for byte untouched', () => {
    const path = join(tempDir('newer'), 'cache.sqlite')
    const db = new Database(path)
    migrate(db)
    db.prepare("INSERT INTO schema_migrations VALUES (?, 'from the future', 0)").run(LATEST_SCHEMA_VERSION + 5)
    db.close()
    const before = readFileSync(path)
    const outcome = openCache(path)
    expect(outcome).toEqual({ state: 'too_new', fileVersion: LATEST_SCHEMA_VERSION + 5, appVersion: LATEST_SCHEMA_VERSION })
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('reports a file that is not a database instead of throwing', () => {
    const path = join(tempDir('garbage'), 'cache.sqlite')
    writeFileSync(path, 'this is not a database, it is an accountant’s grocery list'.repeat(200))
    const outcome = openCache(path)
    expect(outcome.state).toBe('corrupt')
    expect(outcome.state === 'corrupt' && outcome.message).toMatch(/not a database/)
  })

  it('reports a file it cannot open instead of throwing, saying why and where', () => {
    const folder = join(tempDir('folder'), 'cache.sqlite')
    mkdirSync(folder)
    expect(openCache(folder)).toEqual({ state: 'unopenable', message: `${folder} is a folder, not a cache file` })
    // Its folder cannot be made: a file is where the folder should be.
    const blocker = join(tempDir('blocked'), 'caches')
    writeFileSync(blocker, 'not a folder')
    const outcome = openCache(join(blocker, 'cache.sqlite'))
    expect(outcome.state).toBe('unopenable')
    expect(outcome.state === 'unopenable' && outcome.message).toMatch(new RegExp(`^${blocker}/cache\\.sqlite cannot be opened: .*(EEXIST|ENOTDIR)`))
  })

  it('never calls a file another connection holds locked damaged: it throws for the caller to say busy', () => {
    const path = join(tempDir('locked'), 'cache.sqlite')
    // A rollback journal and an exclusive lock keep every other connection out, even from reading the schema.
    const holder = new Database(path)
    holder.pragma('journal_mode = DELETE')
    holder.pragma('locking_mode = EXCLUSIVE')
    holder.exec('CREATE TABLE held (x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1)')
    try {
      expect(() => openCache(path)).toThrow(expect.objectContaining({ code: expect.stringMatching(/^SQLITE_BUSY/) }))
    } finally {
      holder.close()
    }
  }, 20_000)

  it('opens in WAL with foreign keys and durable commits', () => {
    const outcome = openCache(join(tempDir('pragmas'), 'cache.sqlite'))
    if (outcome.state !== 'ready') throw new Error(outcome.state)
    const { db } = outcome
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(outcome.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
  })
})
