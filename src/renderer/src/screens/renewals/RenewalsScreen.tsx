import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RenewalGroup } from '../../../../shared/contract'
import { useApi } from '../../api/ApiContext'
import { useCacheInfo } from '../../app/CacheInfoContext'
import { useRouter } from '../../app/Router'
import { useCoreLoad } from '../../app/useCoreLoad'
import { InlineError } from '../../components/InlineError'
import { useFormatters } from '../../i18n/useFormatters'

const WINDOWS = [7, 14, 30, 60, 90, 180] as const
const LEAD_CHOICES = [60, 30, 14, 7, 3, 1] as const

/** Products expiring in the next N days (route `renewals?days=N`), by client, and the desktop reminders' lead times. */
export function RenewalsScreen({ days }: { days: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const { go } = useRouter()
  const { generation } = useCacheInfo()
  const windowId = useId()
  const [version, setVersion] = useState(0)
  const overview = useCoreLoad(() => api.call('renewals:list', { days }), `${days}:${generation}:${version}`)
  const value = overview.value
  const products = value?.groups.reduce((sum, group) => sum + group.products.length, 0) ?? 0
  const setLeads = async (leads: number[]): Promise<void> => {
    // The box shows its new state at once; the answer (or a reload after a failure) confirms it.
    overview.set((current) => current && { ...current, leads })
    const result = await api.call('renewals:setLeads', { leads })
    if (result.ok) overview.set((current) => current && { ...current, leads: result.value })
    else overview.reload()
  }
  return (
    <section className="screen screen-renewals" aria-labelledby="renewals-title" data-testid="screen-renewals">
      <div className="screen-head">
        <h1 id="renewals-title" className="screen-title" tabIndex={-1}>
          {t('renewals.title')}
        </h1>
        <label htmlFor={windowId}>{t('renewals.window')}</label>
        <select
          id={windowId}
          className="input input-compact"
          value={days}
          onChange={(event) => go({ screen: 'renewals', days: Number(event.target.value) })}
          data-testid="renewals-window"
        >
          {(WINDOWS as readonly number[]).includes(days) ? null : <option value={days}>{t('renewals.days', { count: days, days: format.number(days) })}</option>}
          {WINDOWS.map((n) => (
            <option key={n} value={n}>
              {t('renewals.days', { count: n, days: format.number(n) })}
            </option>
          ))}
        </select>
        <p className="count-line" aria-live="polite" data-testid="renewals-count" data-count={products}>
          {value && t('renewals.count', { count: products, total: format.number(products), clients: format.number(value.groups.length) })}
        </p>
      </div>
      {value && (
        <fieldset className="filter-bar renewal-leads" data-testid="renewal-leads">
          <legend>{t('renewals.leads')}</legend>
          {LEAD_CHOICES.map((lead) => (
            <label key={lead} className="checkbox">
              <input
                type="checkbox"
                checked={value.leads.includes(lead)}
                onChange={(event) => void setLeads(event.target.checked ? [...value.leads, lead] : value.leads.filter((l) => l !== lead))}
                data-testid="renewal-lead"
                data-days={lead}
              />
              {t('renewals.leadDays', { count: lead, days: format.number(lead) })}
            </label>
          ))}
        </fieldset>
      )}
      {overview.error && <InlineError message={t('renewals.loadError', { message: overview.error.message })} onRetry={overview.reload} />}
      {value && value.truncated && <p className="muted">{t('renewals.truncated')}</p>}
      {value && value.groups.length === 0 && (
        <p className="empty-state muted" data-testid="renewals-empty">
          {t('renewals.empty', { count: days, days: format.number(days) })}
        </p>
      )}
      <div className="renewal-groups">
        {value?.groups.map((group) => <Group key={group.clientId} group={group} onSnoozed={() => setVersion((n) => n + 1)} />)}
      </div>
    </section>
  )
}

function Group({ group, onSnoozed }: { group: RenewalGroup; onSnoozed(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const { go } = useRouter()
  const [snoozed, setSnoozed] = useState<Map<string, number>>(new Map())
  const snooze = async (key: string): Promise<void> => {
    const result = await api.call('renewals:snooze', { key, hours: 24 })
    if (result.ok) {
      setSnoozed((current) => new Map(current).set(key, result.value.until))
      onSnoozed()
    }
  }
  return (
    <section className="page-section renewal-group" aria-label={group.clientName} data-testid="renewal-group" data-client-id={group.clientId}>
      <h2 className="subsection-title">
        <button type="button" className="link-button" onClick={() => go({ screen: 'client', id: group.clientId })} data-testid="renewal-client">
          {group.clientName}
        </button>
      </h2>
      <p className="muted" data-testid="renewal-terms" data-payer={group.payer} data-may-renew={group.mayRenew ? 'yes' : 'no'}>
        {t(`renewals.payer.${group.payer}`)} · {group.mayRenew ? t('renewals.mayRenew') : t('renewals.mayNotRenew')}
      </p>
      <ul className="detail-list">
        {group.products.map((product) => (
          <li key={product.id} className="detail-item" data-testid="renewal-product" data-product-id={product.id}>
            <span className="product-name">{product.name}</span>
            <span className="muted">
              {format.date(product.expiredAt)} · {t(`clientPage.products.renewal.${product.renewal}`)}
            </span>
            {product.reminderKey !== null &&
              (snoozed.has(product.reminderKey) ? (
                <span className="muted" data-testid="renewal-snoozed">
                  {t('renewals.snoozedUntil', { date: format.dateTime(snoozed.get(product.reminderKey)!) })}
                </span>
              ) : (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => void snooze(product.reminderKey!)}
                  aria-label={t('renewals.snoozeLabel', { name: product.name })}
                  data-testid="renewal-snooze"
                >
                  {t('renewals.snooze')}
                </button>
              ))}
          </li>
        ))}
      </ul>
    </section>
  )
}
