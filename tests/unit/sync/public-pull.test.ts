// A pull against the public profile of the local API server: only
// Infomaniak's published endpoints, shaped as its document says, every
// modeled path 404. The cache must hold the partner, every active client
// with its access and payment mode, every product, the tags and the b2b
// totals, and say that the partner endpoints are not offered.
import { describe, expect, it } from 'vitest'
import { ENDPOINTS } from '../../../src/main/core/remote/endpoints'
import { categoryOf } from '../../../src/main/core/remote/services'
import { RECHECK_AFTER } from '../../../src/main/core/sync/capabilities'
import { CAPABILITY_FAMILIES } from '../../../src/shared/domain'
import { PUBLIC_PER_PAGE, type RecordedRequest, type RemoteState } from '../../fixtures/api-server'
import { publishedProduct, publishedServiceName } from '../../fixtures/api-server/published'
import { type Harness, NOW, snapshot, usePullHarness } from './pull-harness'

const start = usePullHarness('public')

const activePartnerships = (state: RemoteState) => state.allPartnerships().filter((p) => p.state.status === 'active')
const byId = (a: number, b: number) => a - b

/** The route a request took, or `METHOD path` for one the server does not know (the modeled ones, here). */
const routeOf = (request: RecordedRequest): string => request.route ?? `${request.method} ${request.path}`

function tally(requests: readonly RecordedRequest[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const request of requests) counts[routeOf(request)] = (counts[routeOf(request)] ?? 0) + 1
  return counts
}

/** Each client's partnership as the cache holds it, by client organization. */
function partnershipsByClient(h: Harness): Map<number, { status: string; access: string; payment: string | null; remoteId: number | null; totals: number[]; currency: string }> {
  const rows = h.rows(`SELECT client_organization_id, status, access_type, payment_mode, remote_id,
    incomes_minor, discounts_minor, total_paid_minor, total_paid_base_price_minor, currency FROM partnerships`)
  return new Map(
    rows.map(([client, status, access, payment, remoteId, ...rest]) => [
      client as number,
      {
        status: status as string,
        access: access as string,
        payment: payment as string | null,
        remoteId: remoteId as number | null,
        totals: rest.slice(0, 4) as number[],
        currency: rest[4] as string,
      },
    ]),
  )
}

