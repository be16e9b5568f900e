// The clients workspace's queries against a real small demo cache: filters
// and their counts, the 12-month billing, notes found by the search, saved
// views, the client page's facts and the impact of stopping.
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { refreshBillingRollup } from '../../../src/main/core/billing/rollup'
import { seedDemo } from '../../../src/main/core/cache/seed-demo'
import { billingSince } from '../../../src/main/core/clients/billing-totals'
import { facetCounts } from '../../../src/main/core/clients/facets'
import { stopImpact } from '../../../src/main/core/clients/impact'
import { listClients } from '../../../src/main/core/clients/list'
import { setNote } from '../../../src/main/core/clients/notes'
import { clientProfile } from '../../../src/main/core/clients/profile'
import { checkVatNumber } from '../../../src/main/core/clients/vat'
import { deleteView, listViews, saveView } from '../../../src/main/core/clients/views'
import { createKysely, type Db } from '../../../src/main/core/db/kysely'
import { openCache } from '../../../src/main/core/db/open'
import { enqueue } from '../../../src/main/core/outbox/store'
import type { ClientFilters } from '../../../src/shared/client-filters'
import { tempDir } from '../../paths'

const NOW = Date.UTC(2026, 0, 15, 9, 30) / 1000
const DAY = 86_400
let raw: BetterSqlite3.Database
let db: Db

const list = (filters: ClientFilters, query = '', extra: Partial<Parameters<typeof listClients>[1]> = {}) =>
  listClients(db, { query, sort: 'name', direction: 'asc', offset: 0, limit: 500, filters, ...extra }, NOW)

/** Every client, with the raw facts the filters are checked against. */
function facts() {
  return raw
    .prepare(
      `SELECT o.id, o.currency, p.access_type AS access, p.payment_mode AS payment, p.status,
         (SELECT json_group_array(DISTINCT service_name) FROM products WHERE owner_organization_id = o.id AND deleted_at IS NULL) AS categories,
         (SELECT min(expired_at) FROM products WHERE owner_organization_id = o.id AND deleted_at IS NULL AND expired_at >= ?) AS next
       FROM organizations o JOIN partnerships p ON p.client_organization_id = o.id WHERE o.role = 'client'`,
    )
    .all(NOW) as Array<{ id: number; currency: string; access: string; payment: string | null; status: string; categories: string; next: number | null }>
}

beforeAll(() => {
  const outcome = openCache(join(tempDir('clients-workspace'), 'cache.sqlite'))
  if (outcome.state !== 'ready') throw new Error(outcome.state)
  raw = outcome.db
  seedDemo(raw, 'small', NOW, () => {})
  db = createKysely(raw)
})

describe('filters', () => {
  it('combine access, payment, category and a renewal window, exactly as the raw data says', async () => {
    const filters: ClientFilters = { access: ['complete'], payment: ['customer'], category: ['domain'], renewalWithin: 60 }
    const page = await list(filters)
    const expected = facts()
      .filter((c) => c.access === 'complete' && c.payment === 'customer' && (JSON.parse(c.categories) as string[]).includes('domain'))
      .filter((c) => raw.prepare('SELECT 1 FROM products WHERE owner_organization_id = ? AND deleted_at IS NULL AND expired_at BETWEEN ? AND ?').get(c.id, NOW, NOW + 60 * DAY))
      .map((c) => c.id)
      .sort((a, b) => a - b)
    expect(expected.length).toBeGreaterThan(0)
    expect(page.total).toBe(expected.length)
    expect(page.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected)
  })

  it('count each value given the other filters, and a facet’s own choice does not narrow its counts', async () => {
    const counts = await facetCounts(db, '', { access: ['limited'], currency: ['CHF'] }, NOW)
    const all = facts()
    const chf = all.filter((c) => c.currency === 'CHF')
    expect(counts.access).toEqual(
      ['complete', 'limited'].map((value) => ({ value, count: chf.filter((c) => c.access === value).length })).filter((v) => v.count > 0),
    )
    const limited = all.filter((c) => c.access === 'limited')
    expect(counts.currency.find((v) => v.value === 'EUR')?.count ?? 0).toBe(limited.filter((c) => c.currency === 'EUR').length)
    // Each count is what choosing that value would list.
    for (const { value, count } of counts.status) {
      expect((await list({ access: ['limited'], currency: ['CHF'], status: [value as 'active'] })).total).toBe(count)
    }
  })

  it('"has pending changes" lists the clients with a change not sent yet', async () => {
    const target = facts()[3]!
    expect((await list({ pending: true })).total).toBe(0)
    enqueue(raw, { kind: 'tag.create', organizationId: target.id, name: 'Pending filter', color: 1 }, NOW)
    const pending = await list({ pending: true })
    expect(pending.rows.map((r) => r.id)).toEqual([target.id])
    expect((await facetCounts(db, '', {}, NOW)).pending).toBe(1)
  })
})

