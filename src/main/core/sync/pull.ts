// Full and incremental pulls: every list read page by page into staging
// (one transaction per page), then merged in one transaction. Cancelling,
// a failure or a crash before the merge leaves the cache and its cursors
// exactly as they were.
import type BetterSqlite3 from 'better-sqlite3'
import type { ZodType } from 'zod'
import type { SyncProgress, SyncResource } from '../../../shared/contract'
import type { CapabilityFamily } from '../../../shared/domain'
import { ENDPOINTS } from '../remote/endpoints'
import { type PageMeta, type RemoteClient, RemoteError } from '../remote/http'
import type { Account, B2bPartnership, Profile } from '../remote/schemas'
import { type Capabilities, isNotOffered, knownAbsent, readCapabilities } from './capabilities'
import { merge, type MergeOutcome, type SyncCursor } from './merge'
import { choosePartner, managedClients } from './organization'
import {
  accountRows,
  currencyOf,
  invoiceRow,
  type KnownOrganization,
  partnershipRows,
  productRow,
  productTagRows,
  publicPartnershipRows,
  type CachedCollaboration,
  tagRows,
  tenderRow,
} from './rows'
import { createHistoryStage, dropHistoryStage } from './history/table'
import { historyInline, type HistoryStaging, type HistoryStager } from './history/stager'
import { dropStaging, resetStaging, stager } from './stage'
import { namedStaff, readStaffAssignments } from './staff'

export type PullMode = 'full' | 'incremental'

export interface PullOptions {
  mode: PullMode
  /** Unix seconds. */
  now: number
  signal?: AbortSignal
  onProgress: (progress: SyncProgress) => void
  /** See MergePlan.afterMerge. */
  afterMerge?: (db: BetterSqlite3.Database) => void
  /** Who stages the billing history beside the other lists; default: a second connection on this thread. */
  history?: HistoryStaging
  /** The partner organization the user picked when the token reaches several of its own (see organization.ts). */
  organizationId?: number
}

export interface PullSummary extends MergeOutcome {
  mode: PullMode
  /** Lists whose `return=total` probe showed no change, so they were not read. */
  unchanged: SyncResource[]
  /** What the server offers of the partner endpoints, as this pull found (families it did not ask are absent). */
  capabilities: Capabilities
  /** b2b collaborations that name no client organization the token reaches: counted, not stored. */
  unmatchedCollaborations: number
}

/** How far back a first pull reads the billing history. */
const HISTORY_YEARS = 3
/** An incremental pull re-reads this much before its cursor: late lines are still caught. */
const HISTORY_OVERLAP = 7 * 86_400
/**
 * SQLite's page cache while a pull runs, in KiB. The merge writes a million
 * billing lines into a table with four indexes; with the default 2 MB that
 * statement took 8.7 s, with 64 MB 6.2 s (256 MB gained nothing more).
 */
const PULL_CACHE_KIB = 64 * 1024
/** Whole lists are read two pages ahead: enough that the server never waits for us, nor we for it. */
const READ_AHEAD = 2
/**
 * The billing history further: its pages reach the history thread through
 * this thread, which is often busy with a page of its own lists. Two ahead
 * left the history thread waiting (reading 9.9 s at bench size), five keep
 * it fed (8.9 s); eight gained nothing more.
 */
const HISTORY_READ_AHEAD = 5
/** Our clock and the server's may disagree a little: probe changes from a bit before the last read. */
const CLOCK_SKEW = 300

/**
 * Runs tasks side by side; the first to fail stops the others (through
 * `stop`), and its error is thrown once every task has settled, so nothing
 * is still writing when the caller cleans up.
 */