describe('a full pull against the published API alone', () => {
  it('fills the cache with the partner, every active client, its access, payment mode, money totals and delegations', async () => {
    const h = await start()
    const { state } = h.server
    const summary = await h.run('full')
    expect(summary.unmatchedCollaborations).toBe(0)
    expect(summary.orphanProducts).toBe(0)

    expect(h.rows("SELECT id FROM organizations WHERE role = 'own'")).toEqual([[state.partnerId]])
    const active = activePartnerships(state)
    expect(h.rows("SELECT id FROM organizations WHERE role = 'client' ORDER BY id").flat()).toEqual(active.map((p) => p.clientOrganizationId).sort(byId))

    const cached = partnershipsByClient(h)
    expect(cached.size).toBe(active.length)
    for (const p of active) {
      expect(cached.get(p.clientOrganizationId), `client ${p.clientOrganizationId}`).toEqual({
        status: 'active',
        access: p.access.type,
        payment: p.access.type === 'complete' ? p.access.paymentMode : null,
        remoteId: p.id,
        totals: [p.incomesMinor, p.discountsMinor, p.totalPaidMinor, p.totalPaidBasePriceMinor],
        currency: p.currency,
      })
    }
    const limited = active.filter((p) => p.access.type === 'limited' && p.delegated.size > 0)
    expect(limited.length).toBeGreaterThan(0)
    for (const p of limited) {
      const delegated = h.rows('SELECT product_id FROM partnership_products WHERE partnership_id = ? ORDER BY product_id', p.clientOrganizationId).flat()
      expect(delegated, `client ${p.clientOrganizationId}`).toEqual([...p.delegated].sort(byId))
    }
  })

  it('stores every product the server lists, none dropped for its service, each keeping its published name', async () => {
    const h = await start()
    await h.run('full')
    const visible = h.server.state.visibleProducts()
    const stored = new Map(h.rows('SELECT id, service_name, service FROM products').map(([id, category, service]) => [id as number, { category, service }]))
    expect(stored.size).toBe(visible.length)
    for (const product of visible) {
      const name = publishedServiceName(product)
      expect(stored.get(product.id), `product ${product.id}`).toEqual({ category: categoryOf(name), service: name })
    }
    // `other` is where the names the app has no category for land, and they keep their own.
    expect(h.rows("SELECT DISTINCT service FROM products WHERE service_name = 'other' ORDER BY service").flat()).toEqual(['ai_tools', 'future_service'])
    expect(h.count("SELECT count(*) FROM products WHERE service = 'radio' AND service_name = 'streaming'")).toBeGreaterThan(0)
    expect(h.count("SELECT count(*) FROM products WHERE service = 'nas' AND service_name = 'server'")).toBeGreaterThan(0)
  })

  it('stores the tags of the accounts and of the products, and which products carry which', async () => {
    const h = await start()
    const { state } = h.server
    await h.run('full')
    const tags = state.visibleAccounts().flatMap((org) => state.tagsOfOrganization(org.id)).map((tag) => [tag.id, tag.organizationId, tag.name, tag.color])
    expect(tags.length).toBeGreaterThan(0)
    expect(h.rows('SELECT id, organization_id, name, color FROM tags ORDER BY id')).toEqual(tags.sort((a, b) => byId(a[0] as number, b[0] as number)))
    const links = state.visibleProducts().flatMap((product) => state.tagsOf(product.id).map((tag) => [product.id, tag.id]))
    expect(h.rows('SELECT product_id, tag_id FROM product_tags ORDER BY product_id, tag_id')).toEqual(links.sort((a, b) => byId(a[0], b[0]) || byId(a[1], b[1])))
  })

  it('records the partner endpoints as not offered, and stores no billing line, invoice or tender', async () => {
    const h = await start()
    const summary = await h.run('full')
    expect(Object.keys(summary.capabilities).sort()).toEqual([...CAPABILITY_FAMILIES].sort())
    expect(h.rows('SELECT family, offered, checked_at FROM capabilities ORDER BY family')).toEqual([...CAPABILITY_FAMILIES].sort().map((family) => [family, 0, NOW]))
    for (const table of ['billing_lines', 'invoices', 'tenders']) expect(h.count(`SELECT count(*) FROM ${table}`), table).toBe(0)
  })

  it('asks exactly: profile, accounts, the invitation lookup, the product and b2b pages at the server’s page size, one probe per partner family', async () => {
    const h = await start()
    const { state } = h.server
    await h.run('full')
    const pages = (items: number) => Math.ceil(items / PUBLIC_PER_PAGE)
    const probes = Object.fromEntries(
      ['partnerships', 'billing_history', 'invoices', 'tenders'].map((list) => [`GET /1/partners/${state.partnerId}/${list}`, 1]),
    )
    expect(tally(h.server.requests)).toEqual({
      [ENDPOINTS.profile.route]: 1,
      [ENDPOINTS.accounts.route]: 1,
      [ENDPOINTS.staffInvitations.route]: 1,
      [ENDPOINTS.products.route]: pages(state.visibleProducts().length),
      [ENDPOINTS.staffPartnerships.route]: pages(activePartnerships(state).length),
      ...probes,
    })
    // The cap is a number the server keeps to itself: the app asked for its own page size and followed the answer.
    const productPages = h.server.requests.filter((request) => request.route === ENDPOINTS.products.route)
    expect(productPages.map((request) => request.query.per_page)).toEqual(productPages.map(() => String(ENDPOINTS.products.perPage)))
    expect(productPages.map((request) => Number(request.query.page))).toEqual(productPages.map((_, i) => i + 1))
  })
})

