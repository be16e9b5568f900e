// Migration 5 widens the triage states in place (expired joins them) and
// adds the inbox's columns and tables. A cache written by version 2 keeps
// every tender as it was.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src/main/core/db/migrate'
import { MIGRATIONS } from '../../../src/main/core/db/migrations'
import { tempDir } from '../../paths'

const v5 = MIGRATIONS.find((m) => m.version === 5)!
const before5 = MIGRATIONS.filter((m) => m.version < 5)

describe('migration 5 (tenders)', () => {
  it('keeps every tender, accepts the expired state, and adds the inbox’s columns with their defaults', () => {
    const db = new Database(join(tempDir('migration-005'), 'cache.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(db, before5)
    db.exec(`INSERT INTO tenders (id, title, category, excerpt, posted_at, valid_until, currency, remote_state, triage_state, notes)
      VALUES (7, 'Intranet', 'website', 'A new intranet', 100, 200, 'CHF', 'open', 'shortlisted', 'Call back')`)
    const old = db.prepare('SELECT * FROM tenders').all()
    expect(() => db.prepare("UPDATE tenders SET triage_state = 'expired'").run()).toThrow(/CHECK/)

    expect(migrate(db, [...before5, v5])).toBe(5)
    const row = db.prepare('SELECT * FROM tenders WHERE id = 7').get() as Record<string, unknown>
    expect(row).toMatchObject({ ...(old[0] as object), source: 'sync', owner: '', snoozed_until: null, triaged_at: null, email_key: null })
    db.prepare("UPDATE tenders SET triage_state = 'expired' WHERE id = 7").run()
    expect(() => db.prepare("UPDATE tenders SET triage_state = 'archived'").run()).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE tenders SET language = 'pt'").run()).toThrow(/CHECK/)
    expect(() => db.prepare('UPDATE tenders SET score_override = 101').run()).toThrow(/CHECK/)
    // The same e-mail cannot be stored twice.
    db.prepare("UPDATE tenders SET email_key = '<a@b>' WHERE id = 7").run()
    expect(() =>
      db.exec(`INSERT INTO tenders (id, title, category, excerpt, posted_at, valid_until, currency, remote_state, email_key)
        VALUES (-1, 'Copy', 'website', '', 100, 200, 'CHF', 'open', '<a@b>')`),
    ).toThrow(/UNIQUE/)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('tender_moves', 'tender_prefs') ORDER BY name").pluck().all()).toEqual(['tender_moves', 'tender_prefs'])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
