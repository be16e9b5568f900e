import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import type { ClientRow, ClientSortKey } from '../../../../shared/contract'
import type { Formatters } from '../../i18n/formatters'

export interface Column {
  id: string
  label: (t: TFunction) => string
  sortKey?: ClientSortKey
  /** Direction a first click sorts in: soonest expiry first, busiest clients first. */
  firstDirection?: 'asc' | 'desc'
  className: string
  /** Plain text for the cell's tooltip, when the content may be cut off. */
  title?: (row: ClientRow, format: Formatters) => string
  render(row: ClientRow, t: TFunction, format: Formatters): ReactNode
}

export const COLUMNS: readonly Column[] = [
  {
    id: 'name',
    label: (t) => t('clients.columns.name'),
    sortKey: 'name',
    firstDirection: 'asc',
    className: 'cell-name',
    title: (row) => row.name,
    render: (row) => row.name,
  },
  {
    id: 'vatNumber',
    label: (t) => t('clients.columns.vatNumber'),
    className: 'cell-vat',
    render: (row, t) => row.vatNumber ?? t('common.none'),
  },
  {
    id: 'access',
    label: (t) => t('clients.columns.access'),
    className: 'cell-access',
    render: (row, t) => t(`clients.access.${row.accessType}`),
  },
  {
    id: 'payment',
    label: (t) => t('clients.columns.payment'),
    className: 'cell-payment',
    render: (row, t) => (row.paymentMode === null ? t('common.none') : t(`clients.payment.${row.paymentMode}`)),
  },
  {
    id: 'status',
    label: (t) => t('clients.columns.status'),
    className: 'cell-status',
    render: (row, t) => <span className={`status status-${row.status}`}>{t(`clients.status.${row.status}`)}</span>,
  },
  {
    id: 'productCount',
    label: (t) => t('clients.columns.products'),
    sortKey: 'productCount',
    firstDirection: 'desc',
    className: 'cell-products numeric',
    render: (row, _t, format) => format.number(row.productCount),
  },
  {
    id: 'nextExpiry',
    label: (t) => t('clients.columns.nextExpiry'),
    sortKey: 'nextExpiry',
    firstDirection: 'asc',
    className: 'cell-expiry',
    render: (row, t, format) => (row.nextExpiry === null ? t('common.none') : format.date(row.nextExpiry)),
  },
  {
    id: 'billing12m',
    label: (t) => t('clients.columns.billing12m'),
    sortKey: 'billing12m',
    firstDirection: 'desc',
    className: 'cell-billing numeric',
    render: (row, t, format) =>
      row.billing12m.length === 0 ? t('common.none') : row.billing12m.map((amount) => format.money(amount)).join(' · '),
  },
  {
    id: 'tags',
    label: (t) => t('clients.columns.tags'),
    className: 'cell-tags',
    title: (row, format) => format.list(row.tags),
    render: (row) =>
      row.tags.map((tag) => (
        <span key={tag} className="tag">
          {tag}
        </span>
      )),
  },
]
