import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { SERVICE_CATEGORIES, type AccessType, type ServiceCategory } from '../../../../shared/domain'
import { useApi } from '../../api/ApiContext'
import { holdBusy } from '../../app/readiness'
import { Dialog } from '../../components/Dialog'
import { InlineError } from '../../components/InlineError'
import { ManagerLink } from '../../components/ManagerLink'
import { useFormatters } from '../../i18n/useFormatters'
import { useCapability } from '../../session/useCapability'

/** A light check before the core's (zod's) own: something@something.tld. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * "Add a client": asks the organization behind an e-mail for access (the
 * access type and services asked; the client may grant otherwise). Goes
 * through the outbox where the server offers it, else the Manager does it.
 */
export function RequestClient() {
  const { t } = useTranslation()
  const offered = useCapability('partnerships')
  const [open, setOpen] = useState(false)
  const [sent, setSent] = useState<string | null>(null)
  if (offered === 'not_offered')
    return (
      <span className="muted" data-testid="client-request-not-offered">
        {t('clients.request.there')} <ManagerLink />
      </span>
    )
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="client-request">
        {t('clients.request.open')}
      </button>
      {sent !== null && (
        <span role="status" className="muted" data-testid="client-request-queued">
          {t('clients.request.queued', { email: sent })}
        </span>
      )}
      {open && (
        <RequestDialog
          onClose={(email) => {
            setOpen(false)
            if (email !== null) setSent(email)
          }}
        />
      )}
    </>
  )
}

function RequestDialog({ onClose }: { onClose(sent: string | null): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const emailId = useId()
  const messageId = useId()
  const emailRef = useRef<HTMLInputElement>(null)
  const [email, setEmail] = useState('')
  const [access, setAccess] = useState<AccessType>('complete')
  const [categories, setCategories] = useState<ServiceCategory[]>([])
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const label = (category: ServiceCategory) => (category === 'other' ? t('clients.filters.otherCategory') : t(`clientDetail.service.${category}`))

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const address = email.trim()
    if (!EMAIL.test(address)) return setError(t('clients.request.emailInvalid'))
    if (access === 'limited' && categories.length === 0) return setError(t('clients.request.categoriesRequired'))
    // The endpoint takes a message: the services asked for are said in it, in the user's language.
    const asked = access === 'limited' ? t('clients.request.servicesLine', { services: format.list(categories.map(label)) }) : ''
    const message = [asked, note.trim()].filter((part) => part !== '').join('\n\n').slice(0, 2000)
    setBusy(true)
    const release = holdBusy()
    const result = await api.call('changes:submit', { change: { kind: 'client.request', email: address, accessType: access, categories, message } })
    release()
    setBusy(false)
    if (result.ok) onClose(address)
    else setError(t('clientDetail.changeFailed', { message: result.error.message }))
  }

  return (
    <Dialog title={t('clients.request.title')} onCancel={() => onClose(null)} initialFocus={emailRef} testId="client-request-dialog">
      <form onSubmit={(event) => void submit(event)} className="request-form" noValidate>
        <label htmlFor={emailId}>{t('clients.request.email')}</label>
        <input
          id={emailId}
          ref={emailRef}
          type="email"
          className="input"
          value={email}
          maxLength={254}
          autoComplete="off"
          onChange={(event) => setEmail(event.target.value)}
          data-testid="client-request-email"
        />
        <fieldset>
          <legend>{t('clients.request.access')}</legend>
          {(['complete', 'limited'] as const).map((value) => (
            <label key={value} className="checkbox">
              <input type="radio" name="access" checked={access === value} onChange={() => setAccess(value)} data-testid={`client-request-access-${value}`} />
              {t(`clients.access.${value}`)}
            </label>
          ))}
        </fieldset>
        {access === 'limited' && (
          <fieldset className="request-categories">
            <legend>{t('clients.request.categories')}</legend>
            {SERVICE_CATEGORIES.filter((category) => category !== 'other').map((category) => (
              <label key={category} className="checkbox">
                <input
                  type="checkbox"
                  checked={categories.includes(category)}
                  onChange={(event) =>
                    setCategories((current) => (event.target.checked ? [...current, category] : current.filter((c) => c !== category)))
                  }
                  data-testid="client-request-category"
                  data-category={category}
                />
                {label(category)}
              </label>
            ))}
          </fieldset>
        )}
        <label htmlFor={messageId}>{t('clients.request.message')}</label>
        <textarea id={messageId} className="input notes-input" rows={3} maxLength={1500} value={note} onChange={(event) => setNote(event.target.value)} />
        <p className="muted">{t('clients.request.hint')}</p>
        {error !== null && <InlineError message={error} onDismiss={() => setError(null)} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onClose(null)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="client-request-submit">
            {t('clients.request.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
