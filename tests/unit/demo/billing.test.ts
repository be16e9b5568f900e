import { describe, expect, it } from 'vitest'
import { HISTORY_TYPES, type HistoryType } from '../../../src/shared/domain'
import { generateBilling } from '../../../src/main/core/demo/billing'
import { COUNTRIES } from '../../../src/main/core/demo/countries'
import { billingLineAt, type DemoBillingLine } from '../../../src/main/core/demo/dataset'
import { applyRateBp } from '../../../src/main/core/demo/money'
import { generateClients, type Registry } from '../../../src/main/core/demo/organizations'
import { generateProducts } from '../../../src/main/core/demo/products'
import { Random } from '../../../src/main/core/demo/random'
import { YEAR } from '../../../src/main/core/demo/time'
import { NOW, smallDemo } from './fixture'

const PRIMARY: readonly HistoryType[] = ['order', 'renewal', 'invoice']

const data = smallDemo()
const lines: DemoBillingLine[] = Array.from({ length: data.billingLines.count }, (_, i) => billingLineAt(data.billingLines, i))
const organization = new Map(data.organizations.map((o) => [o.id, o]))
const partnership = new Map(data.partnerships.map((p) => [p.clientOrganizationId, p]))
const product = new Map(data.products.map((p) => [p.id, p]))

/** The lines breaking a rule (the first few), so 40,000 lines cost one assertion. */
function breaking(rule: (line: DemoBillingLine) => boolean): DemoBillingLine[] {
  return lines.filter((line) => !rule(line)).slice(0, 3)
}

