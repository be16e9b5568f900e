import type { Migration } from './migration'

// Two shapes of the billing history that serve per-client totals without
// sorting or summing thousands of rows per request.
// billing_rollup_clients: billing_rollup (migration 4) summed over every
// history type, one row per period, client and currency (no client 0), so
// the billing page ranks a year's clients of every type from some four
// thousand rows read in key order instead of grouping twenty thousand
// (core/billing/rollup.ts keeps both tables in step, in one transaction).
// billing_lines_client_amounts: the clients list sums each row's last 12
// months from this index alone, without a table lookup per line; it holds
// billing_lines_client_occurred's columns first, which stays because
// migrations never drop anything.
export const m007BillingClientTotals: Migration = {
  version: 7,
  name: 'billing-client-totals',
  sql: `
CREATE TABLE billing_rollup_clients (
  period INTEGER NOT NULL CHECK (period % 100 BETWEEN 0 AND 12),
  client_organization_id INTEGER NOT NULL CHECK (client_organization_id > 0),
  currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
  lines INTEGER NOT NULL,
  net_minor INTEGER NOT NULL,
  vat_minor INTEGER NOT NULL,
  PRIMARY KEY (period, client_organization_id, currency)
) STRICT, WITHOUT ROWID;

INSERT INTO billing_rollup_clients (period, client_organization_id, currency, lines, net_minor, vat_minor)
SELECT period, client_organization_id, currency, sum(lines), sum(net_minor), sum(vat_minor) FROM billing_rollup
WHERE client_organization_id > 0 GROUP BY period, client_organization_id, currency;

CREATE INDEX billing_lines_client_amounts ON billing_lines (client_organization_id, occurred_at, history_type, currency, amount_excl_vat_minor);
`,
}