describe('an incremental pull against the published API alone', () => {
  it('reads the same again, and asks no partner endpoint the same day', async () => {
    const h = await start()
    await h.run('full')
    // The cursors move; the data must not.
    const data = () => snapshot(h.db, ['organizations', 'organization_addresses', 'partnerships', 'partnership_products', 'products', 'tags', 'product_tags', 'capabilities'])
    const before = data()
    const first = h.server.requests.length
    const summary = await h.run('incremental')
    expect(summary.events).toBe(0)
    expect(summary.unchanged).toContain('products')
    expect(data()).toBe(before)
    const asked = h.server.requests.slice(first)
    expect(asked.filter((request) => request.path.startsWith('/1/partners/'))).toEqual([])
    expect(tally(asked)).toEqual({
      [ENDPOINTS.profile.route]: 1,
      [ENDPOINTS.accounts.route]: 1,
      [ENDPOINTS.staffInvitations.route]: 1,
      [ENDPOINTS.staffPartnerships.route]: Math.ceil(activePartnerships(h.server.state).length / PUBLIC_PER_PAGE),
      // The return=total probe alone: the count did not move.
      [ENDPOINTS.products.route]: 1,
    })
  })

  it('asks each partner family again once a day has passed, and still finds none', async () => {
    const h = await start()
    await h.run('full')
    const first = h.server.requests.length
    await h.run('incremental', { now: NOW + RECHECK_AFTER })
    const probes = h.server.requests.slice(first).filter((request) => request.path.startsWith('/1/partners/'))
    expect(probes.map((request) => request.path.split('/').at(-1)).sort()).toEqual(['billing_history', 'invoices', 'partnerships', 'tenders'])
    expect(h.rows('SELECT DISTINCT offered, checked_at FROM capabilities')).toEqual([[0, NOW + RECHECK_AFTER]])
  })

  it('turns a payment mode switched, an access type changed and a client gone into dated partnership events', async () => {
    const h = await start()
    const { state } = h.server
    await h.run('full')
    const active = activePartnerships(state)
    const payer = active.find((p) => p.access.type === 'complete' && p.access.paymentMode === 'customer') ?? expect.fail('no client that pays')
    const narrowed = active.find((p) => p.access.type === 'complete' && p.id !== payer.id) ?? expect.fail('no second complete client')
    const gone = active.find((p) => p.access.type === 'limited') ?? expect.fail('no limited client')
    const narrowedProducts = state.visibleProducts().filter((product) => product.ownerOrganizationId === narrowed.clientOrganizationId).map((product) => product.id)
    const goneProducts = state.visibleProducts().filter((product) => product.ownerOrganizationId === gone.clientOrganizationId).length
    expect(goneProducts).toBeGreaterThan(0)

    state.setPaymentMode(payer.id, 'partner')
    state.setAccess(narrowed.id, { type: 'limited' }, narrowedProducts.slice(0, 1))
    state.endPartnership(gone.id)
    const summary = await h.run('incremental')

    const events = (client: number) =>
      h.rows(
        `SELECT e.kind, e.before_json, e.after_json, e.detected_at FROM partnership_events e JOIN partnerships p ON p.id = e.partnership_id
          WHERE p.client_organization_id = ? ORDER BY e.kind`,
        client,
      )
    expect(events(payer.clientOrganizationId)).toEqual([['payment_mode', '{"payment_mode":"customer"}', '{"payment_mode":"partner"}', NOW]])
    expect(events(narrowed.clientOrganizationId)).toEqual([
      ['access_type', '{"access_type":"complete"}', '{"access_type":"limited"}', NOW],
      ['delegated_products', '{"product_ids":[]}', JSON.stringify({ product_ids: narrowedProducts.slice(0, 1) }), NOW],
    ])
    expect(events(gone.clientOrganizationId)).toEqual([['status', '{"status":"active"}', '{"status":"ended"}', NOW]])
    expect(summary.events).toBe(4)

    const cached = partnershipsByClient(h)
    expect(cached.get(payer.clientOrganizationId)).toMatchObject({ access: 'complete', payment: 'partner' })
    expect(cached.get(narrowed.clientOrganizationId)).toMatchObject({ access: 'limited', payment: null })
    expect(cached.get(gone.clientOrganizationId)).toMatchObject({ status: 'ended' })
    // What the partner no longer reaches is no longer listed, so no longer stored.
    expect(h.count('SELECT count(*) FROM products WHERE owner_organization_id = ?', gone.clientOrganizationId)).toBe(0)
    expect(h.count('SELECT count(*) FROM products WHERE owner_organization_id = ?', narrowed.clientOrganizationId)).toBe(1)
    expect(h.count('SELECT count(*) FROM products')).toBe(state.visibleProducts().length)
  })
})