describe('the 12-month billing', () => {
  it('is each client’s charges since a year ago, per currency, and sorts the list', async () => {
    const page = await list({}, '', { sort: 'billing12m', direction: 'desc', limit: 20 })
    const top = page.rows[0]!
    const expected = raw
      .prepare(
        `SELECT currency, sum(amount_excl_vat_minor) AS minor FROM billing_lines WHERE client_organization_id = ? AND occurred_at >= ?
         AND history_type IN ('invoice', 'order', 'renewal', 'refund') GROUP BY currency`,
      )
      .all(top.id, billingSince(NOW)) as Array<{ currency: string; minor: number }>
    expect(top.billing12m).toEqual(expected.map((e) => ({ minor: e.minor, currency: e.currency })))
    // Sorted by currency, then amount: within one currency, never rising.
    const amounts = page.rows.filter((r) => r.currency === top.currency).map((r) => r.billing12m.find((m) => m.currency === r.currency)?.minor ?? 0)
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a))
  })

  it('adds the whole months’ charges to the lines of the month the year starts in: every client’s sum over its lines, edges included', async () => {
    const naive = raw.prepare(
      `SELECT currency, sum(amount_excl_vat_minor) AS minor FROM billing_lines WHERE client_organization_id = ? AND occurred_at >= ?
       AND history_type IN ('invoice', 'order', 'renewal', 'refund') GROUP BY currency ORDER BY currency`,
    )
    const everyClient = async () => {
      const rows = (await list({})).rows
      expect(rows.length).toBe(facts().length)
      for (const row of rows) {
        const expected = (naive.all(row.id, billingSince(NOW)) as Array<{ currency: string; minor: number }>).map((e) => ({ minor: e.minor, currency: e.currency }))
        expect(row.billing12m, `client ${row.id}`).toEqual(expected)
      }
      return new Map(rows.map((row) => [row.id, row.billing12m]))
    }
    const before = await everyClient()
    // Lines at the year's first second and just before it, at the next month's first second and in a whole month,
    // one an earning (not a charge); then the monthly totals refreshed for their range, as every writer does.
    const target = facts().find((c) => c.currency === 'CHF')!
    const since = billingSince(NOW)
    const nextMonth = Date.UTC(new Date(since * 1000).getUTCFullYear(), new Date(since * 1000).getUTCMonth() + 1, 1) / 1000
    const insert = raw.prepare(
      `INSERT INTO billing_lines (client_organization_id, history_type, occurred_at, description, amount_excl_vat_minor, vat_rate_bp, vat_minor, currency, paid_by)
       VALUES (?, ?, ?, 'edge', ?, 810, 0, ?, 'customer')`,
    )
    raw.transaction(() => {
      insert.run(target.id, 'order', since, 1_001, 'CHF')
      insert.run(target.id, 'order', since - 1, 20_000, 'CHF')
      insert.run(target.id, 'renewal', nextMonth, 300, 'EUR')
      insert.run(target.id, 'refund', nextMonth + 40 * DAY, -45, 'CHF')
      insert.run(target.id, 'cashback', since + 10, 7_000, 'CHF')
      refreshBillingRollup(raw, { from: since - 1, to: nextMonth + 40 * DAY })
    })()
    const after = await everyClient()
    // The charges inside the year moved the target's totals; the line before it and the cashback did not.
    const delta = (currency: string) =>
      (after.get(target.id)!.find((m) => m.currency === currency)?.minor ?? 0) - (before.get(target.id)!.find((m) => m.currency === currency)?.minor ?? 0)
    expect([delta('CHF'), delta('EUR')]).toEqual([1_001 - 45, 300])
  })
})

