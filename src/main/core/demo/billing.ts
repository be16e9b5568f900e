import { CURRENCIES, HISTORY_TYPES, PAYMENT_MODES, type PaymentMode } from '../../../shared/domain'
import { allocateProportionally } from './allocate'
import { CATALOGUE } from './catalogue'
import { COUNTRIES } from './countries'
import type { DemoBillingLines, DemoInvoice, DemoProduct } from './dataset'
import { applyRateBp } from './money'
import { type ClientProfile, OWN_ORGANIZATION_ID } from './organizations'
import type { ProductBilling, ProductsPhase } from './products'
import type { Random } from './random'
import { DAY, utcYear, YEAR } from './time'

// Three years of each client's billing history, shaped by the partnership
// rules of DOMAIN.md: orders and renewals of the client's products (monthly
// usage invoices for Public Cloud), the partner's cashback, income or discount
// on each, occasional refunds, and the invoices grouping the charges.
//
// The size's line count is exact. What each client's products yield on their
// own (orders, renewals, usage) weighs its share of the target; a client then
// tops its history up with extras (add-ons, services) or, when its share is
// smaller, keeps its newest lines.

const HISTORY_YEARS = 3
/** The partner's income on orders a client places itself: the demo's own figure. */
const INCOME_RATE_BP = 1_000
/** Share of orders and renewals refunded within three weeks (money-back guarantee, mistakes). */
const REFUND_SHARE = 0.015
/** Invoices issued this recently are often still open. */
const RECENT_INVOICE = 30 * DAY

const T_INVOICE = HISTORY_TYPES.indexOf('invoice')
const T_ORDER = HISTORY_TYPES.indexOf('order')
const T_RENEWAL = HISTORY_TYPES.indexOf('renewal')
const T_CASHBACK = HISTORY_TYPES.indexOf('cashback')
const T_INCOME = HISTORY_TYPES.indexOf('income')
const T_DISCOUNT = HISTORY_TYPES.indexOf('discount')
const T_REFUND = HISTORY_TYPES.indexOf('refund')

const CASHBACK_ONLY: readonly number[] = [T_CASHBACK]
const DISCOUNT_ONLY: readonly number[] = [T_DISCOUNT]
const CASHBACK_AND_INCOME: readonly number[] = [T_CASHBACK, T_INCOME]
const NO_EARNINGS: readonly number[] = []

/**
 * The partner's earnings on one charge (DOMAIN.md, "Cashback vs discount").
 * On orders and renewals: cashback under limited access and on every order
 * when the customer pays; the discount instead when the partner pays and
 * placed the order itself; and income on orders the client placed under
 * complete access. Usage and services invoiced on their own are nobody's
 * order: cashback only.
 */
function earningsOf(rule: 'limited' | PaymentMode, partnerPlaced: boolean, historyType: number): readonly number[] {
  if (historyType === T_REFUND) return NO_EARNINGS
  if (rule === 'limited' || historyType === T_INVOICE) return CASHBACK_ONLY
  if (partnerPlaced) return rule === 'partner' ? DISCOUNT_ONLY : CASHBACK_ONLY
  return CASHBACK_AND_INCOME
}

export interface PartnershipTotals {
  incomesMinor: number
  discountsMinor: number
  totalPaidMinor: number
  totalPaidBasePriceMinor: number
}

export interface BillingPhase {
  lines: DemoBillingLines
  invoices: DemoInvoice[]
  /** Per client, in client order. */
  totals: PartnershipTotals[]
}

/** One client as billing sees it. */
interface ClientBilling {
  index: number
  organizationId: number
  currency: number
  vatRateBp: number
  /** Limited and customer-pays clients pay their own lines. */
  paidBy: number
  rule: 'limited' | PaymentMode
  partnerRateBp: number
  /** The partner saw this client's billing from `start` to `end`; never if `visible` is false. */
  start: number
  end: number
  visible: boolean
}

function clientBilling(client: ClientProfile, index: number, now: number): ClientBilling {
  const { organization, partnership } = client
  const { access, state } = partnership
  const start = Math.max(partnership.since, now - HISTORY_YEARS * YEAR)
  const end = state.status === 'ended' ? state.until : now
  return {
    index,
    organizationId: organization.id,
    currency: CURRENCIES.indexOf(organization.currency),
    vatRateBp: COUNTRIES[organization.invoiceAddress.country].vatRateBp,
    paidBy: PAYMENT_MODES.indexOf(access.type === 'complete' ? access.paymentMode : 'customer'),
    rule: access.type === 'complete' ? access.paymentMode : 'limited',
    partnerRateBp: partnership.partnerRateBp,
    start,
    end,
    visible: (state.status === 'active' || state.status === 'ended') && start < end,
  }
}

