import type { Migration } from './migration'

// The clients workspace: the partner's own notes on a client (local only,
// searchable), named views of the clients table (a filter route), and which
// renewal reminders were already shown, so each is shown once; the partner's
// staff members (Infomaniak lists none: the partner names each invitation)
// and which collaborations each handles.
export const m006ClientsWorkspace: Migration = {
  version: 6,
  name: 'clients-workspace',
  sql: `
CREATE TABLE client_notes (
  organization_id INTEGER PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  body TEXT NOT NULL CHECK (length(body) <= 20000),
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE saved_views (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80),
  -- The clients route the view opens, e.g. "clients?access=complete&renewal=30".
  route TEXT NOT NULL CHECK (length(route) <= 2000),
  created_at INTEGER NOT NULL
) STRICT;

-- One row per reminder shown (or snoozed): a product's expiry at a lead time.
-- Keyed by the expiry itself, so a renewed product is reminded again next time.
CREATE TABLE renewal_reminders (
  product_id INTEGER NOT NULL,
  expired_at INTEGER NOT NULL,
  lead_days INTEGER NOT NULL CHECK (lead_days BETWEEN 1 AND 366),
  shown_at INTEGER,
  snoozed_until INTEGER,
  PRIMARY KEY (product_id, expired_at, lead_days)
) STRICT;

-- A staff member of the partner's organization, by its invitation id (the
-- published API lists no staff: the partner adds each by id, with a label).
CREATE TABLE staff_members (
  invitation_id INTEGER PRIMARY KEY,
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80)
) STRICT;

-- Which collaborations a staff member handles (b2b assignment), as the cache knows it.
CREATE TABLE staff_assignments (
  invitation_id INTEGER NOT NULL,
  partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
  PRIMARY KEY (invitation_id, partnership_id)
) STRICT;
`,
}
