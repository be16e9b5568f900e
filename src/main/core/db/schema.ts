// Row types of the SQLite cache, as Kysely sees them. Kept in step with
// migrations/ by tests/unit/db/schema-types.test.ts.
import type { Generated } from 'kysely'
import type {
  AccessType,
  CapabilityFamily,
  Currency,
  HistoryType,
  InvoiceStatus,
  LegalEntityType,
  OutboxState,
  PartnershipEventKind,
  PartnershipStatus,
  PaymentMode,
  RenewalPreference,
  ServiceCategory,
  TenderRemoteState,
  TenderTriageState,
} from '../../../shared/domain'

type Bool = 0 | 1

export interface SchemaMigrationsTable {
  version: number
  name: string
  applied_at: number
}

export interface CacheMetaTable {
  key: string
  value: string
}

export interface SettingsTable {
  key: string
  value_json: string
}

export interface ProfilesTable {
  id: number
  display_name: string
  email: string
  fetched_at: number
}

export interface OrganizationsTable {
  id: number
  name: string
  sort_key: string
  role: 'own' | 'client'
  legal_entity_type: LegalEntityType
  vat_number: string | null
  currency: Currency
  locale: string
  timezone: string
  created_at: number
  synced_at: number
  /** Migration 2: when GET /1/accounts/{id} was last read; null while only the accounts list's summary is known. */
  details_at: number | null
}

export interface OrganizationAddressesTable {
  id: Generated<number>
  organization_id: number
  street: string
  postal_code: string
  city: string
  country: string
  for_invoice: Bool
}

export interface LegalRepresentativesTable {
  id: Generated<number>
  organization_id: number
  first_name: string
  last_name: string
  email: string
}

export interface PartnershipsTable {
  id: number
  partner_organization_id: number
  client_organization_id: number
  status: PartnershipStatus
  access_type: AccessType
  payment_mode: PaymentMode | null
  wallet_entrusted: Generated<Bool>
  since: number
  until: number | null
  incomes_minor: number
  discounts_minor: number
  total_paid_minor: number
  total_paid_base_price_minor: number
  currency: Currency
  updated_at: number
  /** Migration 2: the b2b listing's id, when the row's id is the client organization's. */
  remote_id: number | null
}

export interface ProductsTable {
  id: number
  owner_organization_id: number
  service_id: number
  service_name: ServiceCategory
  internal_name: string
  customer_name: string
  fqdn: string | null
  managed_by_partner: Bool
  payer_organization_id: number | null
  created_at: number
  expired_at: number | null
  deleted_at: number | null
  is_free: Bool
  is_trial: Bool
  renewal_preference: RenewalPreference
  right_technical: Bool
  right_statistic: Bool
  right_check: Bool
  right_sale: Bool
  /** Migration 2: the service's own name as the API sent it (service_name is its category). */
  service: string | null
}

/** Migration 2: whether the account's server offers a family of partner endpoints. */
export interface CapabilitiesTable {
  family: CapabilityFamily
  offered: Bool
  checked_at: number
}

export interface PartnershipProductsTable {
  partnership_id: number
  product_id: number
}

export interface TagsTable {
  id: number
  organization_id: number
  name: string
  color: number
}

export interface ProductTagsTable {
  product_id: number
  tag_id: number
}

export interface InvoicesTable {
  id: number
  organization_id: number
  number: string
  issued_at: number
  status: InvoiceStatus
  total_excl_vat_minor: number
  vat_minor: number
  currency: Currency
}

export interface BillingLinesTable {
  id: number
  client_organization_id: number
  product_id: number | null
  invoice_id: number | null
  history_type: HistoryType
  occurred_at: number
  description: string
  amount_excl_vat_minor: number
  vat_rate_bp: number
  vat_minor: number
  currency: Currency
  paid_by: PaymentMode
  /** Migration 3: the import the line came from; null for the server's lines. */
  import_id: number | null
  import_key: string | null
  import_seq: number | null
  document_number: string | null
}

// Migration 3: imports of the Manager's CSV exports.
export interface BillingImportsTable {
  id: Generated<number>
  file_name: string
  sha256: string
  kind: 'clients' | 'invoices'
  rows: number
  added: number
  unmatched: number
  duplicates: number
  period_from: number | null
  period_to: number | null
  totals_json: string
  imported_at: number
  undone_at: number | null
}

export interface BillingImportUnmatchedTable {
  id: Generated<number>
  import_id: number
  line: number
  client_ref_id: number | null
  client_name: string
  history_type: HistoryType
  occurred_at: number
  description: string
  amount_excl_vat_minor: number
  vat_rate_bp: number
  vat_minor: number
  currency: Currency
  paid_by: PaymentMode | null
  document_number: string | null
  import_key: string
  import_seq: number
}