/**
 * The renewals (or usage months) of a product inside [start, end]: the k-th
 * falls at `expiredAt − k × period`, after the creation. A range of k, so
 * that counting and generating agree.
 */
function renewalRange(product: DemoProduct, billing: ProductBilling, start: number, end: number): [number, number] {
  const period = billing.periodSeconds
  const first = Math.max(1, Math.ceil((product.expiredAt - end) / period))
  const last = Math.min(
    Math.floor((product.expiredAt - start) / period),
    Math.ceil((product.expiredAt - product.createdAt) / period) - 1,
  )
  return [first, last]
}

function orderedInWindow(product: DemoProduct, billing: ProductBilling, start: number, end: number): boolean {
  // Usage-based products have no upfront order: their first charge is the first month.
  return !billing.usageBased && product.createdAt >= start && product.createdAt <= end
}

/** How many lines a client's products yield on their own: its weight in the target. */
function naturalLines(ctx: ClientBilling, phase: ProductsPhase): number {
  if (!ctx.visible) return 0
  const { products, billing, starts } = phase
  let lines = 0
  for (let p = starts[ctx.index]; p < starts[ctx.index + 1]; p++) {
    const b = billing[p]
    if (!b.billable) continue
    const [first, last] = renewalRange(products[p], b, ctx.start, ctx.end)
    const renewals = Math.max(0, last - first + 1)
    const charge = b.usageBased ? T_INVOICE : T_RENEWAL
    lines += renewals * (1 + earningsOf(ctx.rule, b.partnerPlaced, charge).length)
    if (orderedInWindow(products[p], b, ctx.start, ctx.end)) {
      lines += 1 + earningsOf(ctx.rule, b.partnerPlaced, T_ORDER).length
    }
  }
  return lines
}

// Kinds of line text per product; extras take EXTRA_TEXT + their index in the catalogue.
const TEXT_ORDER = 0
const TEXT_RENEWAL = 1
const TEXT_USAGE = 2
const TEXT_REFUND = 3
const TEXT_EARNING = 4 // + the earning's history type index
const EXTRA_TEXT = 12
const TEXT_KINDS = 32

function describe(text: number, product: DemoProduct, billing: ProductBilling): string {
  const subject = `${billing.planLabel} · ${product.customerName}`
  switch (text) {
    case TEXT_ORDER:
      return `Order · ${subject}`
    case TEXT_RENEWAL:
      return `Renewal · ${billing.planLabel}, ${billing.periodLabel} · ${product.customerName}`
    case TEXT_USAGE:
      return `Monthly usage · ${subject}`
    case TEXT_REFUND:
      return `Refund · ${subject}`
    case TEXT_EARNING + T_CASHBACK:
      return `Cashback · ${subject}`
    case TEXT_EARNING + T_INCOME:
      return `Income on client order · ${subject}`
    case TEXT_EARNING + T_DISCOUNT:
      return `Reseller discount · ${subject}`
    default: {
      const extra = CATALOGUE[product.category].extras[text - EXTRA_TEXT]
      return `${extra.historyType === 'order' ? 'Order' : 'Service'} · ${extra.label} · ${product.customerName}`
    }
  }
}

/** One client's charges before they become lines; reused from client to client. */
class Events {
  time: number[] = []
  product: number[] = []
  historyType: number[] = []
  text: number[] = []
  amount: number[] = []
  earnings: (readonly number[])[] = []
  /** For a refund, the refunded event; -1 otherwise. */
  refunds: number[] = []

  get length(): number {
    return this.time.length
  }

  clear(): void {
    for (const column of [this.time, this.product, this.historyType, this.text, this.amount, this.earnings, this.refunds]) {
      column.length = 0
    }
  }

  push(time: number, product: number, historyType: number, text: number, amount: number, earnings: readonly number[], refunds = -1): number {
    this.time.push(time)
    this.product.push(product)
    this.historyType.push(historyType)
    this.text.push(text)
    this.amount.push(amount)
    this.earnings.push(earnings)
    return this.refunds.push(refunds) - 1
  }

  /** The charge itself plus the partner's earnings on it. */
  lines(e: number): number {
    return 1 + this.earnings[e].length
  }
}

