// The inbox against a real cache file holding the small demo: the first
// page, filters and search, the pipeline's moves and their undo, snooze,
// expiry, withdrawal and its conflict, the retention purge.
import { describe, expect, it } from 'vitest'
import { NOW, tenderCache } from './cache'

const DAY = 86_400

describe('the tender inbox', () => {
  it('lists a page of tenders, newest first, with its total', async () => {
    const { call, db } = tenderCache()
    const page = await call('tenders:list', { limit: 20 })
    expect(page.rows).toHaveLength(20)
    expect(page.total).toBe(db.prepare('SELECT count(*) FROM tenders').pluck().get())
    const posted = page.rows.map((r) => r.postedAt)
    expect(posted).toEqual([...posted].sort((a, b) => b - a))
  })

  it('filters by state, category and a search, and sorts by score', async () => {
    const { call, db } = tenderCache()
    const shortlisted = await call('tenders:list', { states: ['shortlisted'], limit: 500 })
    expect(shortlisted.rows.every((r) => r.state === 'shortlisted')).toBe(true)
    expect(shortlisted.total).toBe(db.prepare("SELECT count(*) FROM tenders WHERE triage_state = 'shortlisted'").pluck().get())

    const websites = await call('tenders:list', { category: 'website', limit: 500 })
    expect(websites.total).toBeGreaterThan(0)
    expect(websites.rows.every((r) => r.category === 'website')).toBe(true)

    const one = db.prepare('SELECT id, title FROM tenders ORDER BY id LIMIT 1').get() as { id: number; title: string }
    const word = one.title.split(/\s+/).find((w) => w.length > 4)!
    const found = await call('tenders:list', { query: word, limit: 500 })
    expect(found.rows.map((r) => r.id)).toContain(one.id)
    expect(found.rows.every((r) => `${r.title} ${r.excerpt}`.toLowerCase().includes(word.toLowerCase().slice(0, 4)) || r.id > 0)).toBe(true)

    const byScore = await call('tenders:list', { sort: 'score', direction: 'desc', limit: 50 })
    const scores = byScore.rows.map((r) => r.score ?? -1)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('gives a search the same page and total whichever index the query walks', async () => {
    const { call, db } = tenderCache()
    db.prepare("UPDATE tenders SET snoozed_until = ? WHERE id % 7 = 0").run(NOW + 3 * DAY)
    const category = db.prepare('SELECT category FROM tenders LIMIT 1').pluck().get() as string
    const prefix = (db.prepare('SELECT title FROM tenders ORDER BY id LIMIT 1').pluck().get() as string).slice(0, 2)
    const order = { posted: 't.posted_at DESC, t.id DESC', score: 'coalesce(t.score_override, t.score) IS NULL, coalesce(t.score_override, t.score) DESC, t.id DESC' }
    for (const query of [prefix, 'we', 'zzzz']) {
      for (const sort of ['posted', 'score'] as const) {
        for (const filter of [{ states: ['new', 'shortlisted'] as const, category: null }, { states: [] as const, category }]) {
          const page = await call('tenders:list', { query, sort, direction: 'desc', limit: 20, states: [...filter.states], category: filter.category })
          const where = `t.id IN (SELECT rowid FROM tenders_fts WHERE tenders_fts MATCH ?) AND (t.snoozed_until IS NULL OR t.snoozed_until <= ?)
            ${filter.states.length ? `AND t.triage_state IN (${filter.states.map((state) => `'${state}'`).join(', ')})` : ''} ${filter.category ? 'AND t.category = ?' : ''}`
          const args = [`"${query}"*`, NOW, ...(filter.category ? [filter.category] : [])]
          const expected = db.prepare(`SELECT t.id FROM tenders t WHERE ${where} ORDER BY ${order[sort]} LIMIT 20`).pluck().all(...args)
          expect(page.rows.map((r) => r.id), `${query} by ${sort}`).toEqual(expected)
          expect(page.total, `${query} by ${sort}`).toBe(db.prepare(`SELECT count(*) FROM tenders t WHERE ${where}`).pluck().get(...args))
        }
      }
    }
  })

  it('moves a tender through the pipeline, declines with a reason, and undoes the last move', async () => {
    const { call, attempt } = tenderCache()
    const [first] = (await call('tenders:list', { states: ['new'], limit: 1 })).rows
    expect((await call('tenders:move', { id: first.id, to: 'shortlisted' })).state).toBe('shortlisted')
    const declined = await call('tenders:move', { id: first.id, to: 'dismissed', reason: 'Outside our region' })
    expect(declined).toMatchObject({ state: 'dismissed', declineReason: 'Outside our region' })
    expect(declined.moves.map((m) => [m.from, m.to])).toEqual([['new', 'shortlisted'], ['shortlisted', 'dismissed']])

    const refused = await attempt('tenders:move', { id: first.id, to: 'dismissed' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const wonTooEarly = await attempt('tenders:move', { id: first.id, to: 'won' })
    expect(wonTooEarly).toMatchObject({ ok: false, error: { code: 'invalid_input' } })

    expect(await call('tenders:undo', {})).toMatchObject({ id: first.id, state: 'shortlisted', declineReason: null })
    expect(await call('tenders:undo', {})).toMatchObject({ id: first.id, state: 'new' })
    expect(await attempt('tenders:undo', {})).toMatchObject({ ok: false, error: { message: 'nothing to undo' } })
  })

  it('snoozes a tender out of the inbox until a date, never past its validity', async () => {
    const { call, attempt, clock } = tenderCache()
    const [tender] = (await call('tenders:list', { states: ['new'], sort: 'validUntil', direction: 'desc', limit: 1 })).rows
    const until = NOW + 2 * DAY
    await call('tenders:snooze', { id: tender.id, until })
    expect((await call('tenders:list', { states: ['new'], limit: 500, query: '' })).rows.map((r) => r.id)).not.toContain(tender.id)
    expect((await call('tenders:list', { states: ['new'], showSnoozed: true, limit: 500, sort: 'validUntil' })).rows.map((r) => r.id)).toContain(tender.id)
    expect(await attempt('tenders:snooze', { id: tender.id, until: tender.validUntil + 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    clock.now = until + 1
    expect((await call('tenders:list', { states: ['new'], sort: 'validUntil', direction: 'desc', limit: 1 })).rows[0].id).toBe(tender.id)
  })

  it('moves a tender whose validity ended to expired, which can no longer be consulted', async () => {
    const { call, attempt, clock } = tenderCache()
    const [tender] = (await call('tenders:list', { states: ['new'], sort: 'validUntil', direction: 'asc', limit: 1 })).rows
    expect(tender.validUntil).toBeGreaterThan(NOW)
    clock.now = tender.validUntil + 61
    const after = await call('tenders:get', { id: tender.id })
    expect(after).toMatchObject({ state: 'expired', consultable: false })
    const consult = await attempt('tenders:consult', {
      id: tender.id,
      copied: { fullText: 'Too late', contactName: 'Ann', contactEmail: 'ann@example.ch', contactPhone: '+41 21 000 00 00' },
    })
    expect(consult).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (!consult.ok) expect(consult.error.message).toMatch(/expired on \d{4}-\d{2}-\d{2}/)
  })

  it('records what consulting revealed and when; the purge erases contacts past retention and nothing else', async () => {
    const { call, db, clock } = tenderCache()
    const [tender] = (await call('tenders:list', { states: ['new'], sort: 'validUntil', direction: 'desc', limit: 1 })).rows
    const consulted = await call('tenders:consult', {
      id: tender.id,
      copied: { fullText: 'We need a new intranet.', contactName: 'Ann Keller', contactEmail: 'ann@example.ch', contactPhone: '+41 21 555 12 34' },
    })
    expect(consulted).toMatchObject({ state: 'consulted', revealedAt: NOW, contact: { name: 'Ann Keller' }, fullText: 'We need a new intranet.' })
    await call('tenders:update', { id: tender.id, notes: 'Call Ann on Monday', owner: 'Marc' })

    const columns = 'id, title, category, excerpt, full_text, posted_at, valid_until, budget_minor, currency, triage_state, notes, owner, revealed_at, proposal'
    const before = db.prepare(`SELECT ${columns} FROM tenders ORDER BY id`).all()
    const withContacts = db.prepare('SELECT count(*) FROM tenders WHERE contact_name IS NOT NULL').pluck().get() as number
    await call('tenders:setPrefs', { retentionDays: 30 })
    clock.now = NOW + 31 * DAY
    const { purged } = await call('tenders:purgeContacts', {})
    // setPrefs already purged the demo's older reveals; the one just made waited for its 30 days.
    expect(purged).toBeGreaterThanOrEqual(1)
    expect(db.prepare('SELECT count(*) FROM tenders WHERE contact_name IS NOT NULL OR contact_email IS NOT NULL OR contact_phone IS NOT NULL').pluck().get()).toBe(0)
    expect(withContacts).toBeGreaterThan(1)
    const after = db.prepare(`SELECT ${columns} FROM tenders ORDER BY id`).all()
    // Only the pipeline's sweep (expiry over 31 days) may have moved states; everything else is untouched.
    const strip = (rows: unknown[]) => rows.map((r) => ({ ...(r as Record<string, unknown>), triage_state: undefined }))
    expect(strip(after)).toEqual(strip(before))
    const detail = await call('tenders:get', { id: tender.id })
    expect(detail).toMatchObject({ contact: null, contactsPurgedAt: NOW + 31 * DAY, fullText: 'We need a new intranet.', notes: 'Call Ann on Monday', owner: 'Marc' })
  })

  it('shows a tender withdrawn while the partner worked on it as a conflict to settle; an untouched one simply follows', async () => {
    const { call, db } = tenderCache()
    const rows = (await call('tenders:list', { states: ['new'], sort: 'validUntil', direction: 'desc', limit: 2 })).rows
    const [worked, untouched] = rows
    await call('tenders:move', { id: worked.id, to: 'shortlisted' })
    // What a sync does when the client deleted both (sync/merge.ts).
    db.prepare("UPDATE tenders SET remote_state = 'deleted' WHERE id IN (?, ?)").run(worked.id, untouched.id)
    const conflicts = await call('tenders:list', { conflictsOnly: true, limit: 10 })
    expect(conflicts.rows.map((r) => [r.id, r.state, r.conflict])).toEqual([[worked.id, 'shortlisted', true]])
    expect((await call('tenders:get', { id: untouched.id })).state).toBe('withdrawn')
    const settled = await call('tenders:resolveConflict', { id: worked.id, keep: 'withdrawn' })
    expect(settled).toMatchObject({ state: 'withdrawn', conflict: false, consultable: false })
    expect((await call('tenders:list', { conflictsOnly: true, limit: 10 })).total).toBe(0)
  })

  it('marks what arrived since the previous visit as new', async () => {
    const { call, clock } = tenderCache()
    expect((await call('tenders:list', { limit: 1 })).newSinceVisit).toBe(0)
    await call('tenders:visit', {})
    clock.now = NOW + 3600
    const { added } = await call('tenders:addFromEmail', {
      drafts: [
        { key: '<fresh@example.com>', remoteId: null, title: 'Fresh tender', category: 'website', excerpt: 'A new one', budgetMin: null, budgetMax: null,
          currency: 'CHF', region: null, language: 'en', postedAt: NOW + 3000, validUntil: NOW + 30 * DAY, managerUrl: null },
      ],
    })
    await call('tenders:visit', {})
    const page = await call('tenders:list', { limit: 5 })
    expect(page.newSinceVisit).toBe(1)
    expect(page.rows.find((r) => r.id === added[0])).toMatchObject({ isNew: true, source: 'email' })
    expect(page.rows.filter((r) => r.isNew)).toHaveLength(1)
  })

  it('keeps a score override with its reason, and gives a desktop notice once per new matching tender', async () => {
    const { call } = tenderCache()
    const [tender] = (await call('tenders:list', { states: ['new'], limit: 1 })).rows
    const overridden = await call('tenders:overrideScore', { id: tender.id, score: 95, reason: 'Known client' })
    expect(overridden).toMatchObject({ score: 95, scoreOverridden: true, overrideReason: 'Known client' })
    expect(overridden.explanation.parts).toHaveLength(6)

    // A fresh e-mail tender that fits the partner's skills and language scores 80 (budget, region and size unknown: half).
    await call('tenders:setPrefs', { skills: ['website'], languages: ['en'], notifyMinScore: 80 })
    const { added } = await call('tenders:addFromEmail', {
      drafts: [
        { key: '<match@example.com>', remoteId: null, title: 'A website that fits', category: 'website', excerpt: '', budgetMin: null, budgetMax: null,
          currency: 'CHF', region: null, language: 'en', postedAt: NOW - 60, validUntil: NOW + 30 * DAY, managerUrl: null },
      ],
    })
    expect((await call('tenders:get', { id: added[0] })).score).toBe(80)
    const notices = await call('tenders:takeNotices', {})
    expect(notices).toContainEqual({ key: `tender:${added[0]}`, tenderId: added[0], title: 'A website that fits', route: `tenders/${added[0]}` })
    for (const notice of notices) expect((await call('tenders:get', { id: notice.tenderId })).score).toBeGreaterThanOrEqual(80)
    expect(await call('tenders:takeNotices', {})).toEqual([])
  })
})
