import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/ApiContext'
import { useCacheInfo } from '../../../app/CacheInfoContext'
import { canGoBack, useRouter } from '../../../app/Router'
import { useCoreLoad } from '../../../app/useCoreLoad'
import { InlineError } from '../../../components/InlineError'
import { ManagerLink } from '../../../components/ManagerLink'
import { useSync } from '../../../session/SyncContext'
import { BillingSection } from './BillingSection'
import { NotesSection } from './NotesSection'
import { OrganizationSection } from './OrganizationSection'
import { PartnershipSection } from './PartnershipSection'
import { ProductsSection } from './ProductsSection'
import { TagsSection } from './TagsSection'
import { TimelineSection } from './TimelineSection'
import { useSubmit, type Section } from './useSubmit'

function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, dialog') !== null)
}

/**
 * One client on its own page (route `clients/ID`): its organization, the
 * collaboration in plain words, products by category, tags, timeline,
 * billing and notes. Back (the button, Escape, Alt+Left) returns to the
 * table as it was.
 */
export function ClientPage({ clientId }: { clientId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const { back, go } = useRouter()
  const { generation } = useCacheInfo()
  const key = `${clientId}:${generation}`
  const detail = useCoreLoad(() => api.call('clients:get', { id: clientId }), key)
  const profile = useCoreLoad(() => api.call('clients:profile', { id: clientId }), key)
  useReadDetailsOnOpen(clientId, detail.value?.detailsAt)
  const { busy, failure, setFailure, submit } = useSubmit()
  const leave = (): void => (canGoBack() ? back() : go('clients'))
  const leaveRef = useRef(leave)
  leaveRef.current = leave

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTextEntry(event.target)) return
      event.preventDefault()
      leaveRef.current()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  const errorOf = (section: Section) =>
    failure?.section === section ? (
      <div data-testid={`${section}-error`}>
        <InlineError message={t('clientDetail.changeFailed', { message: failure.message })} onDismiss={() => setFailure(null)} />
        {failure.notOffered && <ManagerLink />}
      </div>
    ) : null

  const value = detail.value
  const facts = profile.value
  const error = detail.error ?? profile.error
  return (
    <section className="screen client-page" aria-labelledby="client-page-title" data-testid="client-detail" data-client-id={clientId}>
      <div className="screen-head">
        <button type="button" className="button button-quiet" onClick={leave} aria-keyshortcuts="Escape Alt+ArrowLeft" data-testid="client-detail-close">
          {t('clientPage.back')}
        </button>
        <h1 id="client-page-title" className="screen-title" tabIndex={-1}>
          {value?.client.name ?? t('clientDetail.loading')}
        </h1>
      </div>
      {error && (
        <InlineError
          message={t('clientDetail.loadError', { message: error.message })}
          onRetry={() => {
            detail.reload()
            profile.reload()
          }}
        />
      )}
      {value === null || facts === null ? (
        (detail.loading || profile.loading) && (
          <p role="status" className="muted">
            {t('clientDetail.loading')}
          </p>
        )
      ) : (
        <div className="client-page-body">
          <PartnershipSection detail={value} profile={facts} busy={busy} submit={submit} error={errorOf('partnership')} />
          <OrganizationSection detail={value} profile={facts} />
          <ProductsSection detail={value} profile={facts} busy={busy} submit={submit} error={errorOf('products')} />
          <TagsSection
            detail={value}
            busy={busy}
            submit={submit}
            error={errorOf('tags')}
            onLocalError={(message) => setFailure({ section: 'tags', message, notOffered: false })}
          />
          <BillingSection profile={facts} clientId={clientId} />
          <TimelineSection profile={facts} clientName={value.client.name} />
          <NotesSection key={`${clientId}:${facts.note?.updatedAt ?? 0}`} clientId={clientId} note={facts.note} />
        </div>
      )}
    </section>
  )
}

/**
 * A client whose own record (addresses, VAT) was never read gets it read now,
 * once per opening, when an account is active; `cache:changed` then shows it.
 */
function useReadDetailsOnOpen(clientId: number, detailsAt: number | null | undefined): void {
  const api = useApi()
  const { availability } = useSync()
  const account = availability.kind === 'ready'
  const asked = useRef<number | null>(null)
  useEffect(() => {
    if (!account || detailsAt !== null || asked.current === clientId) return
    asked.current = clientId
    void api.call('clients:refreshDetails', { id: clientId })
  }, [api, account, clientId, detailsAt])
}
