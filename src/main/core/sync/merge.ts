// The one transaction at the end of a pull: staged rows become the cache,
// and every difference a partner must hear about (there are no webhooks)
// becomes a dated partnership event.
import type BetterSqlite3 from 'better-sqlite3'
import type { SyncResource } from '../../../shared/contract'
import type { Profile } from '../remote/schemas'
import { writeDataset } from '../cache/meta'
import { type Capabilities, writeCapabilities } from './capabilities'
import { rebuildClientIndex, rebuildTenderIndex } from '../search/index'
import { linesRange, refreshBillingRollup, widen } from '../billing/rollup'
import { HISTORY_COLUMNS, HISTORY_STAGE, replaceHistory, unlinkStagedHistory } from './history/table'
import { stagedColumns, type StagedTable } from './stage'
import { replaceStaffAssignments, type StaffAssignments } from './staff'

/** Where a list's next pull starts, written in the same transaction as the rows. */
export interface SyncCursor {
  resource: SyncResource
  /** History lists: the end of the window read, in Unix seconds. */
  cursor: string | null
  /** Whole lists: the count their next `return=total` probe is compared with. */
  lastTotal: number | null
  full: boolean
}

/** What a pull fetched; `complete` lists were read whole, so what is missing from them is gone. */
export interface MergePlan {
  now: number
  /** The partner organization behind the token: the modeled endpoints are under it. */
  partnerId: number
  profile: Profile
  partnerships: 'complete' | 'skipped'
  /** The named staff members whose b2b listing the pull read, with their clients. */
  staff: StaffAssignments
  /** Organizations whose every tag the pull read (the accounts list's `tags[]`): their tags not read are gone. */
  tagLists: readonly number[]
  /** The partner endpoint's list carries each client's whole record: no need to read GET /1/accounts/{id} after it. */
  organizationsWhole: boolean
  products: 'complete' | 'skipped'
  tenders: 'complete' | 'skipped'
  /**
   * The billing history staged in the cache file (history/table.ts): a full
   * pull's window replaces the lines from `from` on, an incremental one's is
   * merged into them.
   */
  history: { mode: 'replace' | 'merge'; from: number } | null
  /** The partner-endpoint families the pull asked, and whether the server offers them. */
  capabilities: Capabilities
  cursors: SyncCursor[]
  /** Runs last in the merge's transaction: re-applies the changes not yet sent. */
  afterMerge?: (db: BetterSqlite3.Database) => void
}

export interface MergeOutcome {
  events: number
  /** Products whose owner organization the pull did not see (not a managed client, not the partner). */
  orphanProducts: number
}

