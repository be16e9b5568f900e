import type { Migration } from './migration'

// What each row of the clients list shows, read from small indexed shapes
// instead of the lines and products behind them.
// billing_client_charges: a client's charges (the list's 12-month billing:
// orders, renewals, usage invoices, less refunds) per month and currency,
// keyed by client first, so a row's year is a dozen entries plus the lines of
// the month the year starts in (core/billing/rollup.ts keeps it in step with
// billing_rollup, in the same transaction).
// products_owner_live: a row's product count and next expiry from the index
// alone, without reading each product to skip the deleted ones (a partial
// index WHERE deleted_at IS NULL would not count as covering in SQLite).
export const m008ClientListTotals: Migration = {
  version: 8,
  name: 'client-list-totals',
  sql: `
CREATE TABLE billing_client_charges (
  client_organization_id INTEGER NOT NULL CHECK (client_organization_id > 0),
  period INTEGER NOT NULL CHECK (period % 100 BETWEEN 1 AND 12),
  currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
  net_minor INTEGER NOT NULL,
  PRIMARY KEY (client_organization_id, period, currency)
) STRICT, WITHOUT ROWID;

INSERT INTO billing_client_charges (client_organization_id, period, currency, net_minor)
SELECT client_organization_id, period, currency, sum(net_minor) FROM billing_rollup
WHERE client_organization_id > 0 AND period % 100 <> 0 AND history_type IN ('invoice', 'order', 'renewal', 'refund')
GROUP BY client_organization_id, period, currency;

CREATE INDEX products_owner_live ON products (owner_organization_id, deleted_at, expired_at);
`,
}
