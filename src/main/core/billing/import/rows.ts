// One row of a Manager export into a billing line, by the mapping: every cell
// read strictly, the first problem named by line, column and value.
import type { ImportField, ImportKind, ImportMapping, ImportProblem } from '../../../../shared/billing-import'
import type { Currency, HistoryType, PaymentMode } from '../../../../shared/domain'
import { historyTypeOf, isRefunded, normalize, payerOf } from './aliases'
import { parseAmount, parseCurrency, parseDate, parseRate } from './values'

export interface ReadLine {
  line: number
  occurredAt: number
  type: HistoryType
  /** The client as the file names it: an id, a name, or both; none for the partner's own invoice history. */
  clientRefId: number | null
  clientName: string
  document: string | null
  description: string
  netMinor: number
  vatRateBp: number
  vatMinor: number
  currency: Currency
  paidBy: PaymentMode | null
  /** The natural key but for the client: the same line in another file (an overlapping period) has the same one. */
  key: string
}

export interface Layout {
  headers: string[]
  kind: ImportKind
  fixedType: HistoryType | null
  read: (cells: string[], line: number) => ReadLine | ImportProblem
}

const problem = (code: ImportProblem['code'], line: number, column: string, value: string): ImportProblem => ({ code, line, column, value })

/**
 * Checks the header and the mapping (problems of the whole file), and gives
 * the reader of a row. The file is the clients history when a column names
 * the client, the partner's invoice history otherwise.
 */
export function layout(headers: string[], mapping: ImportMapping, fixedType: HistoryType | null): Layout | ImportProblem[] {
  const problems: ImportProblem[] = []
  const seen = new Set<string>()
  for (const header of headers) {
    const name = normalize(header)
    if (name !== '' && seen.has(name)) problems.push(problem('duplicate_header', 1, header, header))
    seen.add(name)
  }
  const index = {} as Record<ImportField, number>
  for (const [field, header] of Object.entries(mapping) as Array<[ImportField, string]>) {
    const at = headers.indexOf(header)
    if (at < 0) problems.push(problem('unknown_header', 0, field, header))
    else index[field] = at
  }
  const found = headers.join(', ')
  if (index.date === undefined) problems.push(problem('missing_field', 0, 'date', found))
  if (index.net === undefined && index.gross === undefined) problems.push(problem('missing_field', 0, 'net', found))
  const kind: ImportKind = index.client !== undefined || index.clientId !== undefined ? 'clients' : 'invoices'
  if (kind === 'clients' && index.type === undefined && fixedType === null) problems.push(problem('no_type', 0, 'type', ''))
  if (problems.length > 0) return problems
  return { headers, kind, fixedType, read: reader(headers, index, kind, fixedType) }
}

/** Module-level rather than closures made per row: this runs a million times. */
const cellAt = (cells: string[], index: number | undefined): string | null => (index === undefined ? null : cells[index].trim())

/** The currency written beside the amounts of one row, if any. */
interface Written {
  currency: Currency | null
}

function amountAt(cells: string[], index: number | undefined, headers: string[], line: number, written: Written): number | null | ImportProblem {
  if (index === undefined) return null
  const text = cells[index].trim()
  if (text === '') return problem('empty_amount', line, headers[index], text)
  const amount = parseAmount(text)
  if (amount === null) return problem('bad_amount', line, headers[index], text)
  if (amount.currency !== null) {
    if (written.currency !== null && written.currency !== amount.currency) return problem('bad_currency', line, headers[index], text)
    written.currency = amount.currency
  }
  return amount.minor
}

function reader(headers: string[], at: Record<ImportField, number>, kind: ImportKind, fixedType: HistoryType | null): Layout['read'] {
  const width = headers.length
  return (cells, line) => {
    if (cells.length < width) return problem('short_row', line, headers[cells.length], cells.join(' | '))
    // A trailing delimiter adds empty cells; anything more is a row that does not fit the header.
    for (let i = width; i < cells.length; i++) if (cells[i].trim() !== '') return problem('long_row', line, `#${i + 1}`, cells[i])
    const cell = (field: ImportField): string | null => cellAt(cells, at[field])

    const dateText = cell('date') as string
    const occurredAt = parseDate(dateText)
    if (occurredAt === null) return problem('bad_date', line, headers[at.date], dateText)

    let type: HistoryType
    const typeText = cell('type')
    if (typeText !== null && typeText !== '') {
      const known = historyTypeOf(typeText)
      if (known === null) return problem('bad_type', line, headers[at.type], typeText)
      type = known
    } else if (typeText !== null && fixedType === null) {
      return problem('bad_type', line, headers[at.type], typeText)
    } else {
      const status = cell('status')
      type = kind === 'invoices' && status !== null && isRefunded(status) ? 'refund' : (fixedType ?? 'invoice')
    }

    // Each amount column given must hold an amount: an empty cell is an error, never 0.
    const written: Written = { currency: null }
    const net = amountAt(cells, at.net, headers, line, written)
    if (typeof net === 'object' && net !== null) return net
    const vat = amountAt(cells, at.vat, headers, line, written)
    if (typeof vat === 'object' && vat !== null) return vat
    const gross = amountAt(cells, at.gross, headers, line, written)
    if (typeof gross === 'object' && gross !== null) return gross

    let rate: number | null = null
    const rateText = cell('vatRate')
    if (rateText !== null) {
      rate = parseRate(rateText)
      if (rate === null) return problem('bad_rate', line, headers[at.vatRate], rateText)
    }

    let currency = written.currency
    const currencyText = cell('currency')
    if (currencyText !== null && currencyText !== '') {
      const named = parseCurrency(currencyText)
      if (named === null || (currency !== null && named !== currency)) return problem('bad_currency', line, headers[at.currency], currencyText)
      currency = named
    }
    if (currency === null) return problem('no_currency', line, headers[at.net ?? at.gross], (cell('net') ?? cell('gross')) as string)

    let netMinor: number
    let vatMinor: number
    if (net !== null) {
      netMinor = net
      vatMinor = vat ?? (gross !== null ? gross - net : rate !== null ? Math.round((net * rate) / 10_000) : 0)
    } else {
      const total = gross as number
      vatMinor = vat ?? (rate !== null ? total - Math.round((total * 10_000) / (10_000 + rate)) : 0)
      netMinor = total - vatMinor
    }
    const vatRateBp = rate ?? (netMinor !== 0 ? Math.min(10_000, Math.max(0, Math.round((vatMinor * 10_000) / netMinor))) : 0)

    let paidBy: PaymentMode | null = null
    const payerText = cell('paidBy')
    if (payerText !== null && payerText !== '') {
      paidBy = payerOf(payerText)
      if (paidBy === null) return problem('bad_paid_by', line, headers[at.paidBy], payerText)
    }

    const idText = cell('clientId') ?? ''
    const clientRefId = /^\d{1,15}$/.test(idText) ? Number(idText) : null
    const clientName = cell('client') ?? ''
    const document = cell('document') || null
    const product = cell('product') ?? ''
    const text = cell('description') ?? ''
    const description = text && product && !text.includes(product) ? `${product}: ${text}` : text || product || document || ''
    // Without the client: the writer puts the client in front, as resolved (a file may name it by id, another by name).
    // The description only when no document number says which line it is: the Manager translates descriptions.
    const key = [occurredAt, type, document ?? `~${description}`, netMinor, vatMinor, currency].join('\u001f')
    return { line, occurredAt, type, clientRefId, clientName, document, description, netMinor, vatRateBp, vatMinor, currency, paidBy, key }
  }
}

export const isProblem = (value: ReadLine | ImportProblem): value is ImportProblem => 'code' in value
