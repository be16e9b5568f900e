import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientDetail, ClientProfile } from '../../../../../shared/contract'
import { partnershipTerms } from '../../../../../shared/partnership'
import { ManagerLink } from '../../../components/ManagerLink'
import { useFormatters } from '../../../i18n/useFormatters'
import { useCapability } from '../../../session/useCapability'
import { StopCollaboration } from './StopCollaboration'
import type { ChangingSectionProps } from './useSubmit'

/** The collaboration in plain words (DOMAIN.md), its facts, and what the partner can do about it. */
export function PartnershipSection({ detail, profile, busy, submit, error }: ChangingSectionProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const headingId = useId()
  const partnership = profile.partnership
  const terms = partnershipTerms(partnership.accessType, partnership.paymentMode)
  const offered = useCapability('partnerships')
  const invited = partnership.status === 'invited' || partnership.status === 'pending'
  return (
    <section className="detail-section page-section" aria-labelledby={headingId} data-testid="client-partnership">
      <h2 id={headingId} className="subsection-title">
        {t('clientDetail.partnershipTitle')}
      </h2>
      <p className="partnership-sentence" data-testid="partnership-sentence" data-kind={terms.kind}>
        {t(`clientPage.sentence.${terms.kind}`)}
      </p>
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('clients.columns.status')}</dt>
          <dd data-testid="client-detail-status" data-status={partnership.status}>
            <span className={`status status-${partnership.status}`}>{t(`clients.status.${partnership.status}`)}</span>
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('clients.columns.access')}</dt>
          <dd data-testid="client-detail-access">{t(`clients.access.${partnership.accessType}`)}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('clients.columns.payment')}</dt>
          <dd data-testid="client-detail-payment">{partnership.paymentMode === null ? t('common.none') : t(`clients.payment.${partnership.paymentMode}`)}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('clientPage.partnership.since')}</dt>
          <dd>
            {format.date(partnership.since)}
            {partnership.until !== null && ` – ${format.date(partnership.until)}`}
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('clientPage.partnership.mayOrder')}</dt>
          <dd data-testid="partnership-may-order">{terms.mayOrderAndRenew ? t('clientPage.partnership.yes') : t('clientPage.partnership.no')}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('clientPage.partnership.incomes')}</dt>
          <dd>{format.money(partnership.incomes)}</dd>
        </div>
        {terms.discountOnOwnOrders && (
          <div className="facts-row">
            <dt>{t('clientPage.partnership.discounts')}</dt>
            <dd>{format.money(partnership.discounts)}</dd>
          </div>
        )}
      </dl>
      {profile.requested !== null && <RequestedVsGranted profile={profile} detail={detail} />}
      {error}
      {invited && offered === 'not_offered' && (
        <p className="muted" data-testid="invitation-not-offered">
          {t('clientPage.partnership.answerThere')} <ManagerLink />
        </p>
      )}
      {invited && offered !== 'not_offered' && (
        <div className="inline-form" role="group" aria-label={t('clientPage.partnership.answerLabel')}>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void submit('partnership', { kind: 'invitation.accept', partnershipId: detail.partnershipId })}
            data-testid="invitation-accept"
          >
            {t('clientPage.partnership.accept')}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void submit('partnership', { kind: 'invitation.decline', partnershipId: detail.partnershipId })}
            data-testid="invitation-decline"
          >
            {t('clientPage.partnership.decline')}
          </button>
        </div>
      )}
      {partnership.status === 'active' && offered === 'not_offered' && (
        <p className="muted" data-testid="partnership-stop-not-offered">
          {t('manager.stopThere')} <ManagerLink />
        </p>
      )}
      {partnership.status === 'active' && offered !== 'not_offered' && <StopCollaboration detail={detail} busy={busy} submit={submit} />}
      {partnership.status === 'ended' && (
        <p className="muted" data-testid="partnership-inactive">
          {t('clientDetail.notActive', { status: t(`clients.status.${partnership.status}`) })}
        </p>
      )}
    </section>
  )
}

/** "Add a client" asked for one thing; the client may grant another (DOMAIN.md): say both, and what was asked but not delegated. */
function RequestedVsGranted({ profile, detail }: { profile: ClientProfile; detail: ClientDetail }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const requested = profile.requested!
  const granted = profile.partnership.accessType
  const delegated = new Set(detail.products.filter((p) => p.managedByPartner).map((p) => p.service))
  const missing = granted === 'limited' ? requested.categories.filter((category) => !delegated.has(category)) : []
  const label = (category: string) => (category === 'other' ? t('clients.filters.otherCategory') : t(`clientDetail.service.${category as 'domain'}`))
  const differs = requested.accessType !== granted || missing.length > 0
  return (
    <p className={differs ? 'requested requested-differs' : 'requested'} data-testid="requested-vs-granted" data-differs={differs ? 'yes' : 'no'}>
      {t('clientPage.partnership.requested', {
        asked: t(`clients.access.${requested.accessType}`),
        date: format.date(requested.at),
        granted: t(`clients.access.${granted}`),
      })}
      {missing.length > 0 && ` ${t('clientPage.partnership.notDelegated', { categories: format.list(missing.map(label)) })}`}
    </p>
  )
}