function upsert(db: BetterSqlite3.Database, table: StagedTable | 'billing_lines', key: string, where = 'true', source = `temp.stage_${table}`): void {
  const columns = table === 'billing_lines' ? HISTORY_COLUMNS : stagedColumns(table)
  const updates = columns
    .split(', ')
    .filter((column) => column !== key)
    .map((column) => `${column} = excluded.${column}`)
    .join(', ')
  // In key order, rows append to the table's B-tree instead of landing all over it (1M lines: 18 s → 7 s).
  db.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM ${source} WHERE ${where} ORDER BY ${key}
    ON CONFLICT (${key}) DO UPDATE SET ${updates}`)
}

// The delegated-products event groups each side's delegations once; looking them up per partnership scanned every staged one 5,000 times (2.9 s).
const EVENTS = `
INSERT INTO partnership_events (partnership_id, kind, before_json, after_json, detected_at)
SELECT s.id, 'access_type', json_object('access_type', p.access_type), json_object('access_type', s.access_type), :now
  FROM temp.stage_partnerships s JOIN partnerships p ON p.id = s.id WHERE p.access_type IS NOT s.access_type;
INSERT INTO partnership_events (partnership_id, kind, before_json, after_json, detected_at)
SELECT s.id, 'payment_mode', json_object('payment_mode', p.payment_mode), json_object('payment_mode', s.payment_mode), :now
  FROM temp.stage_partnerships s JOIN partnerships p ON p.id = s.id
  WHERE p.access_type = 'complete' AND s.access_type = 'complete' AND p.payment_mode IS NOT s.payment_mode;
INSERT INTO partnership_events (partnership_id, kind, before_json, after_json, detected_at)
SELECT s.id, 'status', json_object('status', p.status), json_object('status', s.status), :now
  FROM temp.stage_partnerships s JOIN partnerships p ON p.id = s.id WHERE p.status IS NOT s.status;
INSERT INTO partnership_events (partnership_id, kind, before_json, after_json, detected_at)
SELECT p.id, 'delegated_products', json_object('product_ids', json(coalesce(b.ids, '[]'))), json_object('product_ids', json(coalesce(a.ids, '[]'))), :now
  FROM temp.stage_partnerships s JOIN partnerships p ON p.id = s.id
  LEFT JOIN (SELECT partnership_id, json_group_array(product_id ORDER BY product_id) AS ids FROM partnership_products GROUP BY partnership_id) b
    ON b.partnership_id = p.id
  LEFT JOIN (SELECT partnership_id, json_group_array(product_id ORDER BY product_id) AS ids FROM temp.stage_partnership_products
      WHERE product_id IN (SELECT id FROM main.products UNION SELECT id FROM temp.stage_products) GROUP BY partnership_id) a
    ON a.partnership_id = p.id
  WHERE coalesce(b.ids, '[]') <> coalesce(a.ids, '[]');`

// New invitations are recorded once their partnership row exists.
const FRESH = `
CREATE TEMP TABLE IF NOT EXISTS fresh_partnerships (id INTEGER PRIMARY KEY);
DELETE FROM temp.fresh_partnerships;
INSERT INTO temp.fresh_partnerships (id) SELECT id FROM temp.stage_partnerships WHERE id NOT IN (SELECT id FROM main.partnerships)`
const INVITATION_EVENTS = `
INSERT INTO partnership_events (partnership_id, kind, before_json, after_json, detected_at)
SELECT s.id, 'invitation', NULL, json_object('status', s.status), :now
  FROM temp.stage_partnerships s WHERE s.status IN ('invited', 'pending') AND s.id IN (SELECT id FROM temp.fresh_partnerships);
DROP TABLE temp.fresh_partnerships`

// A partnership missing from a complete listing has ended on the server side.
const VANISHED_EVENTS = `
INSERT INTO partnership_events (partnership_id, kind, before_json, after_json, detected_at)
SELECT p.id, 'status', json_object('status', p.status), json_object('status', 'ended'), :now
  FROM partnerships p WHERE p.status <> 'ended' AND p.id NOT IN (SELECT id FROM temp.stage_partnerships);
UPDATE partnerships SET status = 'ended', until = :now, updated_at = :now
  WHERE status <> 'ended' AND id NOT IN (SELECT id FROM temp.stage_partnerships);`

export function merge(db: BetterSqlite3.Database, plan: MergePlan): MergeOutcome {
  return db.transaction((): MergeOutcome => {
    const before = db.prepare('SELECT count(*) FROM partnership_events').pluck()
    const eventsBefore = before.get() as number
    const run = (sql: string) => {
      for (const statement of sql.split(';').map((s) => s.trim()).filter(Boolean)) db.prepare(statement).run({ now: plan.now })
    }

    db.prepare(
      `INSERT INTO profiles (id, display_name, email, fetched_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, email = excluded.email, fetched_at = excluded.fetched_at`,
    ).run(plan.profile.id, plan.profile.display_name, plan.profile.email, plan.now)
    upsert(db, 'organizations', 'id')
    if (plan.organizationsWhole) db.prepare('UPDATE organizations SET details_at = :now WHERE id IN (SELECT id FROM temp.stage_organizations)').run({ now: plan.now })
    db.exec(`DELETE FROM organization_addresses WHERE organization_id IN (SELECT DISTINCT organization_id FROM temp.stage_organization_addresses);
      INSERT INTO organization_addresses (${stagedColumns('organization_addresses')}) SELECT ${stagedColumns('organization_addresses')} FROM temp.stage_organization_addresses;
      DELETE FROM legal_representatives WHERE organization_id IN (SELECT DISTINCT organization_id FROM temp.stage_legal_representatives);
      INSERT INTO legal_representatives (${stagedColumns('legal_representatives')}) SELECT ${stagedColumns('legal_representatives')} FROM temp.stage_legal_representatives;`)

    if (plan.partnerships === 'complete') {
      run(EVENTS)
      run(VANISHED_EVENTS)
      db.exec(FRESH)
      upsert(db, 'partnerships', 'id')
      run(INVITATION_EVENTS)
    }

    let orphanProducts = 0
    if (plan.products === 'complete') {
      orphanProducts = db
        .prepare('SELECT count(*) FROM temp.stage_products WHERE owner_organization_id NOT IN (SELECT id FROM organizations)')
        .pluck()
        .get() as number
      upsert(db, 'products', 'id', 'owner_organization_id IN (SELECT id FROM main.organizations)')
      db.exec('DELETE FROM products WHERE id NOT IN (SELECT id FROM temp.stage_products)')
    }

    // Who pays follows the payment mode: the partner when the wallet is entrusted, else the owner; nobody for free products.
    // Over every product: a payment mode can change while no product does (the products list then goes unread).
    if (plan.partnerships === 'complete' || plan.products === 'complete') {
      db.exec(`UPDATE products SET payer_organization_id = CASE
          WHEN is_free = 1 THEN NULL
          ELSE coalesce((SELECT p.partner_organization_id FROM partnerships p
                          WHERE p.client_organization_id = products.owner_organization_id AND p.payment_mode = 'partner' AND p.status <> 'ended'),
                        owner_organization_id)
        END`)
    }

    // Tags come inside products and inside accounts (read on every pull). Tags made offline (negative ids) step aside for the
    // server's; the rebase brings back those still unsent. An account that listed its tags has no others.
    db.exec('DELETE FROM tags WHERE id < 0')
    db.prepare(
      `DELETE FROM tags WHERE organization_id IN (SELECT value FROM json_each(:orgs))
         AND id NOT IN (SELECT id FROM temp.stage_tags)`,
    ).run({ orgs: JSON.stringify(plan.tagLists) })
    upsert(db, 'tags', 'id', 'organization_id IN (SELECT id FROM main.organizations)')
    if (plan.products === 'complete') {
      db.exec(`DELETE FROM product_tags WHERE product_id IN (SELECT id FROM temp.stage_products);
        INSERT OR IGNORE INTO product_tags (product_id, tag_id) SELECT product_id, tag_id FROM temp.stage_product_tags
          WHERE product_id IN (SELECT id FROM main.products) AND tag_id IN (SELECT id FROM main.tags);`)
    }

    // Delegations refer to products, so they follow them.
    if (plan.partnerships === 'complete') {
      db.exec(`DELETE FROM partnership_products WHERE partnership_id IN (SELECT id FROM temp.stage_partnerships);
        INSERT OR IGNORE INTO partnership_products (partnership_id, product_id) SELECT partnership_id, product_id FROM temp.stage_partnership_products
          WHERE product_id IN (SELECT id FROM main.products);`)
    }

    replaceStaffAssignments(db, plan.partnerId, plan.staff)
    upsert(db, 'invoices', 'id', 'organization_id IN (SELECT id FROM main.organizations)')
    // No history read (the server offers none): the lines the cache holds stay as they are.
    if (plan.history) {
      // The months the old lines and the new ones touch, so the rollup's totals follow (both ends: a line may move or go).
      const where = plan.history.mode === 'replace' ? `occurred_at >= ${Number(plan.history.from)}` : `id IN (SELECT id FROM main.${HISTORY_STAGE})`
      const touched = widen(linesRange(db, 'billing_lines', where), linesRange(db, `main.${HISTORY_STAGE}`))
      if (plan.history.mode === 'replace') replaceHistory(db, plan.history.from)
      else {
        unlinkStagedHistory(db)
        upsert(db, 'billing_lines', 'id', 'true', `main.${HISTORY_STAGE}`)
      }
      if (touched) refreshBillingRollup(db, touched)
    }

    if (plan.tenders === 'complete') {
      upsert(db, 'tenders', 'id')
      // A request the client deleted is no longer listed: keep the partner's notes, mark it.
      // Tenders added from e-mails without a Manager id (negative ids) are no server's to withdraw.
      db.prepare("UPDATE tenders SET remote_state = 'deleted' WHERE remote_state <> 'deleted' AND id > 0 AND id NOT IN (SELECT id FROM temp.stage_tenders)").run()
    }

    const cursor = db.prepare(
      `INSERT INTO sync_state (resource, cursor, last_total, last_full_at, last_incremental_at, last_error)
       VALUES (@resource, @cursor, @lastTotal, CASE WHEN @full THEN @now END, CASE WHEN @full THEN NULL ELSE @now END, NULL)
       ON CONFLICT (resource) DO UPDATE SET cursor = excluded.cursor, last_total = excluded.last_total,
         last_full_at = coalesce(excluded.last_full_at, last_full_at),
         last_incremental_at = coalesce(excluded.last_incremental_at, last_incremental_at), last_error = NULL`,
    )
    for (const c of plan.cursors) cursor.run({ resource: c.resource, cursor: c.cursor, lastTotal: c.lastTotal, full: c.full ? 1 : 0, now: plan.now })

    writeCapabilities(db, plan.capabilities)
    writeDataset(db, { kind: 'account' })
    db.prepare("INSERT INTO cache_meta (key, value) VALUES ('partner_id', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(plan.partnerId))
    plan.afterMerge?.(db)
    // Only the index whose lists were read is rebuilt (pending changes re-index their own clients): the clients' takes ~1 s at
    // bench size, too much for every poll that only saw a new tender.
    if (plan.partnerships === 'complete' || plan.products === 'complete') rebuildClientIndex(db)
    if (plan.tenders === 'complete') rebuildTenderIndex(db)
    return { events: (before.get() as number) - eventsBefore, orphanProducts }
  }).immediate()
}
