import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import type { BillingMonth, BillingQuery, ClientTotalSort } from '../../../../shared/billing'
import { CURRENCIES } from '../../../../shared/domain'
import { useApi } from '../../api/ApiContext'
import { useCacheInfo } from '../../app/CacheInfoContext'
import { useCoreLoad } from '../../app/useCoreLoad'
import { InlineError } from '../../components/InlineError'
import { useFormatters } from '../../i18n/useFormatters'
import { useMoney, useMonthLabel } from './money'

/** Totals per currency, a chart per month and currency, and the clients ranked by amount. */
export function BillingOverview({ query }: { query: BillingQuery }) {
  const { t } = useTranslation()
  const api = useApi()
  const money = useMoney()
  const format = useFormatters()
  const { generation } = useCacheInfo()
  const [sort, setSort] = useState<ClientTotalSort>('amount_desc')
  const summary = useCoreLoad(() => api.call('billing:summary', { query, sort, limit: 100 }), `${generation}:${JSON.stringify(query)}:${sort}`)
  const value = summary.value
  return (
    <section aria-labelledby="billing-overview-title" className="billing-section" data-testid="billing-overview" aria-busy={summary.loading}>
      <h2 id="billing-overview-title" className="section-title">
        {t('billing.overview')}
      </h2>
      {summary.error && <InlineError message={summary.error.message} onRetry={summary.reload} />}
      {value && (
        <>
          {value.totals.length === 0 ? (
            <p data-testid="billing-empty">{t('billing.empty')}</p>
          ) : (
            <dl className="billing-totals" data-testid="billing-totals">
              {value.totals.map((total) => (
                <div key={total.currency} className="billing-total" data-testid={`billing-total-${total.currency}`}>
                  <dt>{t('billing.totalIn', { currency: total.currency })}</dt>
                  <dd>
                    <strong>{money(total.netMinor, total.currency)}</strong> <span className="muted">{t('billing.netLines', { lines: format.number(total.lines), vat: money(total.vatMinor, total.currency) })}</span>
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {CURRENCIES.filter((currency) => value.months.some((m) => m.currency === currency)).map((currency) => (
            <MonthChart key={currency} currency={currency} months={value.months.filter((m) => m.currency === currency)} />
          ))}
          {value.clients.rows.length > 0 && (
            <table className="billing-table" data-testid="billing-clients">
              <caption>{t('billing.byClient', { shown: format.number(value.clients.rows.length), total: format.number(value.clients.total) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('billing.client')}</th>
                  <th scope="col">{t('billing.lines')}</th>
                  <th scope="col" aria-sort={sort === 'amount_desc' ? 'descending' : 'ascending'}>
                    <button type="button" className="button button-quiet" data-testid="billing-sort" onClick={() => setSort(sort === 'amount_desc' ? 'amount_asc' : 'amount_desc')}>
                      {t('billing.amount')} {sort === 'amount_desc' ? '↓' : '↑'}
                    </button>
                  </th>
                </tr>
              </thead>
              <tbody>
                {value.clients.rows.map((row) => (
                  <tr key={`${row.id}-${row.currency}`} data-testid="billing-client-row">
                    <th scope="row">{row.name}</th>
                    <td>{format.number(row.lines)}</td>
                    <td className="amount" data-minor={row.netMinor}>
                      {money(row.netMinor, row.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  )
}

function MonthChart({ currency, months }: { currency: (typeof CURRENCIES)[number]; months: BillingMonth[] }) {
  const { t } = useTranslation()
  const money = useMoney()
  const label = useMonthLabel()
  const data = months.map((m) => ({ month: label(m.month), amount: m.netMinor / 100 }))
  return (
    <figure className="billing-chart" data-testid={`billing-chart-${currency}`}>
      <figcaption>{t('billing.chartCaption', { currency })}</figcaption>
      <BarChart width={640} height={220} data={data} role="img" aria-label={t('billing.chartCaption', { currency })}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis width={80} />
        <Tooltip formatter={(value) => money(Math.round(Number(value) * 100), currency)} />
        <Bar dataKey="amount" name={currency} fill="var(--accent, #0a6ebd)" isAnimationActive={false} />
      </BarChart>
      <table className="visually-hidden">
        <caption>{t('billing.chartCaption', { currency })}</caption>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{label(m.month)}</th>
              <td>{money(m.netMinor, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
