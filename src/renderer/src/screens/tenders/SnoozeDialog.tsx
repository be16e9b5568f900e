import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../components/Dialog'

const DAY = 86_400
const isoDay = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(0, 10)

/** Snooze until a day (the morning of it, UTC), never past the tender's validity; three days by default. */
export function SnoozeDialog({ now, validUntil, onSnooze, onCancel }: { now: number; validUntil: number; onSnooze(until: number): void; onCancel(): void }) {
  const { t } = useTranslation()
  const latest = validUntil - 1
  // Three days from now by default; a day picked means its morning (UTC), and never past the validity.
  const [until, setUntil] = useState(Math.min(now + 3 * DAY, latest))
  const field = useRef<HTMLInputElement>(null)
  const valid = Number.isFinite(until) && until > now
  return (
    <Dialog title={t('tenders.snooze.title')} onCancel={onCancel} initialFocus={field} testId="tender-snooze">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (valid) onSnooze(until)
        }}
      >
        <label htmlFor="tender-snooze-until">{t('tenders.snooze.until')}</label>
        <input id="tender-snooze-until" ref={field} type="date" value={Number.isFinite(until) ? isoDay(until) : ''}
          min={isoDay(now)}
          max={isoDay(latest)}
          onChange={(e) => setUntil(/^\d{4}-\d{2}-\d{2}$/.test(e.target.value) ? Math.min(Date.parse(`${e.target.value}T06:00:00Z`) / 1000, latest) : Number.NaN)}
        />
        <p className="hint">{t('tenders.snooze.hint')}</p>
        <div className="dialog-actions">
          <button className="button" type="button" onClick={onCancel}>
            {t('tenders.cancel')}
          </button>
          <button className="button" type="submit" disabled={!valid} data-testid="tender-snooze-confirm">
            {t('tenders.snooze.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
