// Full and incremental pulls: every list read page by page into staging
// (one transaction per page), then merged in one transaction. Cancelling,
// a failure or a crash before the merge leaves the cache and its cursors
// exactly as they were.
import type BetterSqlite3 from 'better-sqlite3'
import type { ZodType } from 'zod'
import type { SyncProgress, SyncResource } from '../../../shared/contract'
import { sortKey } from '../db/sort-key'
import { ENDPOINTS } from '../remote/endpoints'
import type { PageMeta, RemoteClient } from '../remote/http'
import { merge, type MergeOutcome, type SyncCursor } from './merge'
import { invoiceRow, partnershipRows, productRow, productTagRows, tagRows, tenderRow } from './rows'
import { createHistoryStage, dropHistoryStage } from './history/table'
import { historyInline, type HistoryStaging, type HistoryStager } from './history/stager'
import { dropStaging, resetStaging, stager } from './stage'

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
}

export interface PullSummary extends MergeOutcome {
  mode: PullMode
  /** Lists whose `return=total` probe showed no change, so they were not read. */
  unchanged: SyncResource[]
  /** Products of services the app has no category for yet. */
  unknownServices: number
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

class NotAPartner extends Error {}

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

/** The partner behind the token: the account its clients name as partner, else its only own account. */
async function resolvePartner(client: RemoteClient, signal?: AbortSignal): Promise<number> {
  for await (const page of client.paged({ path: ENDPOINTS.accounts.template }, { itemSchema: ENDPOINTS.accounts.item, perPage: ENDPOINTS.accounts.perPage, signal })) {
    const named = new Set(page.items.flatMap((account) => (account.partner_id === null ? [] : [account.partner_id])))
    if (named.size === 1) return [...named][0]
    const own = page.items.filter((account) => !account.is_customer)
    if (named.size === 0 && own.length === 1) return own[0].id
    throw new NotAPartner(
      named.size > 1
        ? `the token reaches clients of several partners (${[...named].join(', ')}): use a token of one partner organization`
        : 'the token belongs to no partner organization: Partner Desk needs a partner account',
    )
  }
  throw new NotAPartner('the token reaches no organization')
}

export async function pull(db: BetterSqlite3.Database, client: RemoteClient, options: PullOptions): Promise<PullSummary> {
  if (db.memory) throw new Error('pull: the cache is in memory, but its billing history is staged through a second connection to the same file')
  const { now, signal, onProgress, mode } = options
  const previous = new Map(
    (db.prepare('SELECT resource, cursor, last_total FROM sync_state').all() as SyncStateRow[]).map((row) => [row.resource, row]),
  )
  const cursors: SyncCursor[] = []
  const unchanged: SyncResource[] = []
  let unknownServices = 0

  const cacheSize = db.pragma('cache_size', { simple: true }) as number
  db.pragma(`cache_size = ${-PULL_CACHE_KIB}`)
  resetStaging(db)
  createHistoryStage(db)
  let history: HistoryStager | null = null
  try {
    onProgress({ resource: 'profile', done: 0, total: 1 })
    const profile = await client.get({ path: ENDPOINTS.profile.template }, { schema: ENDPOINTS.profile.answer.shape.data, signal })
    const partnerId = await resolvePartner(client, signal)
    const partner = await client.get(
      { path: ENDPOINTS.account.template, params: { account_id: partnerId } },
      { schema: ENDPOINTS.account.answer.shape.data, signal },
    )
    onProgress({ resource: 'profile', done: 1, total: 1 })
    const stageOrganization = stager(db, 'organizations')
    const stageAddress = stager(db, 'organization_addresses')
    const invoiceAddress = partner.addresses.find((address) => address.for_invoice) ?? partner.addresses[0]
    const partnerCurrency = invoiceAddress?.country === 'CH' || !invoiceAddress ? 'CHF' : 'EUR'
    db.transaction(() => {
      stageOrganization.run([partner.id, partner.name, sortKey(partner.name), 'own', partner.legal_entity_type, partner.vat_number, partnerCurrency, partner.locale, partner.timezone, partner.created_at, now])
      for (const address of partner.addresses) stageAddress.run([partner.id, address.street, address.zip, address.city, address.country, address.for_invoice ? 1 : 0])
    })()

    // The lists are read while the billing history is staged beside them; when one read fails, the other stops.
    const stopLists = new AbortController()
    const listSignal = signal === undefined ? stopLists.signal : AbortSignal.any([signal, stopLists.signal])

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
      organization: stageOrganization,
      address: stageAddress,
      representative: stager(db, 'legal_representatives'),
      partnership: stager(db, 'partnerships'),
      delegated: stager(db, 'partnership_products'),
    }
    const stageProduct = { product: stager(db, 'products'), tag: stager(db, 'tags'), productTag: stager(db, 'product_tags') }
    const stageTender = stager(db, 'tenders')
    const stageInvoice = stager(db, 'invoices')
    const invoiceWindow = windowFor('invoices')

    const readLists = async () => {
      const partnerships = await readList('partnerships', partnerEndpoint(ENDPOINTS.partnerships), ENDPOINTS.partnerships.item, (items) => {
        for (const item of items) {
          const rows = partnershipRows(item, partnerId, now)
          stagePartnership.organization.run(rows.organization)
          stagePartnership.address.run(rows.address)
          for (const row of rows.representatives) stagePartnership.representative.run(row)
          stagePartnership.partnership.run(rows.partnership)
          for (const row of rows.delegated) stagePartnership.delegated.run(row)
        }
      }, 'total_and_updated')

      const products = await readList('products', { path: ENDPOINTS.products.template, perPage: ENDPOINTS.products.perPage }, ENDPOINTS.products.item, (items) => {
        for (const item of items) {
          const row = productRow(item)
          if (row === null) {
            unknownServices++
            continue
          }
          stageProduct.product.run(row)
          for (const tag of tagRows(item)) stageProduct.tag.run(tag)
          for (const link of productTagRows(item)) stageProduct.productTag.run(link)
        }
      }, 'total')

      const tenders = await readList('tenders', partnerEndpoint(ENDPOINTS.tenders), ENDPOINTS.tenders.item, (items) => {
        for (const item of items) {
          const row = tenderRow(item, partnerCurrency)
          if (row !== null) stageTender.run(row)
        }
      }, 'total_and_updated')

      const invoices = partnerEndpoint(ENDPOINTS.invoices)
      const invoicePages = client.paged(invoices, { itemSchema: ENDPOINTS.invoices.item, perPage: invoices.perPage, readAhead: READ_AHEAD, query: invoiceWindow, signal: listSignal })
      await readWindow('invoices', invoices.perPage, invoiceWindow, invoicePages, (page) => {
        for (const item of page.items) stageInvoice.run(invoiceRow(item))
      })
      return { partnerships, products, tenders }
    }

    // The billing history, the bulk of a pull, is read and staged by its own connection (its own thread, in the app) while this
    // one reads the other lists.
    const billingWindow = windowFor('billing')
    history = (options.history ?? historyInline)(db.name)
    const reader = history.read
    const billing = partnerEndpoint(ENDPOINTS.billingHistory)
    const readHistory = () =>
      readWindow('billing', billing.perPage, billingWindow, client.readPages(billing, { reader, perPage: billing.perPage, readAhead: HISTORY_READ_AHEAD, query: billingWindow, signal: listSignal }))

    const [{ partnerships, products, tenders }] = await together(stopLists, [readLists(), readHistory()])

    if (signal?.aborted) throw signal.reason
    onProgress({ resource: 'merge', done: 0, total: 1 })
    const outcome = merge(db, {
      now,
      partnerId,
      partnerships,
      products,
      tenders,
      history: { mode: mode === 'full' ? 'replace' : 'merge', from: billingWindow.from },
      profile,
      cursors,
      ...(options.afterMerge ? { afterMerge: options.afterMerge } : {}),
    })
    onProgress({ resource: 'merge', done: 1, total: 1 })
    return { ...outcome, mode, unchanged, unknownServices }
  } finally {
    await history?.close()
    dropHistoryStage(db)
    dropStaging(db)
    db.pragma(`cache_size = ${cacheSize}`)
  }
}

export { NotAPartner }