describe('the list’s pages', () => {
  it('cut one order for every sort and direction, each row with its own columns', async () => {
    const sortKey = new Map((raw.prepare("SELECT id, sort_key FROM organizations WHERE role = 'client'").all() as Array<{ id: number; sort_key: string }>).map((r) => [r.id, r.sort_key]))
    const products = raw.prepare('SELECT count(*) FROM products WHERE owner_organization_id = ? AND deleted_at IS NULL').pluck()
    const tags = raw.prepare('SELECT name FROM tags WHERE organization_id = ? ORDER BY name').pluck()
    for (const sort of ['name', 'nextExpiry', 'productCount', 'billing12m'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const all = (await list({}, '', { sort, direction })).rows
        const sign = direction === 'asc' ? 1 : -1
        const own = (r: (typeof all)[number]) => r.billing12m.find((m) => m.currency === r.currency)?.minor ?? 0
        const byKey = {
          name: (a: (typeof all)[number], b: (typeof all)[number]) => sign * (sortKey.get(a.id)! < sortKey.get(b.id)! ? -1 : sortKey.get(a.id)! > sortKey.get(b.id)! ? 1 : 0),
          nextExpiry: (a: (typeof all)[number], b: (typeof all)[number]) =>
            Number(a.nextExpiry === null) - Number(b.nextExpiry === null) || sign * ((a.nextExpiry ?? 0) - (b.nextExpiry ?? 0)),
          productCount: (a: (typeof all)[number], b: (typeof all)[number]) => sign * (a.productCount - b.productCount),
          billing12m: (a: (typeof all)[number], b: (typeof all)[number]) => a.currency.localeCompare(b.currency) || sign * (own(a) - own(b)),
        }[sort]
        expect(all.map((r) => r.id), `${sort} ${direction}`).toEqual([...all].sort((a, b) => byKey(a, b) || sign * (a.id - b.id)).map((r) => r.id))
        const pages = []
        for (let offset = 0; offset < all.length; offset += 7) pages.push(...(await list({}, '', { sort, direction, offset, limit: 7 })).rows)
        expect(pages, `${sort} ${direction}`).toEqual(all)
      }
    }
    const rows = (await list({})).rows
    expect(rows.length).toBeGreaterThan(10)
    for (const row of rows) {
      expect(row.productCount).toBe(products.get(row.id))
      expect(row.tags).toEqual(tags.all(row.id))
    }
  })
})

describe('notes', () => {
  it('are kept and found by the clients search', async () => {
    const target = facts()[5]!
    setNote(raw, target.id, 'Prefers calls on Thursdays; zyxwvu project', NOW)
    expect(clientProfile(raw, target.id, NOW).note).toEqual({ body: 'Prefers calls on Thursdays; zyxwvu project', updatedAt: NOW })
    expect((await list({}, 'zyxwvu')).rows.map((r) => r.id)).toEqual([target.id])
    expect(() => setNote(raw, 999_999, 'x', NOW)).toThrow(/no client 999999/)
  })
})

describe('saved views', () => {
  it('are listed by name; saving a name again replaces its route; deleting removes it', () => {
    saveView(raw, 'Renewing', 'clients?renewal=30', NOW)
    saveView(raw, 'Complete', 'clients?access=complete', NOW)
    saveView(raw, 'Renewing', 'clients?renewal=14', NOW)
    const views = listViews(raw)
    expect(views.map((v) => [v.name, v.route])).toEqual([
      ['Complete', 'clients?access=complete'],
      ['Renewing', 'clients?renewal=14'],
    ])
    expect(deleteView(raw, views[0]!.id).map((v) => v.name)).toEqual(['Renewing'])
  })
})

describe('the client page and the impact of stopping', () => {
  it('states the organization, its VAT check, the collaboration and who pays each product', () => {
    const target = facts().find((c) => c.access === 'complete' && c.payment === 'partner')!
    const profile = clientProfile(raw, target.id, NOW)
    expect(profile.partnership.accessType).toBe('complete')
    expect(profile.partnership.paymentMode).toBe('partner')
    expect(profile.organization.addresses.length).toBeGreaterThan(0)
    if (profile.organization.vatNumber !== null) expect(profile.organization.vat.state).toBe('valid')
    expect(profile.products.length).toBe(raw.prepare('SELECT count(*) FROM products WHERE owner_organization_id = ? AND deleted_at IS NULL').pluck().get(target.id))
  })

  it('lists the renewals within 90 days, the earnings that stop, the invoices’ holder and the changes dropped', () => {
    const target = facts().find((c) => c.access === 'complete' && c.payment === 'customer' && c.status === 'active' && c.next !== null && c.next < NOW + 90 * DAY)!
    enqueue(raw, { kind: 'tag.create', organizationId: target.id, name: 'Impact', color: 2 }, NOW)
    const impact = stopImpact(raw, target.id, NOW)
    const renewing = raw
      .prepare('SELECT id FROM products WHERE owner_organization_id = ? AND deleted_at IS NULL AND expired_at BETWEEN ? AND ? ORDER BY expired_at, id')
      .pluck()
      .all(target.id, NOW, NOW + 90 * DAY)
    expect(renewing.length).toBeGreaterThan(0)
    expect(impact.renewals.map((r) => r.id)).toEqual(renewing)
    expect(impact.invoicesHeldBy).toBe('client')
    expect(impact.pendingChanges).toEqual([{ kind: 'tag.create', count: 1 }])
    const earned = raw
      .prepare("SELECT sum(amount_excl_vat_minor) FROM billing_lines WHERE client_organization_id = ? AND occurred_at >= ? AND history_type IN ('cashback', 'income', 'discount')")
      .pluck()
      .get(target.id, billingSince(NOW)) as number
    expect(impact.earnings12m.reduce((sum, m) => sum + m.minor, 0)).toBe(earned)
  })
})

