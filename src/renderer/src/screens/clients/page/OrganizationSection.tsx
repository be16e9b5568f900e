import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientDetail, ClientProfile } from '../../../../../shared/contract'
import { useFormatters } from '../../../i18n/useFormatters'
import { useSync } from '../../../session/SyncContext'

/** The client's own record: legal form, VAT number (checked), representatives, addresses, currency. */
export function OrganizationSection({ detail, profile }: { detail: ClientDetail; profile: ClientProfile }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const headingId = useId()
  // The demo data has no Infomaniak record behind it to read.
  const account = useSync().availability.kind === 'ready'
  const organization = profile.organization
  const vat = organization.vat
  return (
    <section className="detail-section page-section" aria-labelledby={headingId} data-testid="client-organization">
      <h2 id={headingId} className="subsection-title">
        {t('clientPage.organization.title')}
      </h2>
      <dl className="facts client-facts" data-testid="client-detail-facts">
        {account && (
          <div className="facts-row">
            <dt>{t('clientDetail.detailsAsOf')}</dt>
            <dd data-testid="client-detail-details-at">{detail.detailsAt === null ? t('clientDetail.detailsNotRead') : format.dateTime(detail.detailsAt)}</dd>
          </div>
        )}
        <div className="facts-row">
          <dt>{t('clientPage.organization.legalEntity')}</dt>
          <dd>{t(`clientPage.organization.entity.${organization.legalEntityType}`)}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('clients.columns.vatNumber')}</dt>
          <dd data-testid="client-detail-vat">
            {organization.vatNumber ?? t('common.none')}
            {vat.state !== 'none' && (
              <span className={vat.state === 'valid' ? 'vat-check' : 'vat-check vat-check-warning'} data-testid="vat-check" data-state={vat.state}>
                {' · '}
                {vat.state === 'valid' && t('clientPage.organization.vat.valid', { country: vat.country })}
                {vat.state === 'invalid' && t('clientPage.organization.vat.invalid', { country: vat.country })}
                {vat.state === 'other_country' && t('clientPage.organization.vat.otherCountry', { country: vat.country, expected: vat.expected })}
                {vat.state === 'unsupported' && t('clientPage.organization.vat.unsupported')}
              </span>
            )}
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('clientPage.organization.currency')}</dt>
          <dd data-testid="client-currency">{organization.currency}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('clientPage.organization.representatives')}</dt>
          <dd data-testid="client-representatives">
            {organization.representatives.length === 0
              ? t('common.none')
              : format.list(organization.representatives.map((r) => `${r.firstName} ${r.lastName} <${r.email}>`))}
          </dd>
        </div>
        {organization.addresses.map((address, index) => (
          <div className="facts-row" key={index}>
            <dt>{address.forInvoice ? t('clientPage.organization.invoiceAddress') : t('clientPage.organization.address')}</dt>
            <dd data-testid={address.forInvoice ? 'client-invoice-address' : 'client-address'}>
              {`${address.street}, ${address.postalCode} ${address.city}, ${address.country}`}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
