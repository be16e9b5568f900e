// How each preset writes a file (EXPORT-FORMATS.md): separator, BOM, line
// ends, date and decimal forms, and the header's words.
import type { ExportColumn, ExportPreset, ExportSpec } from '../../../../shared/billing'

export type HeaderLanguage = 'en' | 'de' | 'fr' | 'it' | 'es'

export interface FileFormat {
  delimiter: string
  newline: '\r\n'
  bom: boolean
  /** `iso` (yyyy-mm-dd) or `dotted` (dd.mm.yyyy). */
  date: 'iso' | 'dotted'
  decimal: '.' | ','
  language: HeaderLanguage
  extension: 'csv' | 'txt'
}

const excel = (language: HeaderLanguage, decimal: '.' | ','): FileFormat => ({
  delimiter: ';',
  newline: '\r\n',
  bom: true,
  date: 'dotted',
  decimal,
  language,
  extension: 'csv',
})

export function fileFormat(spec: Pick<ExportSpec, 'preset' | 'decimalMark'>): FileFormat {
  switch (spec.preset) {
    case 'excel-ch':
      // de-CH and it-CH Windows use the point; fr-CH machines differ, so the user may pick the comma.
      return excel('de', spec.decimalMark === 'comma' ? ',' : '.')
    case 'excel-de':
      return excel('de', ',')
    case 'excel-fr':
      return excel('fr', ',')
    case 'excel-it':
      return excel('it', ',')
    case 'excel-es':
      return excel('es', ',')
    case 'rfc4180':
      return { delimiter: ',', newline: '\r\n', bom: false, date: 'iso', decimal: '.', language: 'en', extension: 'csv' }
    case 'banana':
      return { delimiter: '\t', newline: '\r\n', bom: true, date: 'iso', decimal: '.', language: 'en', extension: 'txt' }
  }
}

export const isBanana = (preset: ExportPreset): boolean => preset === 'banana'

/** Banana's own field names (case-sensitive), double-entry transactions. */
export const BANANA_HEADER = ['Date', 'Doc', 'Description', 'AccountDebit', 'AccountCredit', 'Amount', 'VatCode'] as const

/** The file's header words; the accountant's software reads them, so they are the file's language, not the UI's. */
export const HEADERS: Record<HeaderLanguage, Record<ExportColumn, string>> = {
  en: {
    date: 'Date', type: 'Type', document: 'Document', client: 'Client', clientId: 'Client ID', product: 'Product', category: 'Category',
    description: 'Description', net: 'Net', vatRate: 'VAT rate %', vat: 'VAT', gross: 'Gross', currency: 'Currency',
    paymentMode: 'Paid by', status: 'Status', servicePeriod: 'Service period',
  },
  de: {
    date: 'Datum', type: 'Art', document: 'Beleg', client: 'Kunde', clientId: 'Kunden-ID', product: 'Produkt', category: 'Kategorie',
    description: 'Beschreibung', net: 'Netto', vatRate: 'MWST-Satz %', vat: 'MWST', gross: 'Brutto', currency: 'Währung',
    paymentMode: 'Bezahlt von', status: 'Status', servicePeriod: 'Leistungszeitraum',
  },
  fr: {
    date: 'Date', type: 'Type', document: 'Pièce', client: 'Client', clientId: 'ID client', product: 'Produit', category: 'Catégorie',
    description: 'Description', net: 'Net', vatRate: 'Taux TVA %', vat: 'TVA', gross: 'Brut', currency: 'Devise',
    paymentMode: 'Payé par', status: 'Statut', servicePeriod: 'Période de service',
  },
  it: {
    date: 'Data', type: 'Tipo', document: 'Documento', client: 'Cliente', clientId: 'ID cliente', product: 'Prodotto', category: 'Categoria',
    description: 'Descrizione', net: 'Netto', vatRate: 'Aliquota IVA %', vat: 'IVA', gross: 'Lordo', currency: 'Valuta',
    paymentMode: 'Pagato da', status: 'Stato', servicePeriod: 'Periodo di servizio',
  },
  es: {
    date: 'Fecha', type: 'Tipo', document: 'Documento', client: 'Cliente', clientId: 'ID cliente', product: 'Producto', category: 'Categoría',
    description: 'Descripción', net: 'Neto', vatRate: 'Tipo IVA %', vat: 'IVA', gross: 'Bruto', currency: 'Moneda',
    paymentMode: 'Pagado por', status: 'Estado', servicePeriod: 'Período de servicio',
  },
}

/** Minor units as a plain number: `-1250` → `-12.50` (or `-12,50`); never grouped. */
export function amountText(minor: number, decimal: '.' | ','): string {
  const sign = minor < 0 ? '-' : ''
  const abs = Math.abs(minor)
  const units = Math.floor(abs / 100)
  const cents = abs % 100
  return `${sign}${units}${decimal}${cents < 10 ? '0' : ''}${cents}`
}

/** Basis points as a percentage: 810 → `8.1`, 2000 → `20`. */
export function rateText(bp: number, decimal: '.' | ','): string {
  const whole = Math.floor(bp / 100)
  const rest = bp % 100
  if (rest === 0) return String(whole)
  const fraction = rest % 10 === 0 ? String(rest / 10) : String(rest).padStart(2, '0')
  return `${whole}${decimal}${fraction}`
}

/** The amount text read back (the verification): `-12,50` → -1250; null if it is not one of ours. */
export function parseAmount(text: string, decimal: '.' | ','): number | null {
  const match = (decimal === '.' ? /^(-?)(\d+)\.(\d{2})$/ : /^(-?)(\d+),(\d{2})$/).exec(text)
  if (!match) return null
  const minor = Number(match[2]) * 100 + Number(match[3])
  return match[1] ? -minor : minor
}

/** UTC date of Unix seconds, whatever the computer's time zone. */
export function dateText(seconds: number, form: 'iso' | 'dotted'): string {
  const iso = new Date(seconds * 1000).toISOString()
  return form === 'iso' ? iso.slice(0, 10) : `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
}
