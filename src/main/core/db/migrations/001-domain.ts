import type { Migration } from './migration'

// The whole domain of DOMAIN.md in one schema, so later work adds behaviour,
// not tables. Dates are Unix seconds (INTEGER); money is integer minor units
// next to its currency; enumerations are CHECKed with the values of
// src/shared/domain.ts.
export const m001Domain: Migration = {
  version: 1,
  name: 'domain',
  sql: `
CREATE TABLE cache_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL CHECK (json_valid(value_json))
) STRICT;

-- The Infomaniak user behind the token (/2/profile).
CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  display_name TEXT NOT NULL,
  email TEXT NOT NULL,
  fetched_at INTEGER NOT NULL
) STRICT;

-- An organization (API: Account): the partner's own ones and its clients.
CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  -- name folded for sorting (see db/sort-key.ts): NOCASE leaves "Électricité" after "Zürich".
  sort_key TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('own', 'client')),
  legal_entity_type TEXT NOT NULL CHECK (legal_entity_type IN ('company', 'individual', 'public_body')),
  vat_number TEXT,
  currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
  locale TEXT NOT NULL,
  timezone TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  synced_at INTEGER NOT NULL
) STRICT;
CREATE INDEX organizations_role_sort ON organizations (role, sort_key);

CREATE TABLE organization_addresses (
  id INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  street TEXT NOT NULL,
  postal_code TEXT NOT NULL,
  city TEXT NOT NULL,
  country TEXT NOT NULL CHECK (length(country) = 2),
  for_invoice INTEGER NOT NULL DEFAULT 0 CHECK (for_invoice IN (0, 1))
) STRICT;
CREATE INDEX organization_addresses_org ON organization_addresses (organization_id);
-- At most one invoice address per organization.
CREATE UNIQUE INDEX organization_addresses_invoice ON organization_addresses (organization_id) WHERE for_invoice = 1;

CREATE TABLE legal_representatives (
  id INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT NOT NULL
) STRICT;
CREATE INDEX legal_representatives_org ON legal_representatives (organization_id);

-- A client under management. payment_mode exists only under complete access;
-- "wallet entrusted" is partner-pays, derived rather than stored twice.
CREATE TABLE partnerships (
  id INTEGER PRIMARY KEY,
  partner_organization_id INTEGER NOT NULL REFERENCES organizations (id),
  client_organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('invited', 'pending', 'active', 'ended')),
  access_type TEXT NOT NULL CHECK (access_type IN ('limited', 'complete')),
  payment_mode TEXT CHECK (payment_mode IN ('customer', 'partner')),
  wallet_entrusted INTEGER GENERATED ALWAYS AS (payment_mode IS 'partner') VIRTUAL,
  since INTEGER NOT NULL,
  until INTEGER,
  incomes_minor INTEGER NOT NULL DEFAULT 0,
  discounts_minor INTEGER NOT NULL DEFAULT 0,
  total_paid_minor INTEGER NOT NULL DEFAULT 0,
  total_paid_base_price_minor INTEGER NOT NULL DEFAULT 0,
  currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
  updated_at INTEGER NOT NULL,
  CHECK ((access_type = 'complete') = (payment_mode IS NOT NULL)),
  CHECK ((status = 'ended') = (until IS NOT NULL)),
  UNIQUE (partner_organization_id, client_organization_id)
) STRICT;
CREATE INDEX partnerships_client ON partnerships (client_organization_id);
-- Only one complete-access partner per client at a time.
CREATE UNIQUE INDEX partnerships_one_complete ON partnerships (client_organization_id)
  WHERE access_type = 'complete' AND status <> 'ended';

-- Products are always installed in the owner's organization; the manager
-- (partner) and the payer are kept apart from the owner.
CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  owner_organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  service_id INTEGER NOT NULL,
  service_name TEXT NOT NULL CHECK (service_name IN ('domain', 'web_hosting', 'mail', 'kdrive', 'ksuite', 'vps', 'public_cloud', 'swiss_backup', 'ssl')),
  internal_name TEXT NOT NULL,
  customer_name TEXT NOT NULL,
  fqdn TEXT,
  managed_by_partner INTEGER NOT NULL CHECK (managed_by_partner IN (0, 1)),
  payer_organization_id INTEGER REFERENCES organizations (id),
  created_at INTEGER NOT NULL,
  expired_at INTEGER,
  deleted_at INTEGER,
  is_free INTEGER NOT NULL DEFAULT 0 CHECK (is_free IN (0, 1)),
  is_trial INTEGER NOT NULL DEFAULT 0 CHECK (is_trial IN (0, 1)),
  renewal_preference TEXT NOT NULL CHECK (renewal_preference IN ('automatic', 'manual', 'cancel_at_expiry')),
  right_technical INTEGER NOT NULL CHECK (right_technical IN (0, 1)),
  right_statistic INTEGER NOT NULL CHECK (right_statistic IN (0, 1)),
  right_check INTEGER NOT NULL CHECK (right_check IN (0, 1)),
  right_sale INTEGER NOT NULL CHECK (right_sale IN (0, 1))
) STRICT;
CREATE INDEX products_owner_expiry ON products (owner_organization_id, expired_at);
CREATE INDEX products_expiry ON products (expired_at) WHERE deleted_at IS NULL;

-- Products delegated to a partner under limited access.
CREATE TABLE partnership_products (
  partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  PRIMARY KEY (partnership_id, product_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  color INTEGER NOT NULL CHECK (color BETWEEN 0 AND 16777215),
  UNIQUE (organization_id, name)
) STRICT;

CREATE TABLE product_tags (
  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (product_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX product_tags_tag ON product_tags (tag_id);

-- An invoice lives in exactly one organization: the client's (customer pays)
-- or the partner's (partner pays).
CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  number TEXT NOT NULL UNIQUE,
  issued_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('paid', 'unpaid', 'refunded', 'cancelled')),
  total_excl_vat_minor INTEGER NOT NULL,
  vat_minor INTEGER NOT NULL,
  currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR'))
) STRICT;
CREATE INDEX invoices_org_issued ON invoices (organization_id, issued_at);

-- One line of a client's billing history. vat_rate_bp is in basis points
-- (810 = 8.1 %) so no rate is ever a float.
CREATE TABLE billing_lines (
  id INTEGER PRIMARY KEY,
  client_organization_id INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  product_id INTEGER REFERENCES products (id) ON DELETE SET NULL,
  invoice_id INTEGER REFERENCES invoices (id) ON DELETE SET NULL,
  history_type TEXT NOT NULL CHECK (history_type IN ('invoice', 'order', 'renewal', 'cashback', 'income', 'discount', 'refund')),
  occurred_at INTEGER NOT NULL,
  description TEXT NOT NULL,
  amount_excl_vat_minor INTEGER NOT NULL,
  vat_rate_bp INTEGER NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
  vat_minor INTEGER NOT NULL,
  currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
  paid_by TEXT NOT NULL CHECK (paid_by IN ('customer', 'partner'))
) STRICT;
CREATE INDEX billing_lines_occurred ON billing_lines (occurred_at);
CREATE INDEX billing_lines_client_occurred ON billing_lines (client_organization_id, occurred_at);
-- Foreign keys need an index on the child side, or deleting one invoice or
-- product scans every line.
CREATE INDEX billing_lines_invoice ON billing_lines (invoice_id) WHERE invoice_id IS NOT NULL;
CREATE INDEX billing_lines_product ON billing_lines (product_id) WHERE product_id IS NOT NULL;

-- A change detected between two syncs (there are no webhooks).
CREATE TABLE partnership_events (
  id INTEGER PRIMARY KEY,
  partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('access_type', 'payment_mode', 'delegated_products', 'status', 'invitation')),
  before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
  after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
  detected_at INTEGER NOT NULL,
  seen_at INTEGER
) STRICT;
CREATE INDEX partnership_events_detected ON partnership_events (detected_at);

-- Contact details and full text exist only once the tender was consulted.
CREATE TABLE tenders (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  category TEXT NOT NULL,
  excerpt TEXT NOT NULL,
  full_text TEXT,
  contact_name TEXT,
  contact_email TEXT,
  contact_phone TEXT,
  posted_at INTEGER NOT NULL,
  revealed_at INTEGER,
  valid_until INTEGER NOT NULL,
  budget_minor INTEGER,
  currency TEXT NOT NULL CHECK (currency IN ('CHF', 'EUR')),
  remote_state TEXT NOT NULL CHECK (remote_state IN ('open', 'deleted', 'expired')),
  triage_state TEXT NOT NULL DEFAULT 'new' CHECK (triage_state IN ('new', 'shortlisted', 'consulted', 'proposal_sent', 'won', 'lost', 'dismissed', 'withdrawn')),
  score INTEGER CHECK (score BETWEEN 0 AND 100),
  notes TEXT NOT NULL DEFAULT '',
  proposal TEXT NOT NULL DEFAULT '',
  CHECK ((revealed_at IS NULL) = (full_text IS NULL)),
  CHECK (revealed_at IS NOT NULL OR (contact_name IS NULL AND contact_email IS NULL AND contact_phone IS NULL))
) STRICT;
CREATE INDEX tenders_triage_valid ON tenders (triage_state, valid_until);

-- Offline changes waiting for the server: the one thing sync cannot re-fetch.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key TEXT NOT NULL UNIQUE,
  client_organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
  base_version TEXT,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'in_flight', 'done', 'conflict', 'failed', 'discarded')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_error TEXT,
  -- The server's version when it refused the change (409/404/422), shown beside the user's.
  conflict_json TEXT CHECK (conflict_json IS NULL OR json_valid(conflict_json)),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX outbox_state_next ON outbox (state, next_attempt_at);
CREATE INDEX outbox_client_order ON outbox (client_organization_id, id) WHERE state NOT IN ('done', 'discarded');

CREATE TABLE sync_state (
  resource TEXT PRIMARY KEY,
  cursor TEXT,
  last_total INTEGER,
  last_full_at INTEGER,
  last_incremental_at INTEGER,
  last_error TEXT
) STRICT;

-- Search: one document per client (its name, VAT number, tags and the names
-- and domains of its products) and one per tender. Kept in step by
-- core/search/index.ts inside each write path's transaction.
CREATE VIRTUAL TABLE clients_fts USING fts5 (
  name, vat_number, products, tags,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
CREATE VIRTUAL TABLE tenders_fts USING fts5 (
  title, text,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
`,
}