describe('VAT numbers', () => {
  it('are checked against their country’s rules and the invoice address’s country', () => {
    expect(checkVatNumber(null, 'CH')).toEqual({ state: 'none' })
    expect(checkVatNumber('ATU13585627', 'AT')).toEqual({ state: 'valid', country: 'AT' })
    expect(checkVatNumber('ATU13585628', 'AT')).toMatchObject({ state: 'invalid' })
    expect(checkVatNumber('ATU13585627', 'DE')).toEqual({ state: 'other_country', country: 'AT', expected: 'DE' })
    expect(checkVatNumber('XX123', 'CH')).toEqual({ state: 'unsupported' })
  })
})

describe('stopping', () => {
  it('discards the client’s other unsent changes, as the preview announced, and no other client’s', async () => {
    const { discardChangesBeforeStop } = await import('../../../src/main/core/clients/impact')
    const [a, b] = facts().filter((c) => c.status === 'active')
    const mine = enqueue(raw, { kind: 'tag.create', organizationId: a!.id, name: 'Before stop', color: 3 }, NOW)
    const other = enqueue(raw, { kind: 'tag.create', organizationId: b!.id, name: 'Elsewhere', color: 3 }, NOW)
    const partnershipId = raw.prepare('SELECT id FROM partnerships WHERE client_organization_id = ?').pluck().get(a!.id) as number
    const stop = enqueue(raw, { kind: 'partnership.stop', partnershipId }, NOW)
    expect(discardChangesBeforeStop(raw, a!.id, stop.id)).toBe(1)
    const state = (id: number) => raw.prepare('SELECT state FROM outbox WHERE id = ?').pluck().get(id)
    expect([state(mine.id), state(other.id), state(stop.id)]).toEqual(['discarded', 'pending', 'pending'])
  })
})

describe('the access matrix', () => {
  it('gives complete everywhere under active complete access, the delegated categories under limited, nothing otherwise', async () => {
    const { accessMatrix } = await import('../../../src/main/core/clients/matrix')
    const matrix = await accessMatrix(db, '', {}, NOW)
    expect(matrix.rows.length).toBe(facts().length)
    const byId = new Map(facts().map((c) => [c.id, c]))
    let limitedSeen = 0
    for (const row of matrix.rows) {
      const fact = byId.get(row.id)!
      if (fact.status !== 'active') expect(new Set(row.cells)).toEqual(new Set(['none']))
      else if (fact.access === 'complete') expect(new Set(row.cells)).toEqual(new Set(['complete']))
      else {
        const delegated = raw
          .prepare('SELECT DISTINCT service_name FROM products WHERE owner_organization_id = ? AND deleted_at IS NULL AND managed_by_partner = 1')
          .pluck()
          .all(row.id) as string[]
        expect(matrix.categories.filter((_, i) => row.cells[i] === 'limited').sort()).toEqual(delegated.sort())
        limitedSeen++
      }
    }
    expect(limitedSeen).toBeGreaterThan(0)
    // The same filters as the table.
    expect((await accessMatrix(db, '', { access: ['limited'] }, NOW)).rows.length).toBe(facts().filter((c) => c.access === 'limited').length)
  })
})

