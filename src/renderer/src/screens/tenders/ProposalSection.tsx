import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MANAGER_URL } from '../../../../shared/links'
import { TENDER_LANGUAGES, type TenderDetail, type TenderLanguage } from '../../../../shared/tenders'
import { useApi } from '../../api/ApiContext'
import { InlineError } from '../../components/InlineError'
import { useSync } from '../../session/SyncContext'

/**
 * The proposal, drafted offline from a template in the client's language.
 * The published API cannot send it: it is copied to the clipboard and the
 * Manager opens on the tender, where the partner pastes it.
 */
export function ProposalSection({ detail, onSent }: { detail: TenderDetail; onSent(): void }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const fallback = (TENDER_LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as TenderLanguage) : 'en'
  const [language, setLanguage] = useState<TenderLanguage>(detail.language ?? fallback)
  const [text, setText] = useState(detail.proposal)
  const [error, setError] = useState<string | null>(null)
  const [sent, setSent] = useState<{ via: 'outbox' } | { via: 'clipboard'; managerUrl: string } | null>(null)
  const { availability } = useSync()
  // Where the server takes proposals, they go through the pending changes (sent when online); else through the Manager.
  const sendable = availability.kind === 'ready' && availability.status.capabilities.tenders.offered === 'yes'
  useEffect(() => {
    if (detail.proposal !== '') return setText(detail.proposal)
    void api.call('tenders:draftProposal', { id: detail.id, language }).then((result) => result.ok && setText(result.value.text))
  }, [api, detail.id, detail.proposal, language])
  if (detail.revealedAt === null) return null
  return (
    <section className="tender-section" aria-labelledby="tender-proposal-title">
      <h3 id="tender-proposal-title">{t('tenders.proposal.title')}</h3>
      <label>
        {t('tenders.proposal.language')}
        <select value={language} onChange={(e) => setLanguage(e.target.value as TenderLanguage)} disabled={detail.proposal !== ''}>
          {TENDER_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`tenders.language.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('tenders.proposal.text')}
        <textarea rows={10} value={text} onChange={(e) => setText(e.target.value)} data-testid="tender-proposal-text" />
      </label>
      <p className="hint">{t('tenders.proposal.rule')}</p>
      <button
        className="button"
        type="button"
        disabled={text.trim() === ''}
        onClick={() => {
          if (sendable) {
            void api.call('changes:submit', { change: { kind: 'tender.propose', tenderId: detail.id, text } }).then((result) => {
              if (!result.ok) return setError(result.error.message)
              setSent({ via: 'outbox' })
              onSent()
            })
            return
          }
          void api.call('tenders:sendProposal', { id: detail.id, text }).then(async (result) => {
            if (!result.ok) return setError(result.error.message)
            // The clipboard may be refused (no focus, no permission): the text stays on screen to copy by hand.
            await navigator.clipboard?.writeText(text).catch(() => undefined)
            setSent(result.value.via === 'clipboard' ? result.value : { via: 'clipboard', managerUrl: MANAGER_URL })
            onSent()
          })
        }}
      >
        {t('tenders.proposal.send')}
      </button>
      {error && <InlineError message={error} />}
      {sent?.via === 'outbox' && <p role="status">{t('tenders.proposal.queued')}</p>}
      {sent?.via === 'clipboard' && (
        <p role="status">
          {t('tenders.proposal.copied')}{' '}
          <a href={sent.managerUrl} target="_blank" rel="noreferrer" className="manager-link">
            {t('tenders.consult.openManager')}
          </a>
        </p>
      )}
    </section>
  )
}
