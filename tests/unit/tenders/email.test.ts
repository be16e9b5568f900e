// Notification e-mails in the Manager's five languages and the usual
// encodings: the excerpt's fields recognised, shown for confirmation
// (nothing stored), stored once, a second copy recognised.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBudget, parseDay } from '../../../src/main/core/tenders/email/values'
import { NOW, tenderCache } from './cache'

const eml = (name: string) => ({ name, base64: readFileSync(resolve('tests/fixtures/eml', name)).toString('base64') })
const endOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 23, 59, 59) / 1000

describe('tender notification e-mails', () => {
  it('reads the excerpt’s fields in five languages and encodings, storing nothing until confirmed', async () => {
    const { call, db } = tenderCache()
    const count = () => db.prepare('SELECT count(*) FROM tenders').pluck().get()
    const before = count()
    const reading = await call('tenders:readEmail', {
      messages: ['en-quoted-printable.eml', 'fr-base64.eml', 'de-multipart-latin1.eml', 'it-html-base64.eml', 'es-8bit.eml'].map(eml),
    })
    expect(reading.problems).toEqual([])
    expect(count()).toBe(before)
    const byName = Object.fromEntries(reading.drafts.map((d) => [d.name, d]))
    expect(byName['en-quoted-printable.eml']).toMatchObject({
      key: '<tender-4101@notifications.infomaniak.com>',
      remoteId: 4101,
      title: 'New website for a bakery in Lausanne',
      category: 'website',
      budgetMin: 800_000,
      budgetMax: 1_200_000,
      currency: 'CHF',
      region: 'Vaud',
      language: 'en',
      validUntil: endOf(2027, 2, 20),
      postedAt: Date.UTC(2026, 0, 12, 7, 15) / 1000,
      managerUrl: 'https://manager.infomaniak.com/v3/partner/tenders/4101',
      duplicateOf: null,
    })
    expect(byName['en-quoted-printable.eml'].excerpt).toContain('shop locator — hosted in Switzerland')
    expect(byName['fr-base64.eml']).toMatchObject({
      title: 'Migration de la messagerie d’une étude d’avocats',
      budgetMin: 500_000,
      budgetMax: 900_000,
      currency: 'EUR',
      region: 'Genève',
      language: 'fr',
      validUntil: endOf(2027, 2, 28),
    })
    expect(byName['de-multipart-latin1.eml']).toMatchObject({
      title: 'kSuite für eine Treuhandfirma in Zürich',
      budgetMin: 350_000,
      budgetMax: 350_000,
      region: 'Zürich',
      language: 'de',
      validUntil: endOf(2027, 3, 15),
    })
    expect(byName['de-multipart-latin1.eml'].excerpt).toContain('Übernahme der bestehenden Dateien')
    expect(byName['it-html-base64.eml']).toMatchObject({
      title: 'Sito e-commerce per una cantina ticinese',
      category: 'e_shop',
      budgetMin: 1_500_000,
      budgetMax: 2_000_000,
      language: 'it',
      validUntil: endOf(2027, 3, 31),
      managerUrl: 'https://manager.infomaniak.com/v3/partner/tenders/4104',
    })
    expect(byName['es-8bit.eml']).toMatchObject({ title: 'Copias de seguridad para una clínica', budgetMin: 200_000, currency: 'EUR', language: 'es', validUntil: endOf(2027, 2, 10) })
  })

  it('refuses a message that is not a tender notification, saying why', async () => {
    const { call } = tenderCache()
    const reading = await call('tenders:readEmail', { messages: [eml('not-a-tender.eml'), { name: 'pasted', text: 'Lunch on Friday?' }] })
    expect(reading.drafts).toEqual([])
    expect(reading.problems).toEqual([
      { name: 'not-a-tender.eml', message: expect.stringMatching(/^not a tender notification: it has no link to a tender/) },
      { name: 'pasted', message: expect.stringMatching(/^not a tender notification/) },
    ])
  })

  it('stores a confirmed tender once: the same e-mail again, or in the same batch, is recognised', async () => {
    const { call } = tenderCache()
    const first = await call('tenders:readEmail', { messages: [eml('en-quoted-printable.eml'), { ...eml('en-quoted-printable.eml'), name: 'copy.eml' }] })
    expect(first.drafts).toHaveLength(1)
    expect(first.problems).toEqual([{ name: 'copy.eml', message: 'the same tender as en-quoted-printable.eml' }])
    const { name: _name, duplicateOf: _duplicate, ...draft } = first.drafts[0]
    expect(await call('tenders:addFromEmail', { drafts: [draft] })).toEqual({ added: [4101], duplicates: [] })
    const again = await call('tenders:readEmail', { messages: [eml('en-quoted-printable.eml')] })
    expect(again.drafts[0].duplicateOf).toBe(4101)
    expect(await call('tenders:addFromEmail', { drafts: [draft] })).toEqual({ added: [], duplicates: [4101] })
    const stored = await call('tenders:get', { id: 4101 })
    expect(stored).toMatchObject({ source: 'email', state: 'new', budget: { min: 800_000, max: 1_200_000, currency: 'CHF' }, consultable: true })
    // Searchable at once.
    expect((await call('tenders:list', { query: 'bakery Lausanne' })).rows.map((r) => r.id)).toContain(4101)
  })

  it('reads pasted text without headers, and tells a second paste by its text', async () => {
    const { call } = tenderCache()
    const text = `Call for tender\nTitle: Hosting for a ski school\nCategory: web_hosting\nBudget: CHF 2'000.–\nValid until: 12.12.2027\n\nExcerpt: A ski school needs hosting.\n`
    const reading = await call('tenders:readEmail', { messages: [{ name: 'pasted', text }] })
    expect(reading.drafts[0]).toMatchObject({ title: 'Hosting for a ski school', budgetMin: 200_000, remoteId: null, postedAt: NOW, validUntil: endOf(2027, 12, 12) })
    expect(reading.drafts[0].key).toMatch(/^sha256:/)
  })

  it('reads amounts and days as people write them', () => {
    expect(parseBudget("CHF 5'000.– to 7’500")).toEqual({ min: 500_000, max: 750_000, currency: 'CHF' })
    expect(parseBudget('12.500,50 €')).toEqual({ min: 1_250_050, max: 1_250_050, currency: 'EUR' })
    expect(parseBudget('to be discussed')).toBeNull()
    expect(parseDay('31 décembre 2026')).toBe(endOf(2026, 12, 31))
    expect(parseDay('March 3, 2027')).toBe(endOf(2027, 3, 3))
    expect(parseDay('31.02.2026')).toBeNull()
    expect(parseDay('soon')).toBeNull()
  })
})
