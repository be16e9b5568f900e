import type { Migration } from './migration'

// The Manager's CSV exports imported into the cache (the published API has no
// billing history). Lines of clients the cache knows go into billing_lines,
// so every reader of the history sees them unchanged, marked with the import
// they came from; lines of clients it does not know are kept beside, shown,
// and attached when a later sync brings the client. Imported lines take
// negative ids: the server's are positive, so a sync never overwrites one.
export const m003BillingImports: Migration = {
  version: 3,
  name: 'billing-imports',
  sql: `
-- One import of one file; undone_at set when its lines were taken out again.
CREATE TABLE billing_imports (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  kind TEXT NOT NULL CHECK (kind IN ('clients', 'invoices')),
  rows INTEGER NOT NULL CHECK (rows >= 0),
  added INTEGER NOT NULL CHECK (added >= 0),
  unmatched INTEGER NOT NULL CHECK (unmatched >= 0),
  duplicates INTEGER NOT NULL CHECK (duplicates >= 0),
  period_from INTEGER,
  period_to INTEGER,
  totals_json TEXT NOT NULL CHECK (json_valid(totals_json)),
  imported_at INTEGER NOT NULL,
  undone_at INTEGER
) STRICT;
CREATE INDEX billing_imports_sha256 ON billing_imports (sha256);

-- import_key is a line's natural key (client, date, type, document, description,
-- amounts, currency) and import_seq its occurrence in the file: the same line
-- imported again, from the same file or an overlapping period, adds nothing.
ALTER TABLE billing_lines ADD COLUMN import_id INTEGER REFERENCES billing_imports (id);
ALTER TABLE billing_lines ADD COLUMN import_key TEXT;
ALTER TABLE billing_lines ADD COLUMN import_seq INTEGER;
-- The invoice or order number the file gave (the server's lines link invoices instead).
ALTER TABLE billing_lines ADD COLUMN document_number TEXT;
CREATE UNIQUE INDEX billing_lines_import_key ON billing_lines (import_key, import_seq) WHERE import_key IS NOT NULL;
CREATE INDEX billing_lines_import ON billing_lines (import_id) WHERE import_id IS NOT NULL;

-- Rows naming a client the cache does not know: kept, never dropped.
CREATE TABLE billing_import_unmatched (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES billing_imports (id),
  line INTEGER NOT NULL,
  client_ref_id INTEGER,
  client_name TEXT NOT NULL,
  history_type TEXT NOT NULL CHECK (history_type IN ('invoice', 'order', 'renewal', 'cashback', 'income', 'discount', 'refund')),
  occurred_at INTEGER NOT NULL,
  description TEXT NOT NULL,
  amount_excl_vat_minor INTEGER NOT NULL,
  vat_rate_bp INTEGER NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
  vat_minor INTEGER NOT NULL,
  currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
  paid_by TEXT CHECK (paid_by IN ('customer', 'partner')),
  document_number TEXT,
  import_key TEXT NOT NULL,
  import_seq INTEGER NOT NULL,
  UNIQUE (import_key, import_seq)
) STRICT;
CREATE INDEX billing_import_unmatched_import ON billing_import_unmatched (import_id);

-- The mapping the user corrected for a shape of file (its headers' signature).
CREATE TABLE billing_import_mappings (
  signature TEXT PRIMARY KEY,
  mapping_json TEXT NOT NULL CHECK (json_valid(mapping_json)),
  fixed_type TEXT CHECK (fixed_type IN ('invoice', 'order', 'renewal', 'cashback', 'income', 'discount', 'refund')),
  saved_at INTEGER NOT NULL
) STRICT;
`,
}
