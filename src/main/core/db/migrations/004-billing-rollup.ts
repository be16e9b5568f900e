import type { Migration } from './migration'

// Totals of the billing history by period, client, history type and currency,
// so a page of per-client totals for a year reads some thousand rows instead
// of a third of a million lines (core/billing/rollup.ts keeps it in step; no
// trigger on billing_lines, which would slow a sync's ingest row by row).
// `period` is yyyymm for a month and yyyy00 for the whole year (UTC);
// client 0 is every client together. Also the record of each export.
export const m004BillingRollup: Migration = {
  version: 4,
  name: 'billing-rollup',
  sql: `
CREATE TABLE billing_rollup (
  period INTEGER NOT NULL CHECK (period % 100 BETWEEN 0 AND 12),
  client_organization_id INTEGER NOT NULL,
  history_type TEXT NOT NULL CHECK (history_type IN ('invoice', 'order', 'renewal', 'cashback', 'income', 'discount', 'refund')),
  currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
  lines INTEGER NOT NULL,
  net_minor INTEGER NOT NULL,
  vat_minor INTEGER NOT NULL,
  PRIMARY KEY (period, client_organization_id, history_type, currency)
) STRICT, WITHOUT ROWID;

CREATE TABLE exports (
  id INTEGER PRIMARY KEY,
  spec_json TEXT NOT NULL CHECK (json_valid(spec_json)),
  files_json TEXT NOT NULL CHECK (json_valid(files_json)),
  -- The temporary files being written: removed at the next open if the app stopped mid-export.
  temp_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(temp_json)),
  state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed', 'interrupted')),
  rows INTEGER NOT NULL DEFAULT 0,
  totals_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(totals_json)),
  sha256_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sha256_json)),
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  data_as_of INTEGER,
  error TEXT
) STRICT;
`,
}
