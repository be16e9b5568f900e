// The Manager's CSV columns are not published and it speaks EN/DE/FR/IT/ES:
// a column is recognised by its header among these aliases (compared after
// normalize()), and the user corrects what is not recognised in the preview.
import type { ImportField, ImportMapping } from '../../../../shared/billing-import'
import type { HistoryType, PaymentMode } from '../../../../shared/domain'
import { memoized } from './memo'

/** Lower case, accents and punctuation gone: "Betrag exkl. MWST" → "betrag exkl mwst". */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim()
}

const words = (list: string): string[] => list.split('|').map(normalize)

/** Per field, EN | DE | FR | IT | ES headers (the app's own export's names included). */
export const FIELD_ALIASES: Record<ImportField, readonly string[]> = {
  date: words(
    'date|invoice date|order date|booking date|datum|rechnungsdatum|bestelldatum|buchungsdatum|date de facture|date de facturation|date de commande|data|data fattura|data ordine|fecha|fecha de factura|fecha del pedido',
  ),
  document: words(
    'document|document number|invoice number|invoice no|number|reference|nr|rechnungsnummer|rechnung nr|belegnummer|beleg|referenz|numero|numero de facture|n de facture|reference|numero fattura|n fattura|riferimento|numero de factura|n de factura|referencia',
  ),
  clientId: words(
    'client id|customer id|account id|organization id|organisation id|kunden id|kundennummer|kunden nr|organisations id|id client|numero client|id organisation|id cliente|codice cliente|id organizzazione|id de cliente|numero de cliente|id organizacion',
  ),
  client: words(
    'client|customer|client name|customer name|organization|organisation|account|kunde|kundin|kundenname|organisation|konto|nom du client|client final|compte|cliente|nome cliente|organizzazione|nombre del cliente|organizacion|cuenta',
  ),
  type: words(
    'type|history type|type of history|kind|typ|art|verlaufstyp|type d historique|genre|tipo|tipo di cronologia|tipo de historial',
  ),
  product: words('product|service|produkt|dienst|dienstleistung|produit|prodotto|servizio|producto|servicio'),
  description: words('description|details|text|beschreibung|bezeichnung|libelle|descrizione|dettagli|descripcion|concepto'),
  net: words(
    'net|net amount|amount|amount excl vat|amount excluding vat|subtotal|netto|nettobetrag|betrag|betrag exkl mwst|betrag ohne mwst|montant|montant ht|montant hors taxes|net ht|importo|importo netto|imponibile|importe|importe neto|base imponible',
  ),
  vatRate: words(
    'vat rate|vat %|tax rate|mwst satz|mwst %|steuersatz|taux de tva|taux tva|tva %|aliquota iva|tasso iva|iva %|tipo de iva|tipo iva',
  ),
  vat: words('vat|vat amount|tax|mwst|mehrwertsteuer|mwst betrag|steuer|tva|montant tva|montant de la tva|iva|importo iva|cuota de iva|importe iva'),
  gross: words(
    'gross|total|amount incl vat|total incl vat|brutto|bruttobetrag|total inkl mwst|betrag inkl mwst|gesamt|gesamtbetrag|montant ttc|total ttc|lordo|totale|importo lordo|totale ivato|bruto|importe total|total con iva',
  ),
  currency: words('currency|wahrung|waehrung|devise|monnaie|valuta|divisa|moneda'),
  paidBy: words(
    'paid by|payer|payment mode|zahler|bezahlt von|zahlungsart|zahlungsmodus|paye par|payeur|mode de paiement|pagato da|pagatore|modalita di pagamento|pagado por|pagador|modo de pago',
  ),
  status: words('status|state|zustand|statut|etat|stato|estado'),
}

/** Values of a type column, per history type. */
const TYPE_ALIASES: Record<HistoryType, readonly string[]> = {
  invoice: words('invoice|invoices|rechnung|rechnungen|facture|factures|fattura|fatture|factura|facturas'),
  order: words('order|orders|bestellung|bestellungen|commande|commandes|ordine|ordini|pedido|pedidos|orden'),
  renewal: words('renewal|renewals|verlangerung|verlaengerung|erneuerung|renouvellement|renouvellements|rinnovo|rinnovi|renovacion|renovaciones'),
  cashback: words('cashback|cash back|ruckvergutung|rueckverguetung|remise en argent|rimborso partner'),
  income: words('income|earning|earnings|einnahme|einnahmen|ertrag|provision|revenu|revenus|commission|reddito|ricavo|provvigione|ingreso|ingresos|comision'),
  discount: words('discount|rabatt|remise|rabais|sconto|descuento'),
  refund: words('refund|refunds|ruckerstattung|rueckerstattung|gutschrift|remboursement|avoir|rimborso|nota di credito|reembolso|abono'),
}

const PAYER_ALIASES: Record<PaymentMode, readonly string[]> = {
  customer: words('customer|customer pays|client|client pays|kunde|kunde zahlt|le client paie|cliente|il cliente paga|el cliente paga'),
  partner: words('partner|partner pays|reseller|wiederverkaufer|partner zahlt|partenaire|le partenaire paie|revendeur|rivenditore|il partner paga|socio|revendedor|el partner paga'),
}

/** Invoice statuses that make the row a refund. */
const REFUNDED = new Set(words('refunded|ruckerstattet|rueckerstattet|gutgeschrieben|rembourse|remboursee|rimborsato|rimborsata|reembolsado|reembolsada'))

function lookup<K extends string>(table: Record<K, readonly string[]>): Map<string, K> {
  const map = new Map<string, K>()
  for (const key of Object.keys(table) as K[]) {
    map.set(normalize(key), key)
    for (const alias of table[key]) map.set(alias, key)
  }
  return map
}

const TYPES = lookup(TYPE_ALIASES)
const PAYERS = lookup(PAYER_ALIASES)

export const historyTypeOf = memoized((value: string): HistoryType | null => TYPES.get(normalize(value)) ?? null)
export const payerOf = memoized((value: string): PaymentMode | null => PAYERS.get(normalize(value)) ?? null)
export const isRefunded = memoized((status: string): boolean => REFUNDED.has(normalize(status)))
/** normalize(), remembered: for values that repeat (client names). */
export const normalized = memoized(normalize)

/**
 * The mapping recognised from the headers: each field takes the first header
 * among its aliases. Aliases shared by two fields ("reference") go to the
 * field listed first; the preview shows which.
 */
export function detectMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {}
  const taken = new Set<string>()
  const normalized = headers.map(normalize)
  for (const field of Object.keys(FIELD_ALIASES) as ImportField[]) {
    const aliases = FIELD_ALIASES[field]
    const index = normalized.findIndex((header, i) => !taken.has(headers[i]) && aliases.includes(header))
    if (index >= 0) {
      mapping[field] = headers[index]
      taken.add(headers[index])
    }
  }
  return mapping
}
