import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../components/Dialog'

/** Declining asks why (kept with the tender); Enter declines, Escape keeps it. */
export function DeclineDialog({ title, onDecline, onCancel }: { title: string; onDecline(reason: string): void; onCancel(): void }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const field = useRef<HTMLInputElement>(null)
  return (
    <Dialog title={t('tenders.decline.title', { title })} onCancel={onCancel} initialFocus={field} testId="tender-decline">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (reason.trim() !== '') onDecline(reason.trim())
        }}
      >
        <label htmlFor="tender-decline-reason">{t('tenders.decline.reason')}</label>
        <input id="tender-decline-reason" ref={field} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} data-testid="tender-decline-reason" />
        <div className="dialog-actions">
          <button className="button" type="button" onClick={onCancel}>
            {t('tenders.cancel')}
          </button>
          <button className="button" type="submit" disabled={reason.trim() === ''} data-testid="tender-decline-confirm">
            {t('tenders.decline.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