async function together<T extends readonly unknown[]>(stop: AbortController, tasks: { readonly [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const errors: unknown[] = []
  const settled = await Promise.allSettled(
    tasks.map((task) =>
      task.catch((error: unknown) => {
        errors.push(error)
        stop.abort()
        throw error
      }),
    ),
  )
  if (errors.length > 0) throw errors[0]
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as unknown as T
}

/** A list to read whole: where it is and the page size to ask for. */
interface ListRequest {
  path: string
  params?: Record<string, number>
  perPage: number
}

interface SyncStateRow {
  resource: string
  cursor: string | null
  last_total: number | null
}

/**
 * The collaborations the token's user handles as a staff member (the
 * published b2b listing), by client organization: money totals and
 * delegated products. A user with no accepted staff invitation in the
 * partner organization has none to read: an empty map, not a failure.
 */
async function readStaffPartnerships(
  client: RemoteClient,
  partnerId: number,
  profile: Profile,
  signal: AbortSignal,
): Promise<{ byClient: Map<number, B2bPartnership>; unmatched: number }> {
  const byClient = new Map<number, B2bPartnership>()
  let invitations
  try {
    invitations = await client.get(
      { path: ENDPOINTS.staffInvitations.template, params: { account: partnerId, user: profile.id } },
      { schema: ENDPOINTS.staffInvitations.answer.shape.data, signal },
    )
  } catch (error) {
    if (error instanceof RemoteError && (error.failure.kind === 'forbidden' || error.failure.kind === 'not_found')) return { byClient, unmatched: 0 }
    throw error
  }
  const invitation = invitations.find((entry) => entry.status === 'accepted' && entry.account_id === partnerId)
  if (!invitation) return { byClient, unmatched: 0 }
  let unmatched = 0
  const endpoint = { path: ENDPOINTS.staffPartnerships.template, params: { account: partnerId, invitation: invitation.id } }
  const pages = client.paged(endpoint, {
    itemSchema: ENDPOINTS.staffPartnerships.item,
    perPage: ENDPOINTS.staffPartnerships.perPage,
    query: { with: 'customer,products' },
    readAhead: READ_AHEAD,
    signal,
  })
  for await (const page of pages) {
    for (const item of page.items) {
      if (item.customer) byClient.set(item.customer.id, item)
      else unmatched++
    }
  }
  return { byClient, unmatched }
}

/** What the cache holds of each collaboration, by client: kept where the b2b listing says nothing of it. */
function cachedCollaborations(db: BetterSqlite3.Database, partnerId: number): Map<number, CachedCollaboration> {
  const rows = db
    .prepare(
      `SELECT p.client_organization_id AS client, p.since, p.updated_at AS updatedAt, p.incomes_minor AS incomes, p.discounts_minor AS discounts,
         p.total_paid_minor AS totalPaid, p.total_paid_base_price_minor AS totalPaidBasePrice, p.currency, p.remote_id AS remoteId,
         (SELECT coalesce(json_group_array(product_id), '[]') FROM partnership_products WHERE partnership_id = p.id) AS delegated
       FROM partnerships p WHERE p.partner_organization_id = ?`,
    )
    .all(partnerId) as Array<Omit<CachedCollaboration, 'delegated'> & { client: number; delegated: string }>
  return new Map(rows.map(({ client, delegated, ...row }) => [client, { ...row, delegated: JSON.parse(delegated) as number[] }]))
}

export async function pull(db: BetterSqlite3.Database, client: RemoteClient, options: PullOptions): Promise<PullSummary> {
  if (db.memory) throw new Error('pull: the cache is in memory, but its billing history is staged through a second connection to the same file')
  const { now, signal, onProgress, mode } = options
  const previous = new Map(
    (db.prepare('SELECT resource, cursor, last_total FROM sync_state').all() as SyncStateRow[]).map((row) => [row.resource, row]),
  )
  const cursors: SyncCursor[] = []
  const unchanged: SyncResource[] = []
  const capabilities = readCapabilities(db)
  const found: Capabilities = {}
  let unmatchedCollaborations = 0

  const cacheSize = db.pragma('cache_size', { simple: true }) as number
  db.pragma(`cache_size = ${-PULL_CACHE_KIB}`)
  resetStaging(db)
  createHistoryStage(db)
  let history: HistoryStager | null = null
  try {
    onProgress({ resource: 'profile', done: 0, total: 1 })
    const profile = await client.get({ path: ENDPOINTS.profile.template }, { schema: ENDPOINTS.profile.answer.shape.data, signal })
    const accounts = await client.get({ path: ENDPOINTS.accounts.template }, { schema: ENDPOINTS.accounts.answer.shape.data, signal })
    const partner = choosePartner(accounts, profile, options.organizationId)
    const partnerId = partner.id
    onProgress({ resource: 'profile', done: 1, total: 1 })

    const known = new Map(
      (db.prepare('SELECT id, vat_number, timezone FROM organizations').all() as Array<KnownOrganization & { id: number }>).map((row) => [row.id, row]),
    )
    const stageOrganization = stager(db, 'organizations')
    const stageAddress = stager(db, 'organization_addresses')
    const stageTag = stager(db, 'tags')
    const tagLists: number[] = []
    const stageAccount = (account: Account, role: 'own' | 'client', currency: 'CHF' | 'EUR') => {
      const rows = accountRows(account, role, currency, known.get(account.id), now)
      if (account.tags != null) tagLists.push(account.id)
      stageOrganization.run(rows.organization)
      for (const row of rows.addresses ?? []) stageAddress.run(row)
      for (const row of rows.tags) stageTag.run(row)
    }
    const partnerCurrency = currencyOf(partner, 'CHF')
    db.transaction(() => stageAccount(partner, 'own', partnerCurrency))()

    // The lists are read while the billing history is staged beside them; when one read fails, the other stops.
    const stopLists = new AbortController()
    const listSignal = signal === undefined ? stopLists.signal : AbortSignal.any([signal, stopLists.signal])

    /**
     * Runs a partner-endpoint read unless the server said less than a day ago
     * that it does not offer the family; an answer that says so now is
     * remembered, not a failure.
     */
    const offered = async <T>(family: CapabilityFamily, read: () => Promise<T>): Promise<T | 'absent'> => {
      if (knownAbsent(capabilities, family, now)) return 'absent'
      try {
        const value = await read()
        found[family] = { offered: true, checkedAt: now }
        return value
      } catch (error) {
        if (!isNotOffered(error)) throw error
        found[family] = { offered: false, checkedAt: now }
        return 'absent'
      }
    }

    /**
     * Reads a whole list unless an incremental pull's probes say it did not
     * change: the same `return=total` as last time and, for lists that carry
     * `updated_at`, nothing updated since the last read (a payment mode can
     * change without changing any count).
     */
    const readList = async <T>(
      resource: SyncResource,
      endpoint: ListRequest,
      itemSchema: ZodType<T>,
      stage: (items: readonly T[]) => void,
      probe: 'total' | 'total_and_updated',
    ): Promise<'complete' | 'skipped'> => {
      const known = previous.get(resource)
      if (mode === 'incremental' && known?.last_total != null && known.cursor !== null) {
        const total = await client.total(endpoint, { signal: listSignal })
        const updated = probe === 'total' ? 0 : await client.total(endpoint, { query: { updated_since: Number(known.cursor) - CLOCK_SKEW }, signal: listSignal })
        if (total === known.last_total && updated === 0) {
          unchanged.push(resource)
          return 'skipped'
        }
      }
      let total = 0
      for await (const page of client.paged(endpoint, { itemSchema, perPage: endpoint.perPage, readAhead: READ_AHEAD, signal: listSignal })) {
        db.transaction(() => stage(page.items))()
        total = page.total
        onProgress({ resource, done: Math.min(page.page * endpoint.perPage, page.total), total: page.total })
      }
      cursors.push({ resource, cursor: String(now), lastTotal: total, full: mode === 'full' })
      return 'complete'
    }

    const partnerEndpoint = (list: { template: string; perPage: number }): ListRequest => ({
      path: list.template,
      params: { partner_id: partnerId },
      perPage: list.perPage,
    })

    // The history only grows: read the window since the last cursor.
    const windowFor = (resource: SyncResource) => {
      const last = Number(previous.get(resource)?.cursor ?? Number.NaN)
      const from = mode === 'incremental' && Number.isFinite(last) ? last - HISTORY_OVERLAP : now - HISTORY_YEARS * 365 * 86_400
      return { from, to: now }
    }

    /** A window of a history list, staged page by page (each in a transaction); its end is the next cursor. */
    const readWindow = async <P extends PageMeta>(
      resource: SyncResource,
      perPage: number,
      window: { to: number },
      pages: AsyncIterable<P>,
      stage?: (page: P) => void,
    ): Promise<void> => {
      for await (const page of pages) {
        if (stage) db.transaction(stage)(page)
        onProgress({ resource, done: Math.min(page.page * perPage, page.total), total: page.total })
      }
      cursors.push({ resource, cursor: String(window.to), lastTotal: null, full: mode === 'full' })
    }

    const stagePartnership = {
      representative: stager(db, 'legal_representatives'),
      partnership: stager(db, 'partnerships'),
      delegated: stager(db, 'partnership_products'),
    }
    const stageProduct = { product: stager(db, 'products'), productTag: stager(db, 'product_tags') }
    const stageTender = stager(db, 'tenders')
    const stageInvoice = stager(db, 'invoices')
    const invoiceWindow = windowFor('invoices')

    /** The partner endpoint's list: every collaboration whatever its status, with the client's organization. */
    const readModeledPartnerships = () =>
      readList('partnerships', partnerEndpoint(ENDPOINTS.partnerships), ENDPOINTS.partnerships.item, (items) => {
        for (const item of items) {
          const rows = partnershipRows(item, partnerId, now)
          stageOrganization.run(rows.organization)
          stageAddress.run(rows.address)
          for (const row of rows.representatives) stagePartnership.representative.run(row)
          stagePartnership.partnership.run(rows.partnership)
          for (const row of rows.delegated) stagePartnership.delegated.run(row)
        }
      }, 'total_and_updated')

    /**
     * The published API's view: every client the accounts list shows, its
     * access and payment mode from its flags, money totals and delegations
     * from the staff member's b2b listing. Read whole on every pull (one
     * call, plus the b2b pages), so differences become events as with the
     * partner endpoint.
     */
    const readPublicPartnerships = async (): Promise<'complete'> => {
      const clients = managedClients(accounts, partnerId)
      const staff = await readStaffPartnerships(client, partnerId, profile, listSignal)
      const reached = new Set(clients.map((account) => account.id))
      unmatchedCollaborations = [...staff.byClient.keys()].filter((id) => !reached.has(id)).length + staff.unmatched
      const cached = cachedCollaborations(db, partnerId)
      db.transaction(() => {
        for (const account of clients) {
          const currency = currencyOf(account, partnerCurrency)
          stageAccount(account, 'client', currency)
          const rows = publicPartnershipRows({ client: account, currency, b2b: staff.byClient.get(account.id), cached: cached.get(account.id), now }, partnerId)
          stagePartnership.partnership.run(rows.partnership)
          for (const row of rows.delegated) stagePartnership.delegated.run(row)
        }
      })()
      onProgress({ resource: 'partnerships', done: clients.length, total: clients.length })
      cursors.push({ resource: 'partnerships', cursor: String(now), lastTotal: clients.length, full: mode === 'full' })
      return 'complete'
    }

    const readLists = async () => {
      const modeled = await offered('partnerships', readModeledPartnerships)
      const partnerships = modeled === 'absent' ? await readPublicPartnerships() : modeled
      const staff = await readStaffAssignments(client, partnerId, namedStaff(db), listSignal)

      const products = await readList('products', { path: ENDPOINTS.products.template, perPage: ENDPOINTS.products.perPage }, ENDPOINTS.products.item, (items) => {
        for (const item of items) {
          stageProduct.product.run(productRow(item, partnerId))
          for (const tag of tagRows(item)) stageTag.run(tag)
          for (const link of productTagRows(item)) stageProduct.productTag.run(link)
        }
      }, 'total')

      const tenders = await offered('tenders', () =>
        readList('tenders', partnerEndpoint(ENDPOINTS.tenders), ENDPOINTS.tenders.item, (items) => {
          for (const item of items) {
            const row = tenderRow(item, partnerCurrency)
            if (row !== null) stageTender.run(row)
          }
        }, 'total_and_updated'),
      )

      const invoices = partnerEndpoint(ENDPOINTS.invoices)
      await offered('invoices', () => {
        const pages = client.paged(invoices, { itemSchema: ENDPOINTS.invoices.item, perPage: invoices.perPage, readAhead: READ_AHEAD, query: invoiceWindow, signal: listSignal })
        return readWindow('invoices', invoices.perPage, invoiceWindow, pages, (page) => {
          for (const item of page.items) stageInvoice.run(invoiceRow(item))
        })
      })
      return { partnerships, staff, organizationsWhole: modeled !== 'absent', products, tenders: tenders === 'absent' ? ('skipped' as const) : tenders }
    }

    // The billing history, the bulk of a pull, is read and staged by its own connection (its own thread, in the app) while this
    // one reads the other lists; not at all when the server said today that it has none.
    const billingWindow = windowFor('billing')
    const readHistory = async (): Promise<boolean> => {
      if (knownAbsent(capabilities, 'billing_history', now)) return false
      history = (options.history ?? historyInline)(db.name)
      const reader = history.read
      const billing = partnerEndpoint(ENDPOINTS.billingHistory)
      const read = await offered('billing_history', () =>
        readWindow('billing', billing.perPage, billingWindow, client.readPages(billing, { reader, perPage: billing.perPage, readAhead: HISTORY_READ_AHEAD, query: billingWindow, signal: listSignal })),
      )
      return read !== 'absent'
    }

    const [{ partnerships, staff, organizationsWhole, products, tenders }, historyRead] = await together(stopLists, [readLists(), readHistory()])

    if (signal?.aborted) throw signal.reason
    onProgress({ resource: 'merge', done: 0, total: 1 })
    const outcome = merge(db, {
      now,
      partnerId,
      partnerships,
      staff,
      tagLists,
      organizationsWhole,
      products,
      tenders,
      history: historyRead ? { mode: mode === 'full' ? 'replace' : 'merge', from: billingWindow.from } : null,
      capabilities: found,
      profile,
      cursors,
      ...(options.afterMerge ? { afterMerge: options.afterMerge } : {}),
    })
    onProgress({ resource: 'merge', done: 1, total: 1 })
    return { ...outcome, mode, unchanged, capabilities: found, unmatchedCollaborations }
  } finally {
    // Assigned inside readHistory, which flow analysis does not follow.
    await (history as HistoryStager | null)?.close()
    dropHistoryStage(db)
    dropStaging(db)
    db.pragma(`cache_size = ${cacheSize}`)
  }
}

export { NotAPartner } from './organization'
