import { useTranslation } from 'react-i18next'
import { MANAGER_URL } from '../../../../shared/links'
import type { TenderDetail } from '../../../../shared/tenders'

/**
 * A won tender becomes an "add a client" request, prefilled from what the
 * tender revealed; the partner sends it from the Manager (only its legal
 * representatives can add clients).
 */
export function WonSection({ detail }: { detail: TenderDetail }) {
  const { t } = useTranslation()
  if (detail.state !== 'won') return null
  const message = t('tenders.won.message', { title: detail.title })
  return (
    <section className="tender-section" aria-labelledby="tender-won-title" data-testid="tender-won">
      <h3 id="tender-won-title">{t('tenders.won.title')}</h3>
      <dl className="facts">
        <dt>{t('tenders.won.email')}</dt>
        <dd>{detail.contact?.email ?? t('tenders.won.noContact')}</dd>
        <dt>{t('tenders.won.access')}</dt>
        <dd>{t('tenders.won.complete')}</dd>
        <dt>{t('tenders.won.messageLabel')}</dt>
        <dd>{message}</dd>
      </dl>
      <button className="button" type="button" onClick={() => void navigator.clipboard?.writeText(`${detail.contact?.email ?? ''}\n${message}`).catch(() => undefined)}>
        {t('tenders.won.copy')}
      </button>{' '}
      <a href={MANAGER_URL} target="_blank" rel="noreferrer" className="manager-link">
        {t('tenders.won.openManager')}
      </a>
    </section>
  )
}