describe('the published API without the staff listing, or with two own organizations', () => {
  it('reads access and payment mode from the account flags alone when the user has no accepted staff invitation', async () => {
    const h = await start()
    const { state } = h.server
    state.setProfileInvitationStatus('cancelled')
    const summary = await h.run('full')
    expect(h.server.requests.filter((request) => request.route === ENDPOINTS.staffPartnerships.route)).toEqual([])
    expect(summary.unmatchedCollaborations).toBe(0)
    const cached = partnershipsByClient(h)
    const active = activePartnerships(state)
    expect(cached.size).toBe(active.length)
    for (const p of active) {
      // Some accounts leave out the flags whose absence says the same: complete access, the client paying.
      expect(cached.get(p.clientOrganizationId), `client ${p.clientOrganizationId}`).toMatchObject({
        status: 'active',
        access: p.access.type,
        payment: p.access.type === 'complete' ? p.access.paymentMode : null,
        remoteId: null,
        totals: [0, 0, 0, 0],
      })
    }
    expect(h.count('SELECT count(*) FROM partnership_products')).toBe(0)
    expect(h.count('SELECT count(*) FROM products')).toBe(state.visibleProducts().length)
  })

  it('syncs the organization the user picked when the token reaches two of its own, and refuses to guess', async () => {
    const h = await start()
    const { state } = h.server
    const other = state.addOwnOrganization('Helvetic Lab SA', 'office@helvetic-lab.example')
    state.setCurrentAccount(null)
    const before = snapshot(h.db)
    const guess = h.run('full')
    await expect(guess).rejects.toThrow(new RegExp(`several organizations of its own .*\\(${state.partnerId}\\).*\\(${other}\\)`))
    expect(snapshot(h.db)).toBe(before)

    await h.run('full', { organizationId: state.partnerId })
    expect(h.rows("SELECT id FROM organizations WHERE role = 'own'")).toEqual([[state.partnerId]])
    expect(h.count("SELECT count(*) FROM organizations WHERE role = 'client'")).toBe(activePartnerships(state).length)
    expect(h.count('SELECT count(*) FROM products')).toBe(state.visibleProducts().length)
  })

  it('takes the profile’s current organization among two own ones when the user picked none', async () => {
    const h = await start()
    const { state } = h.server
    state.addOwnOrganization('Helvetic Lab SA', 'office@helvetic-lab.example')
    await h.run('full')
    expect(h.rows("SELECT id FROM organizations WHERE role = 'own'")).toEqual([[state.partnerId]])
    expect(h.count('SELECT count(*) FROM partnerships WHERE remote_id IS NOT NULL')).toBe(activePartnerships(state).length)
  })
})

describe('strictness against the published API', () => {
  it('fails on a declared account field of the wrong type, naming endpoint and field, the cache unchanged', async () => {
    const h = await start()
    await h.run('full')
    h.server.state.setPaymentMode(activePartnerships(h.server.state).find((p) => p.access.type === 'complete')?.id ?? expect.fail('no complete client'), 'partner')
    const before = snapshot(h.db)
    h.server.faults.add({ route: ENDPOINTS.accounts.route, kind: 'wrong_types', field: 'in_partnership_limited', times: Infinity })
    await expect(h.run('incremental')).rejects.toThrow(/^GET \/1\/accounts: data\[\d+\]\.in_partnership_limited: expected boolean/)
    expect(snapshot(h.db)).toBe(before)
  })

  it('fails on a declared product field of the wrong type, naming the page and field', async () => {
    const h = await start()
    h.server.faults.add({ route: ENDPOINTS.products.route, kind: 'wrong_types', field: 'is_managed_by_partner', page: 2, times: Infinity })
    const before = snapshot(h.db)
    await expect(h.run('full')).rejects.toThrow(/^GET \/1\/products page 2: data\[\d+\]\.is_managed_by_partner: expected boolean/)
    expect(snapshot(h.db)).toBe(before)
  })

  it.each([
    ['truncated_page', 2],
    ['duplicate_ids', 3],
  ] as const)('fails on a %s of /1/products, naming the page, the cache unchanged', async (kind, page) => {
    const h = await start()
    await h.run('full')
    const before = snapshot(h.db)
    h.server.faults.add({ route: ENDPOINTS.products.route, kind, page, times: Infinity })
    await expect(h.run('full')).rejects.toThrow(new RegExp(`^GET /1/products page ${page}: `))
    expect(snapshot(h.db)).toBe(before)
  })

  it('takes a nullable field sent null', async () => {
    const h = await start()
    const { state } = h.server
    const nameless = state.visibleProducts().filter((product) => publishedProduct(state, product).internal_name === null)
    expect(nameless.length).toBeGreaterThan(0)
    await h.run('full')
    for (const product of nameless) expect(h.rows('SELECT internal_name FROM products WHERE id = ?', product.id), `product ${product.id}`).toEqual([['']])
  })
})