describe('renewals', () => {
  it('groups what expires in the window by client, saying who pays and whether the partner may renew', async () => {
    const { renewalOverview } = await import('../../../src/main/core/renewals/store')
    const overview = renewalOverview(raw, 60, NOW)
    const expected = raw
      .prepare(
        `SELECT count(*) FROM products pr JOIN partnerships p ON p.client_organization_id = pr.owner_organization_id
         WHERE pr.deleted_at IS NULL AND pr.expired_at > ? AND pr.expired_at <= ? AND p.status <> 'ended'`,
      )
      .pluck()
      .get(NOW, NOW + 60 * DAY) as number
    expect(overview.groups.reduce((sum, g) => sum + g.products.length, 0)).toBe(expected)
    const byId = new Map(facts().map((c) => [c.id, c]))
    for (const group of overview.groups) {
      const fact = byId.get(group.clientId)!
      expect(group.mayRenew).toBe(fact.status === 'active' && fact.access === 'complete')
      expect(group.payer).toBe(fact.access === 'complete' && fact.payment === 'partner' ? 'partner' : 'client')
    }
    expect(overview.leads).toEqual([60, 30, 14, 7])
  })

  it('gives each due reminder once, and again after a snooze', async () => {
    const { dueRenewalReminders, markShown, snooze, writeLeads } = await import('../../../src/main/core/renewals/store')
    expect(writeLeads(raw, [7, 30, 30, 0, 14])).toEqual([30, 14, 7])
    const due = dueRenewalReminders(raw, NOW)
    expect(due.length).toBeGreaterThan(0)
    expect(due.every((r) => r.daysLeft <= 30)).toBe(true)
    markShown(raw, due.map((r) => r.key), NOW)
    expect(dueRenewalReminders(raw, NOW + 3600)).toEqual([])
    snooze(raw, due[0]!.key, NOW + DAY)
    expect(dueRenewalReminders(raw, NOW + 3600)).toEqual([])
    expect(dueRenewalReminders(raw, NOW + DAY).map((r) => r.key)).toContain(due[0]!.key)
    writeLeads(raw, [60, 30, 14, 7])
  })
})

describe('bulk tagging', () => {
  it('says what it touches, then queues a create and an assign per client, and untags as precisely', async () => {
    const { bulkTag, bulkTagPreview } = await import('../../../src/main/core/clients/bulk')
    const ids = facts()
      .slice(10, 14)
      .map((c) => c.id)
    const live = (id: number) => raw.prepare('SELECT count(*) FROM products WHERE owner_organization_id = ? AND deleted_at IS NULL').pluck().get(id) as number
    const withProducts = ids.filter((id) => live(id) > 0)
    const preview = bulkTagPreview(raw, ids, 'Bulk VIP', true)
    expect(preview).toEqual({
      clients: withProducts.length,
      products: withProducts.reduce((sum, id) => sum + live(id), 0),
      tagsCreated: withProducts.length,
      unchanged: ids.length - withProducts.length,
    })
    const before = raw.prepare('SELECT count(*) FROM outbox').pluck().get() as number
    expect(bulkTag(raw, ids, 'Bulk VIP', 0xaa0000, true, NOW)).toEqual(preview)
    expect(raw.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(before + 2 * withProducts.length)
    // Shown at once: every live product of those clients carries the (unsent) tag.
    for (const id of withProducts) {
      const tagged = raw
        .prepare("SELECT count(*) FROM product_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.organization_id = ? AND t.name = 'Bulk VIP'")
        .pluck()
        .get(id)
      expect(tagged).toBe(live(id))
    }
    // Again: nothing left to do.
    expect(bulkTagPreview(raw, ids, 'Bulk VIP', true)).toMatchObject({ clients: 0, products: 0, unchanged: ids.length })
    const untag = bulkTagPreview(raw, ids, 'Bulk VIP', false)
    expect(untag).toMatchObject({ clients: withProducts.length, products: preview.products, tagsCreated: 0 })
    bulkTag(raw, ids, 'Bulk VIP', 0, false, NOW)
    expect(bulkTagPreview(raw, ids, 'Bulk VIP', false).products).toBe(0)
  })
})

describe('the staff filter', () => {
  it('lists the clients a staff member handles, with a count per member', async () => {
    const active = facts().filter((c) => c.status === 'active').slice(20, 23)
    const partnership = (clientId: number) => raw.prepare('SELECT id FROM partnerships WHERE client_organization_id = ?').pluck().get(clientId) as number
    enqueue(raw, { kind: 'staff.assign', invitationId: 102, partnershipIds: active.map((c) => partnership(c.id)) }, NOW)
    enqueue(raw, { kind: 'staff.assign', invitationId: 103, partnershipIds: [partnership(active[0]!.id)] }, NOW)
    expect((await list({ staff: [102] })).rows.map((r) => r.id).sort()).toEqual(active.map((c) => c.id).sort())
    expect((await list({ staff: [103] })).total).toBe(1)
    expect((await facetCounts(db, '', {}, NOW)).staff).toEqual([
      { value: '102', count: 3 },
      { value: '103', count: 1 },
    ])
  })
})