describe('demo billing history', () => {
  it('has every history type, each a sizeable share', () => {
    for (const type of HISTORY_TYPES) expect(lines.filter((l) => l.historyType === type).length, type).toBeGreaterThan(50)
  })

  it('keeps integer minor units and VAT by the client’s country, rounded half away from zero', () => {
    expect(
      breaking((line) => {
        const client = organization.get(line.clientOrganizationId)!
        return (
          Number.isInteger(line.amountExclVatMinor) &&
          line.vatRateBp === COUNTRIES[client.invoiceAddress.country].vatRateBp &&
          line.vatMinor === applyRateBp(line.amountExclVatMinor, line.vatRateBp) &&
          line.currency === client.currency &&
          line.description.length > 10
        )
      }),
    ).toEqual([])
    expect(new Set(lines.map((l) => l.vatRateBp))).toEqual(new Set([810, 1900, 2000, 2200, 2100, 1700]))
  })

  it('lets the payment mode decide who pays: the customer under limited access', () => {
    expect(
      breaking((line) => {
        const { access } = partnership.get(line.clientOrganizationId)!
        return line.paidBy === (access.type === 'complete' ? access.paymentMode : 'customer')
      }),
    ).toEqual([])
  })

  it('earns as the partner programme says: discounts only when the partner pays, income only under complete access', () => {
    expect(
      breaking((line) => {
        const { access } = partnership.get(line.clientOrganizationId)!
        if (line.historyType === 'discount' && !(access.type === 'complete' && access.paymentMode === 'partner')) return false
        if (line.historyType === 'income' && access.type !== 'complete') return false
        return line.historyType === 'refund' ? line.amountExclVatMinor < 0 : line.amountExclVatMinor > 0
      }),
    ).toEqual([])
  })

  it('points every line at a real, charged product of its own client, during the product’s life', () => {
    expect(
      breaking((line) => {
        const p = line.productId === null ? undefined : product.get(line.productId)
        return (
          p !== undefined &&
          p.ownerOrganizationId === line.clientOrganizationId &&
          !p.isFree &&
          !p.isTrial &&
          line.occurredAt >= p.createdAt &&
          line.occurredAt <= p.expiredAt
        )
      }),
    ).toEqual([])
  })

  it('stays inside the partnership, within the last three years', () => {
    expect(
      breaking((line) => {
        const { since, state } = partnership.get(line.clientOrganizationId)!
        return (
          (state.status === 'active' || state.status === 'ended') &&
          line.occurredAt >= Math.max(since, NOW - 3 * YEAR) &&
          line.occurredAt <= (state.until ?? NOW)
        )
      }),
    ).toEqual([])
  })

  it('groups orders, renewals and invoiced services on invoices whose totals are the sums of their lines', () => {
    expect(breaking((line) => (line.invoiceId !== null) === PRIMARY.includes(line.historyType))).toEqual([])
    const sums = new Map<number, { total: number; vat: number; lines: DemoBillingLine[] }>()
    for (const line of lines) {
      if (line.invoiceId === null) continue
      const sum = sums.get(line.invoiceId) ?? { total: 0, vat: 0, lines: [] }
      sum.total += line.amountExclVatMinor
      sum.vat += line.vatMinor
      sum.lines.push(line)
      sums.set(line.invoiceId, sum)
    }
    expect(sums.size).toBe(data.invoices.length)
    const wrong = data.invoices.filter((invoice) => {
      const sum = sums.get(invoice.id)!
      const first = sum.lines[0]
      return (
        invoice.totalExclVatMinor !== sum.total ||
        invoice.vatMinor !== sum.vat ||
        // In the partner's organization when it pays, else in the client's.
        invoice.organizationId !== (first.paidBy === 'partner' ? data.ownOrganizationId : first.clientOrganizationId) ||
        invoice.currency !== first.currency ||
        invoice.issuedAt !== Math.min(...sum.lines.map((l) => l.occurredAt)) ||
        sum.lines.some((l) => l.clientOrganizationId !== first.clientOrganizationId)
      )
    })
    expect(wrong.slice(0, 3)).toEqual([])
    expect(new Set(data.invoices.map((i) => i.number)).size).toBe(data.invoices.length)
    expect(new Set(data.invoices.map((i) => i.status))).toEqual(new Set(['paid', 'unpaid', 'refunded', 'cancelled']))
  })

  it('adds each partnership’s totals up from its lines', () => {
    const expected = new Map<number, { incomes: number; discounts: number; base: number }>()
    for (const line of lines) {
      const sum = expected.get(line.clientOrganizationId) ?? { incomes: 0, discounts: 0, base: 0 }
      if (line.historyType === 'income') sum.incomes += line.amountExclVatMinor
      if (line.historyType === 'discount') sum.discounts += line.amountExclVatMinor
      if (line.historyType === 'refund' || PRIMARY.includes(line.historyType)) sum.base += line.amountExclVatMinor
      expected.set(line.clientOrganizationId, sum)
    }
    for (const p of data.partnerships) {
      const sum = expected.get(p.clientOrganizationId) ?? { incomes: 0, discounts: 0, base: 0 }
      expect(p.incomesMinor).toBe(sum.incomes)
      expect(p.discountsMinor).toBe(sum.discounts)
      expect(p.totalPaidBasePriceMinor).toBe(sum.base)
      expect(p.totalPaidMinor).toBe(sum.base - sum.discounts)
      expect(p.currency).toBe(organization.get(p.clientOrganizationId)!.currency)
    }
  })

  it('hits the exact line count whether the products yield fewer or more lines than asked', () => {
    const random = new Random(11)
    const registry: Registry = { names: new Set(), domains: new Set(), vatNumbers: new Set() }
    const clients = generateClients(random.fork('clients'), registry, 40, NOW)
    const products = generateProducts(random.fork('products'), registry, clients, 300, NOW)
    for (const target of [500, 3_000, 20_000]) {
      const { lines, invoices } = generateBilling(random.fork(`billing ${target}`), clients, products, target, NOW)
      expect(lines.count).toBe(target)
      let invoiced = 0
      for (let i = 0; i < lines.count; i++) if (lines.invoiceId[i] > 0) invoiced += lines.amountExclVatMinor[i]
      expect(invoices.reduce((sum, invoice) => sum + invoice.totalExclVatMinor, 0)).toBe(invoiced)
    }
  })
})