/** Orders, renewals and usage months of the client's products, with the odd refund. */
function scheduleEvents(random: Random, ctx: ClientBilling, phase: ProductsPhase, events: Events): void {
  const { products, billing, starts } = phase
  const charge = (at: number, p: number, historyType: number, text: number, amount: number) => {
    const e = events.push(at, p, historyType, text, amount, earningsOf(ctx.rule, billing[p].partnerPlaced, historyType))
    if (historyType !== T_INVOICE && random.chance(REFUND_SHARE)) {
      const refundAt = at + random.int(DAY, 20 * DAY)
      if (refundAt <= ctx.end) events.push(refundAt, p, T_REFUND, TEXT_REFUND, -amount, NO_EARNINGS, e)
    }
  }
  for (let p = starts[ctx.index]; p < starts[ctx.index + 1]; p++) {
    const product = products[p]
    const b = billing[p]
    if (!b.billable) continue
    if (orderedInWindow(product, b, ctx.start, ctx.end)) charge(product.createdAt, p, T_ORDER, TEXT_ORDER, b.priceMinor)
    const [first, last] = renewalRange(product, b, ctx.start, ctx.end)
    for (let k = first; k <= last; k++) {
      const at = product.expiredAt - k * b.periodSeconds
      if (b.usageBased) {
        const usage = Math.max(100, Math.round(b.priceMinor * Math.exp(0.25 * random.normal())))
        charge(at, p, T_INVOICE, TEXT_USAGE, usage)
      } else {
        charge(at, p, T_RENEWAL, TEXT_RENEWAL, b.priceMinor)
      }
    }
  }
}

/**
 * Brings the client's events to exactly `budget` lines: extras on products
 * alive at the time while short, then the newest lines only. Returns how many
 * lines of each event to keep (its first ones: the charge before earnings).
 */
function fitToBudget(random: Random, ctx: ClientBilling, phase: ProductsPhase, events: Events, budget: number): Int32Array {
  const { products, billing, starts } = phase
  let planned = 0
  for (let e = 0; e < events.length; e++) planned += events.lines(e)
  if (planned < budget) {
    const alive: { p: number; from: number; to: number }[] = []
    for (let p = starts[ctx.index]; p < starts[ctx.index + 1]; p++) {
      const product = products[p]
      const from = Math.max(ctx.start, product.createdAt)
      const to = Math.min(ctx.end, product.expiredAt, product.deletedAt ?? Infinity)
      if (billing[p].billable && from <= to) alive.push({ p, from, to })
    }
    while (planned < budget) {
      const { p, from, to } = random.pick(alive)
      const extras = CATALOGUE[products[p].category].extras
      const x = random.int(0, extras.length - 1)
      const historyType = HISTORY_TYPES.indexOf(extras[x].historyType)
      const earnings = earningsOf(ctx.rule, billing[p].partnerPlaced, historyType)
      const e = events.push(random.int(from, to), p, historyType, EXTRA_TEXT + x, extras[x].priceMinor * random.int(1, 3), earnings)
      planned += events.lines(e)
    }
  }
  const keep = new Int32Array(events.length)
  const newestFirst = Array.from({ length: events.length }, (_, e) => e).sort(
    (a, b) => events.time[b] - events.time[a] || b - a,
  )
  let room = budget
  for (const e of newestFirst) {
    keep[e] = Math.min(events.lines(e), room)
    room -= keep[e]
  }
  return keep
}

/** The growing columns of billing lines, their texts and the invoices. */
class BillingWriter {
  readonly lines: DemoBillingLines
  readonly invoices: DemoInvoice[] = []
  private readonly refunded = new Set<number>()
  private readonly textIndex = new Map<number, number>()

  constructor(capacity: number) {
    this.lines = {
      count: 0,
      clientOrganizationId: new Int32Array(capacity),
      productId: new Int32Array(capacity),
      invoiceId: new Int32Array(capacity),
      historyType: new Uint8Array(capacity),
      occurredAt: new Float64Array(capacity),
      description: new Uint32Array(capacity),
      descriptions: [],
      amountExclVatMinor: new Int32Array(capacity),
      vatRateBp: new Uint16Array(capacity),
      vatMinor: new Int32Array(capacity),
      currency: new Uint8Array(capacity),
      paidBy: new Uint8Array(capacity),
    }
  }

  /** Texts are shared by the lines of one product: a few hundred thousand strings, not a million. */
  private description(text: number, product: DemoProduct, billing: ProductBilling): number {
    const key = product.id * TEXT_KINDS + text
    let index = this.textIndex.get(key)
    if (index === undefined) {
      index = this.lines.descriptions.push(describe(text, product, billing)) - 1
      this.textIndex.set(key, index)
    }
    return index
  }

  /** Appends one line and returns its VAT. */
  private line(ctx: ClientBilling, type: number, product: number, invoice: number, at: number, description: number, amount: number): number {
    const l = this.lines
    const n = l.count++
    const vat = applyRateBp(amount, ctx.vatRateBp)
    l.clientOrganizationId[n] = ctx.organizationId
    l.productId[n] = product
    l.invoiceId[n] = invoice
    l.historyType[n] = type
    l.occurredAt[n] = at
    l.description[n] = description
    l.amountExclVatMinor[n] = amount
    l.vatRateBp[n] = ctx.vatRateBp
    l.vatMinor[n] = vat
    l.currency[n] = ctx.currency
    l.paidBy[n] = ctx.paidBy
    return vat
  }

