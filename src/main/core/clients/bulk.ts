// Tagging or untagging the products of many clients at once, by tag name
// (tags belong to each client's organization). Each client's changes go to
// the outbox like single ones: shown at once, pushed later, undoable until sent.
import type BetterSqlite3 from 'better-sqlite3'
import type { BulkTagPlan } from '../../../shared/contract'
import { temporaryTagId } from '../outbox/local'
import { enqueue } from '../outbox/store'

/** The contract caps a tag.assign at this many products. */
const ASSIGN_CHUNK = 1000

interface ClientPlan {
  clientId: number
  tagId: number | null
  /** Live products without the tag (to tag) or with it (to untag). */
  productIds: number[]
}

function planFor(db: BetterSqlite3.Database, clientIds: readonly number[], name: string, on: boolean): ClientPlan[] {
  const tagOf = db.prepare('SELECT id FROM tags WHERE organization_id = ? AND name = ?').pluck()
  const untagged = db.prepare(
    'SELECT id FROM products p WHERE owner_organization_id = ? AND deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM product_tags pt WHERE pt.product_id = p.id AND pt.tag_id = ?) ORDER BY id',
  )
  const tagged = db.prepare('SELECT product_id FROM product_tags pt JOIN products p ON p.id = pt.product_id WHERE pt.tag_id = ? AND p.deleted_at IS NULL ORDER BY product_id')
  const known = db.prepare("SELECT 1 FROM organizations WHERE id = ? AND role = 'client'")
  const plans: ClientPlan[] = []
  for (const clientId of new Set(clientIds)) {
    if (!known.get(clientId)) continue
    const tagId = (tagOf.get(clientId, name) as number | undefined) ?? null
    const productIds = on
      ? (untagged.pluck().all(clientId, tagId ?? 0) as number[])
      : tagId === null
        ? []
        : (tagged.pluck().all(tagId) as number[])
    plans.push({ clientId, tagId, productIds })
  }
  return plans
}

/** What a bulk tag or untag would do, before it runs. */
export function bulkTagPreview(db: BetterSqlite3.Database, clientIds: readonly number[], name: string, on: boolean): BulkTagPlan {
  const plans = planFor(db, clientIds, name, on)
  const touched = plans.filter((plan) => plan.productIds.length > 0)
  return {
    clients: touched.length,
    products: touched.reduce((sum, plan) => sum + plan.productIds.length, 0),
    tagsCreated: on ? touched.filter((plan) => plan.tagId === null).length : 0,
    unchanged: plans.length - touched.length,
  }
}

/** Queues the changes; all or nothing. Returns the plan it carried out. */
export function bulkTag(db: BetterSqlite3.Database, clientIds: readonly number[], name: string, color: number, on: boolean, now: number): BulkTagPlan {
  return db.transaction(() => {
    const preview = bulkTagPreview(db, clientIds, name, on)
    for (const plan of planFor(db, clientIds, name, on)) {
      if (plan.productIds.length === 0) continue
      if (on) {
        const tagId = plan.tagId ?? temporaryTagId(enqueue(db, { kind: 'tag.create', organizationId: plan.clientId, name, color }, now).id)
        for (let at = 0; at < plan.productIds.length; at += ASSIGN_CHUNK) {
          enqueue(db, { kind: 'tag.assign', organizationId: plan.clientId, tagId, productIds: plan.productIds.slice(at, at + ASSIGN_CHUNK) }, now)
        }
      } else {
        for (const productId of plan.productIds) enqueue(db, { kind: 'tag.unassign', organizationId: plan.clientId, tagId: plan.tagId!, productId }, now)
      }
    }
    return preview
  })()
}

export { listClientIds } from './ids'
