import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientProfile } from '../../../../../shared/contract'
import { useRouter } from '../../../app/Router'
import { useFormatters } from '../../../i18n/useFormatters'

/** The last 12 months of billing from the cache: what the client was charged and what the partner earned, per currency. */
export function BillingSection({ profile, clientId }: { profile: ClientProfile; clientId: number }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const { go } = useRouter()
  const headingId = useId()
  const { billing } = profile
  const amounts = (list: ClientProfile['billing']['charges']) => (list.length === 0 ? t('common.none') : list.map((m) => format.money(m)).join(' · '))
  return (
    <section className="detail-section page-section" aria-labelledby={headingId} data-testid="client-billing">
      <h2 id={headingId} className="subsection-title">
        {t('clientPage.billing.title')}
      </h2>
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('clientPage.billing.charges', { date: format.date(billing.since) })}</dt>
          <dd data-testid="billing-charges">{amounts(billing.charges)}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('clientPage.billing.earnings', { date: format.date(billing.since) })}</dt>
          <dd data-testid="billing-earnings">{amounts(billing.earnings)}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('clientPage.billing.lastLine')}</dt>
          <dd>{billing.lastLineAt === null ? t('common.none') : format.date(billing.lastLineAt)}</dd>
        </div>
      </dl>
      <button type="button" className="button" onClick={() => go({ screen: 'billing', clients: [clientId] })} data-testid="client-billing-open">
        {t('clientPage.billing.open')}
      </button>
    </section>
  )
}
