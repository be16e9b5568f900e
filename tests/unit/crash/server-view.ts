// What a complete pull must have stored, read straight from the local API
// server's state rather than from another sync, so a sync cannot agree with
// itself by mistake.
import { ENDPOINTS } from '../../../src/main/core/remote/endpoints'
import type { RecordedRequest, RemoteState } from '../../fixtures/api-server'

/** A history window, in Unix seconds, as the pull asks for it: `from <= t < to`. */
export interface HistoryWindow {
  from: number
  to: number
}

/**
 * The billing window a run asked for; null if it never read the history. The
 * CLI takes its own clock, so each run's window is read from what it sent.
 */
export function billingWindowOf(requests: readonly RecordedRequest[]): HistoryWindow | null {
  const read = requests.find((request) => request.route === ENDPOINTS.billingHistory.route && request.query.page !== undefined)
  return read === undefined ? null : { from: Number(read.query.from), to: Number(read.query.to) }
}

/**
 * History lines are never deleted by a pull, so after several committed pulls
 * the cache holds the union of their windows (they overlap: the runs are
 * minutes apart, the windows years long).
 */
export function unionOf(windows: readonly HistoryWindow[]): HistoryWindow {
  return { from: Math.min(...windows.map((w) => w.from)), to: Math.max(...windows.map((w) => w.to)) }
}

/** Rows a complete pull stores, the history ones within `history`. */
export function expectedCounts(state: RemoteState, history: HistoryWindow) {
  return {
    partnerships: state.allPartnerships().length,
    products: state.visibleProducts().length,
    // A tender already deleted when first seen is never stored.
    tenders: state.allTenders().filter((tender) => state.tenderState(tender) !== 'deleted').length,
    invoices: state.allInvoices().filter((invoice) => invoice.issuedAt >= history.from && invoice.issuedAt < history.to).length,
    billing_lines: state.billing.window(history.from, history.to).length,
  }
}

/** The `return=total` counts a complete pull records as its lists' `last_total`. */
export function listTotals(state: RemoteState): Record<'partnerships' | 'products' | 'tenders', number> {
  return { partnerships: state.allPartnerships().length, products: state.visibleProducts().length, tenders: state.allTenders().length }
}