  /** Writes a client's kept events in time order, one invoice per day of charges. */
  writeClient(ctx: ClientBilling, phase: ProductsPhase, events: Events, keep: Int32Array): PartnershipTotals {
    const totals: PartnershipTotals = { incomesMinor: 0, discountsMinor: 0, totalPaidMinor: 0, totalPaidBasePriceMinor: 0 }
    const order = Array.from({ length: events.length }, (_, e) => e)
      .filter((e) => keep[e] > 0)
      .sort((a, b) => events.time[a] - events.time[b] || a - b)
    const invoiceOf = new Int32Array(events.length)
    let invoice: DemoInvoice | null = null
    let invoiceDay = -1
    for (const e of order) {
      const p = events.product[e]
      const product = phase.products[p]
      const billing = phase.billing[p]
      const at = events.time[e]
      const amount = events.amount[e]
      const type = events.historyType[e]
      const description = this.description(events.text[e], product, billing)
      totals.totalPaidBasePriceMinor += amount
      if (type === T_REFUND) {
        this.line(ctx, type, product.id, 0, at, description, amount)
        const refundedInvoice = invoiceOf[events.refunds[e]]
        if (refundedInvoice > 0) this.refunded.add(refundedInvoice)
        continue
      }
      const day = Math.floor(at / DAY)
      if (invoice === null || day !== invoiceDay) {
        invoice = this.openInvoice(ctx, at)
        invoiceDay = day
      }
      invoice.totalExclVatMinor += amount
      invoice.vatMinor += this.line(ctx, type, product.id, invoice.id, at, description, amount)
      invoiceOf[e] = invoice.id
      const earnings = events.earnings[e]
      for (let j = 0; j < keep[e] - 1; j++) {
        const earning = earnings[j]
        const earned = applyRateBp(amount, earning === T_INCOME ? INCOME_RATE_BP : ctx.partnerRateBp)
        this.line(ctx, earning, product.id, 0, at, this.description(TEXT_EARNING + earning, product, billing), earned)
        if (earning === T_INCOME) totals.incomesMinor += earned
        if (earning === T_DISCOUNT) totals.discountsMinor += earned
      }
    }
    totals.totalPaidMinor = totals.totalPaidBasePriceMinor - totals.discountsMinor
    return totals
  }

  /** An invoice lives in the organization that pays: the partner's when it does. */
  private openInvoice(ctx: ClientBilling, at: number): DemoInvoice {
    const id = this.invoices.length + 1
    const invoice: DemoInvoice = {
      id,
      organizationId: PAYMENT_MODES[ctx.paidBy] === 'partner' ? OWN_ORGANIZATION_ID : ctx.organizationId,
      number: `INV-${utcYear(at)}-${String(id).padStart(7, '0')}`,
      issuedAt: at,
      status: 'paid',
      totalExclVatMinor: 0,
      vatMinor: 0,
      currency: CURRENCIES[ctx.currency],
    }
    this.invoices.push(invoice)
    return invoice
  }

  /** Refunded invoices say so; recent ones are often still open, a few old ones too or cancelled. */
  settleInvoices(random: Random, now: number): void {
    for (const invoice of this.invoices) {
      if (this.refunded.has(invoice.id)) invoice.status = 'refunded'
      else if (invoice.issuedAt > now - RECENT_INVOICE) invoice.status = random.chance(0.35) ? 'unpaid' : 'paid'
      else {
        const x = random.next()
        invoice.status = x < 0.004 ? 'cancelled' : x < 0.01 ? 'unpaid' : 'paid'
      }
    }
  }
}

export function generateBilling(
  random: Random,
  clients: readonly ClientProfile[],
  phase: ProductsPhase,
  target: number,
  now: number,
): BillingPhase {
  const contexts = clients.map((client, i) => clientBilling(client, i, now))
  const budgets = allocateProportionally(target, contexts.map((ctx) => naturalLines(ctx, phase)))
  const writer = new BillingWriter(target)
  const events = new Events()
  const totals = contexts.map((ctx): PartnershipTotals => {
    if (budgets[ctx.index] === 0) return { incomesMinor: 0, discountsMinor: 0, totalPaidMinor: 0, totalPaidBasePriceMinor: 0 }
    events.clear()
    scheduleEvents(random, ctx, phase, events)
    const keep = fitToBudget(random, ctx, phase, events, budgets[ctx.index])
    return writer.writeClient(ctx, phase, events, keep)
  })
  writer.settleInvoices(random, now)
  return { lines: writer.lines, invoices: writer.invoices, totals }
}
