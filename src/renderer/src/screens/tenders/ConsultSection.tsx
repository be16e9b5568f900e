import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MANAGER_URL } from '../../../../shared/links'
import type { Result } from '../../../../shared/result'
import type { TenderDetail } from '../../../../shared/tenders'
import { useApi } from '../../api/ApiContext'
import { useFormatters } from '../../i18n/useFormatters'
import { useSync } from '../../session/SyncContext'

/**
 * Consulting: the full tender is in the Manager while it is valid; what the
 * partner saw there (text and contact) is recorded here with when. Past its
 * validity or once withdrawn it says so; what was seen stays.
 */
export function ConsultSection({ detail, onChanged }: { detail: TenderDetail; onChanged(result: Result<TenderDetail>): void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const api = useApi()
  const [form, setForm] = useState({ fullText: '', contactName: '', contactEmail: '', contactPhone: '' })
  const { availability } = useSync()
  // Where the server offers the tenders endpoint, consulting fetches the tender; else the Manager shows it.
  const fetchable = availability.kind === 'ready' && availability.status.capabilities.tenders.offered === 'yes'
  const field = (name: keyof typeof form) => ({ value: form[name], onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }) })
  return (
    <section className="tender-section" aria-labelledby="tender-consult-title">
      <h3 id="tender-consult-title">{t('tenders.consult.title')}</h3>
      {!detail.consultable && (
        <p className="warning" data-testid="tender-not-consultable">
          {detail.state === 'withdrawn' || detail.remoteState === 'deleted' ? t('tenders.consult.withdrawn') : t('tenders.consult.expired')}
        </p>
      )}
      {detail.revealedAt !== null && <p>{t('tenders.consult.revealedAt', { date: format.dateTime(detail.revealedAt) })}</p>}
      {detail.contact && (
        <p data-testid="tender-contact">
          {detail.contact.name} · {detail.contact.email} · {detail.contact.phone}
        </p>
      )}
      {detail.contactsPurgedAt !== null && <p>{t('tenders.consult.purged', { date: format.date(detail.contactsPurgedAt) })}</p>}
      {detail.fullText && <pre className="tender-text">{detail.fullText}</pre>}
      {detail.consultable && fetchable && (
        <button className="button button-primary" type="button" onClick={() => void api.call('tenders:consult', { id: detail.id }).then(onChanged)} data-testid="tender-consult">
          {t('tenders.consult.fetch')}
        </button>
      )}
      {detail.consultable && !fetchable && (
        <>
          <a href={detail.managerUrl ?? MANAGER_URL} target="_blank" rel="noreferrer" className="manager-link">
            {t('tenders.consult.openManager')}
          </a>
          <form
            className="stack-form"
            onSubmit={(event) => {
              event.preventDefault()
              void api.call('tenders:consult', { id: detail.id, copied: form }).then(onChanged)
            }}
          >
            <p className="hint">{t('tenders.consult.copyHint')}</p>
            <label>
              {t('tenders.consult.fullText')}
              <textarea rows={4} required {...field('fullText')} />
            </label>
            <label>
              {t('tenders.consult.contactName')}
              <input required {...field('contactName')} />
            </label>
            <label>
              {t('tenders.consult.contactEmail')}
              <input type="email" {...field('contactEmail')} />
            </label>
            <label>
              {t('tenders.consult.contactPhone')}
              <input type="tel" {...field('contactPhone')} />
            </label>
            <button className="button" type="submit">{t('tenders.consult.record')}</button>
          </form>
        </>
      )}
    </section>
  )
}