export interface BillingImportMappingsTable {
  signature: string
  mapping_json: string
  fixed_type: HistoryType | null
  saved_at: number
}

export interface PartnershipEventsTable {
  id: Generated<number>
  partnership_id: number
  kind: PartnershipEventKind
  before_json: string | null
  after_json: string | null
  detected_at: number
  seen_at: number | null
}

export interface TendersTable {
  id: number
  title: string
  category: string
  excerpt: string
  full_text: string | null
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
  posted_at: number
  revealed_at: number | null
  valid_until: number
  budget_minor: number | null
  currency: Currency
  remote_state: TenderRemoteState
  triage_state: TenderTriageState
  score: number | null
  notes: string
  proposal: string
}

export interface OutboxTable {
  id: Generated<number>
  idempotency_key: string
  client_organization_id: number | null
  kind: string
  payload_json: string
  base_version: string | null
  state: OutboxState
  attempts: number
  next_attempt_at: number | null
  last_error: string | null
  conflict_json: string | null
  created_at: number
}

export interface SyncStateTable {
  resource: string
  cursor: string | null
  last_total: number | null
  last_full_at: number | null
  last_incremental_at: number | null
  last_error: string | null
}

/** Migration 4: totals by period (yyyymm, or yyyy00 for a year; client 0 = all), kept by core/billing/rollup.ts. */
export interface BillingRollupTable {
  period: number
  client_organization_id: number
  history_type: HistoryType
  currency: Currency
  lines: number
  net_minor: number
  vat_minor: number
}

/** Migration 7: billing_rollup summed over every history type, clients only (core/billing/rollup.ts). */
export interface BillingRollupClientsTable {
  period: number
  client_organization_id: number
  currency: Currency
  lines: number
  net_minor: number
  vat_minor: number
}

/** Migration 8: a client's charges per month (the types of shared/billing.ts CHARGE_TYPES), kept by core/billing/rollup.ts. */
export interface BillingClientChargesTable {
  client_organization_id: number
  period: number
  currency: Currency
  net_minor: number
}

/** Migration 4: one row per export (core/billing/export/records.ts). */
export interface ExportsTable {
  id: Generated<number>
  spec_json: string
  files_json: string
  temp_json: string
  state: 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted'
  rows: number
  totals_json: string
  sha256_json: string
  started_at: number
  finished_at: number | null
  data_as_of: number | null
  error: string | null
}

/** Migration 6: the partner's own notes on a client (never sent anywhere). */
export interface ClientNotesTable {
  organization_id: number
  body: string
  updated_at: number
}

/** Migration 6: a named filter of the clients table. */
export interface SavedViewsTable {
  id: Generated<number>
  name: string
  route: string
  created_at: number
}

/** Migration 6: a renewal reminder shown (or snoozed) once. */
export interface RenewalRemindersTable {
  product_id: number
  expired_at: number
  lead_days: number
  shown_at: number | null
  snoozed_until: number | null
}

/** Migration 6: a staff member of the partner, by invitation id. */
export interface StaffMembersTable {
  invitation_id: number
  label: string
}

/** Migration 6: a collaboration a staff member handles. */
export interface StaffAssignmentsTable {
  invitation_id: number
  partnership_id: number
}

export interface Database {
  schema_migrations: SchemaMigrationsTable
  cache_meta: CacheMetaTable
  settings: SettingsTable
  profiles: ProfilesTable
  organizations: OrganizationsTable
  organization_addresses: OrganizationAddressesTable
  legal_representatives: LegalRepresentativesTable
  partnerships: PartnershipsTable
  products: ProductsTable
  capabilities: CapabilitiesTable
  partnership_products: PartnershipProductsTable
  tags: TagsTable
  product_tags: ProductTagsTable
  invoices: InvoicesTable
  billing_lines: BillingLinesTable
  partnership_events: PartnershipEventsTable
  tenders: TendersTable
  outbox: OutboxTable
  sync_state: SyncStateTable
  billing_rollup: BillingRollupTable
  billing_rollup_clients: BillingRollupClientsTable
  billing_client_charges: BillingClientChargesTable
  exports: ExportsTable
  billing_imports: BillingImportsTable
  billing_import_unmatched: BillingImportUnmatchedTable
  billing_import_mappings: BillingImportMappingsTable
  client_notes: ClientNotesTable
  saved_views: SavedViewsTable
  renewal_reminders: RenewalRemindersTable
  staff_members: StaffMembersTable
  staff_assignments: StaffAssignmentsTable
}
