import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'
import { EARNING_TYPES, type BillingQuery, type OutlookMonth } from '../../../../shared/billing'
import { CURRENCIES, type Currency } from '../../../../shared/domain'
import { useApi } from '../../api/ApiContext'
import { useCacheInfo } from '../../app/CacheInfoContext'
import { useCoreLoad } from '../../app/useCoreLoad'
import { InlineError } from '../../components/InlineError'
import { useFormatters } from '../../i18n/useFormatters'
import { useMoney, useMonthLabel } from './money'

const COLORS = { cashback: '#0a6ebd', income: '#2e7d32', discount: '#8e24aa' } as const

/** Cashback, income and discounts per client for the period; the outlook of the next 12 months. */
export function EarningsPanel({ query }: { query: BillingQuery }) {
  const { t } = useTranslation()
  const api = useApi()
  const money = useMoney()
  const format = useFormatters()
  const { generation } = useCacheInfo()
  const earnings = useCoreLoad(() => api.call('earnings:summary', { query, limit: 50 }), `${generation}:${JSON.stringify(query)}`)
  const outlook = useCoreLoad(() => api.call('earnings:outlook', { clients: query.clients }), `${generation}:${JSON.stringify(query.clients)}`)
  return (
    <section aria-labelledby="earnings-title" className="billing-section" data-testid="earnings">
      <h2 id="earnings-title" className="section-title">
        {t('earnings.title')}
      </h2>
      <p className="muted">{t('earnings.rules')}</p>
      {earnings.error && <InlineError message={earnings.error.message} onRetry={earnings.reload} />}
      {earnings.value && (
        <>
          <dl className="billing-totals" data-testid="earnings-totals">
            {earnings.value.totals.map((total) => (
              <div key={total.currency} className="billing-total">
                <dt>{t('earnings.totalIn', { currency: total.currency })}</dt>
                <dd>{EARNING_TYPES.map((kind) => `${t(`earnings.kinds.${kind}`)} ${money(total[kind], total.currency)}`).join(' · ')}</dd>
              </div>
            ))}
          </dl>
          {earnings.value.clients.rows.length > 0 && (
            <table className="billing-table" data-testid="earnings-clients">
              <caption>{t('earnings.byClient', { shown: format.number(earnings.value.clients.rows.length), total: format.number(earnings.value.clients.total) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('billing.client')}</th>
                  <th scope="col">{t('earnings.access')}</th>
                  {EARNING_TYPES.map((kind) => (
                    <th key={kind} scope="col">
                      {t(`earnings.kinds.${kind}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {earnings.value.clients.rows.map((row) => (
                  <tr key={`${row.id}-${row.currency}`}>
                    <th scope="row">{row.name}</th>
                    <td>{row.access === null ? '—' : row.access === 'limited' ? t('earnings.limited') : t(`earnings.complete.${row.paymentMode ?? 'customer'}`)}</td>
                    {EARNING_TYPES.map((kind) => (
                      <td key={kind} className="amount">
                        {row.expected.includes(kind) || row.total[kind] !== 0 ? money(row.total[kind], row.currency) : t('earnings.notGranted')}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <h3 className="section-title">{t('earnings.outlook')}</h3>
      {outlook.error && <InlineError message={outlook.error.message} onRetry={outlook.reload} />}
      {outlook.value && (
        <div data-testid="earnings-outlook">
          <p>
            {t('earnings.method', {
              products: format.number(outlook.value.method.productsDue),
              renewals: format.number(outlook.value.method.renewals),
              withoutHistory: format.number(outlook.value.method.withoutHistory),
              clientRate: format.number(outlook.value.method.clientRate),
            })}
          </p>
          {CURRENCIES.filter((c) => outlook.value?.months.some((m) => m.currency === c)).map((currency) => (
            <OutlookChart key={currency} currency={currency} months={outlook.value?.months.filter((m) => m.currency === currency) ?? []} />
          ))}
        </div>
      )}
    </section>
  )
}

function OutlookChart({ currency, months }: { currency: Currency; months: OutlookMonth[] }) {
  const { t } = useTranslation()
  const money = useMoney()
  const label = useMonthLabel()
  const data = months.map((m) => ({ month: label(m.month), ...Object.fromEntries(EARNING_TYPES.map((kind) => [kind, m.expected[kind] / 100])) }))
  const caption = t('earnings.outlookCaption', { currency })
  return (
    <figure className="billing-chart" data-testid={`outlook-chart-${currency}`}>
      <figcaption>{caption}</figcaption>
      <BarChart width={640} height={220} data={data} role="img" aria-label={caption}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis width={80} />
        <Tooltip formatter={(value) => money(Math.round(Number(value) * 100), currency)} />
        <Legend />
        {EARNING_TYPES.map((kind) => (
          <Bar key={kind} dataKey={kind} name={t(`earnings.kinds.${kind}`)} stackId="e" fill={COLORS[kind]} isAnimationActive={false} />
        ))}
      </BarChart>
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{label(m.month)}</th>
              <td>{t('earnings.outlookRow', { renewals: m.renewals, basis: money(m.basisMinor, currency), expected: money(m.expected.cashback + m.expected.income + m.expected.discount, currency) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