describe('what the accounts list and the staff listing say between two pulls', () => {
  it('an incremental pull takes a tag renamed on an account: the accounts list, read on every pull, carries it', async () => {
    const h = await start()
    const { state } = h.server
    await h.run('full')
    const tag = state.visibleAccounts().flatMap((org) => state.tagsOfOrganization(org.id))[0] ?? expect.fail('no tag')
    state.renameTag(tag.id, 'Renamed in the Manager')
    expect((await h.run('incremental')).unchanged).toContain('products')
    expect(h.rows('SELECT name FROM tags WHERE id = ?', tag.id)).toEqual([['Renamed in the Manager']])
  })

  it('a full pull forgets a tag deleted from an account: the accounts list carries each account’s every tag', async () => {
    const h = await start()
    const { state } = h.server
    await h.run('full')
    const tag = state.visibleAccounts().flatMap((org) => state.tagsOfOrganization(org.id))[0] ?? expect.fail('no tag')
    state.deleteTag(tag.id)
    await h.run('full')
    expect(h.count('SELECT count(*) FROM tags WHERE id = ?', tag.id)).toBe(0)
  })

  it('records no partnership event when the user’s staff invitation is cancelled: no collaboration changed', async () => {
    const h = await start()
    const { state } = h.server
    await h.run('full')
    state.setProfileInvitationStatus('cancelled')
    const summary = await h.run('incremental')
    expect(h.rows('SELECT kind, count(*) FROM partnership_events GROUP BY kind')).toEqual([])
    expect(summary.events).toBe(0)
  })
})

describe('staff members the partner named', () => {
  it('takes each named member’s clients from its b2b listing on every pull; a member the server does not know keeps what the cache knew', async () => {
    const h = await start()
    const { state } = h.server
    await h.run('full')
    const [first, second] = activePartnerships(state)
    const local = (client: number) => h.count('SELECT id FROM partnerships WHERE client_organization_id = ?', client)
    h.db.prepare("INSERT INTO staff_members (invitation_id, label) VALUES (101, 'Anna'), (102, 'Ben'), (999, 'Gone')").run()
    // The cache believes Ben handles the first client; the Manager assigned him the second instead.
    h.db.prepare('INSERT INTO staff_assignments (invitation_id, partnership_id) VALUES (102, ?), (999, ?)').run(local(first.clientOrganizationId), local(second.clientOrganizationId))
    state.assignStaff(102, [second.id])

    await h.run('incremental')
    const assigned = (invitation: number) =>
      h.rows('SELECT p.client_organization_id FROM staff_assignments a JOIN partnerships p ON p.id = a.partnership_id WHERE a.invitation_id = ? ORDER BY 1', invitation).flat()
    const cached = new Set(h.rows("SELECT id FROM organizations WHERE role = 'client'").flat())
    const anna = [...(state.staffAssignments(101) ?? [])].map((id) => state.partnership(id)!.clientOrganizationId).filter((client) => cached.has(client))
    expect(anna.length).toBeGreaterThan(0)
    expect(assigned(101)).toEqual(anna.sort(byId))
    expect(assigned(102)).toEqual([second.clientOrganizationId])
    expect(assigned(999)).toEqual([second.clientOrganizationId])
    expect(h.server.requests.filter((request) => request.route === ENDPOINTS.staffPartnerships.route && request.path.includes('/invitations/102/'))).toHaveLength(1)
  })
})
