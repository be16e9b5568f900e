import type { Migration } from './migration'

// What Infomaniak's published API sends and the first schema did not hold:
// its 25 service names (filed under broader categories, the name kept
// beside), the `restrict` legal entity type, organizations known only from
// the accounts list until their details are read, the b2b partnership id of
// a collaboration found from account flags, and which partner endpoints the
// account's server offers.
export const m002PublicApi: Migration = {
  version: 2,
  name: 'public-api',
  widenChecks: [
    {
      table: 'products',
      from: "service_name IN ('domain', 'web_hosting', 'mail', 'kdrive', 'ksuite', 'vps', 'public_cloud', 'swiss_backup', 'ssl')",
      to: "service_name IN ('domain', 'web_hosting', 'mail', 'kdrive', 'ksuite', 'vps', 'public_cloud', 'swiss_backup', 'ssl', 'server', 'streaming', 'other')",
    },
    {
      table: 'organizations',
      from: "legal_entity_type IN ('company', 'individual', 'public_body')",
      to: "legal_entity_type IN ('company', 'individual', 'public_body', 'restrict')",
    },
  ],
  sql: `
-- The service's own name as the API sent it; service_name holds its category.
ALTER TABLE products ADD COLUMN service TEXT;
UPDATE products SET service = service_name;

-- When the organization's own record (GET /1/accounts/{id}: addresses, VAT,
-- representatives) was last read; NULL while only the accounts list's summary is known.
ALTER TABLE organizations ADD COLUMN details_at INTEGER;

-- The id Infomaniak's b2b listing gives a collaboration; the row's own id is
-- the client organization's when the collaboration is known from account flags alone.
ALTER TABLE partnerships ADD COLUMN remote_id INTEGER;

-- Which families of partner endpoints (the app's own contract, docs/remote-api.md)
-- the account's server offers: asked again at most daily.
CREATE TABLE capabilities (
  family TEXT PRIMARY KEY CHECK (family IN ('partnerships', 'billing_history', 'invoices', 'tenders')),
  offered INTEGER NOT NULL CHECK (offered IN (0, 1)),
  checked_at INTEGER NOT NULL
) STRICT;
`,
}
