import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientProfile } from '../../../../../shared/contract'
import { useApi } from '../../../api/ApiContext'
import { holdBusy } from '../../../app/readiness'
import { InlineError } from '../../../components/InlineError'
import { useFormatters } from '../../../i18n/useFormatters'

const NOTE_MAX = 20_000

/** The partner's own notes: kept on this computer only, found by the clients search. */
export function NotesSection({ clientId, note }: { clientId: number; note: ClientProfile['note'] }) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const headingId = useId()
  const fieldId = useId()
  const [body, setBody] = useState(note?.body ?? '')
  const [saved, setSaved] = useState(note)
  const [error, setError] = useState<string | null>(null)
  const dirty = body !== (saved?.body ?? '')
  const save = async (): Promise<void> => {
    const release = holdBusy()
    const result = await api.call('notes:set', { clientId, body })
    release()
    if (result.ok) {
      setSaved(result.value)
      setError(null)
    } else setError(result.error.message)
  }
  return (
    <section className="detail-section page-section" aria-labelledby={headingId} data-testid="client-notes">
      <h2 id={headingId} className="subsection-title">
        {t('clientPage.notes.title')}
      </h2>
      <label htmlFor={fieldId} className="field-hint">
        {t('clientPage.notes.hint')}
      </label>
      <textarea
        id={fieldId}
        className="input notes-input"
        value={body}
        maxLength={NOTE_MAX}
        rows={5}
        onChange={(event) => setBody(event.target.value)}
        data-testid="client-notes-input"
      />
      <div className="inline-form">
        <button type="button" className="button button-primary" disabled={!dirty} onClick={() => void save()} data-testid="client-notes-save">
          {t('clientPage.notes.save')}
        </button>
        <span className="muted" role="status" data-testid="client-notes-status">
          {dirty ? t('clientPage.notes.unsaved') : saved ? t('clientPage.notes.savedAt', { date: format.dateTime(saved.updatedAt) }) : ''}
        </span>
      </div>
      {error !== null && <InlineError message={t('clientPage.notes.failed', { message: error })} onDismiss={() => setError(null)} />}
    </section>
  )
}
