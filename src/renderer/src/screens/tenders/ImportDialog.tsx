import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EmailReading } from '../../../../shared/tenders'
import { useApi } from '../../api/ApiContext'
import { Dialog } from '../../components/Dialog'
import { InlineError } from '../../components/InlineError'
import { useFormatters } from '../../i18n/useFormatters'
import { Budget } from './bits'

/** A file's bytes as base64: the core decodes the message's own charset, not the browser. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Tenders from notification e-mails: files dropped or chosen, or the text
 * pasted. What was recognised is shown for confirmation before anything is
 * stored; duplicates and messages that are no tender say so.
 */
export function ImportDialog({ files, onDone, onCancel }: { files: File[]; onDone(added: number[]): void; onCancel(): void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const api = useApi()
  const [pasted, setPasted] = useState('')
  const [reading, setReading] = useState<EmailReading | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const picker = useRef<HTMLInputElement>(null)

  const read = async (chosen: File[], text: string) => {
    setBusy(true)
    setError(null)
    const messages = [
      ...(await Promise.all(chosen.map(async (file) => ({ name: file.name, base64: await base64Of(file) })))),
      ...(text.trim() === '' ? [] : [{ name: t('tenders.import.pastedName'), text }]),
    ]
    if (messages.length === 0) return setBusy(false)
    const result = await api.call('tenders:readEmail', { messages })
    setBusy(false)
    if (result.ok) setReading(result.value)
    else setError(result.error.message)
  }
  useEffect(() => {
    if (files.length > 0) void read(files, '')
    // Files dropped on the inbox are read once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const fresh = reading?.drafts.filter((d) => d.duplicateOf === null) ?? []
  return (
    <Dialog title={t('tenders.import.title')} onCancel={onCancel} testId="tender-import" className="dialog-wide">
      {error && <InlineError message={error} />}
      {reading === null ? (
        <form
          className="stack-form"
          onSubmit={(event) => {
            event.preventDefault()
            void read([...(picker.current?.files ?? [])], pasted)
          }}
        >
          <label>
            {t('tenders.import.files')}
            <input ref={picker} type="file" accept=".eml,message/rfc822" multiple data-testid="tender-import-files" />
          </label>
          <label>
            {t('tenders.import.paste')}
            <textarea rows={8} value={pasted} onChange={(e) => setPasted(e.target.value)} data-testid="tender-import-text" />
          </label>
          <div className="dialog-actions">
            <button className="button" type="button" onClick={onCancel}>
              {t('tenders.cancel')}
            </button>
            <button className="button" type="submit" disabled={busy} data-testid="tender-import-read">
              {t('tenders.import.read')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {reading.problems.length > 0 && (
            <ul className="import-problems" data-testid="tender-import-problems">
              {reading.problems.map((problem, i) => (
                <li key={i}>
                  <strong>{problem.name}</strong>: {problem.message}
                </li>
              ))}
            </ul>
          )}
          <table className="import-drafts" data-testid="tender-import-drafts">
            <thead>
              <tr>
                <th scope="col">{t('tenders.field.title')}</th>
                <th scope="col">{t('tenders.field.category')}</th>
                <th scope="col">{t('tenders.field.budget')}</th>
                <th scope="col">{t('tenders.field.region')}</th>
                <th scope="col">{t('tenders.field.language')}</th>
                <th scope="col">{t('tenders.field.validUntil')}</th>
                <th scope="col">{t('tenders.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {reading.drafts.map((draft) => (
                <tr key={draft.key}>
                  <td>{draft.title}</td>
                  <td>{draft.category}</td>
                  <td>
                    <Budget budget={draft.budgetMin === null ? null : { min: draft.budgetMin, max: draft.budgetMax ?? draft.budgetMin, currency: draft.currency }} />
                  </td>
                  <td>{draft.region ?? '—'}</td>
                  <td>{draft.language?.toUpperCase() ?? '—'}</td>
                  <td>{format.date(draft.validUntil)}</td>
                  <td>{draft.duplicateOf === null ? t('tenders.import.willAdd') : t('tenders.import.duplicate')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dialog-actions">
            <button className="button" type="button" onClick={onCancel}>
              {t('tenders.cancel')}
            </button>
            <button
              className="button"
              type="button"
              disabled={fresh.length === 0 || busy}
              data-testid="tender-import-confirm"
              onClick={() => {
                setBusy(true)
                const drafts = fresh.map(({ name: _name, duplicateOf: _duplicate, ...draft }) => draft)
                void api.call('tenders:addFromEmail', { drafts }).then((result) => {
                  setBusy(false)
                  if (result.ok) onDone(result.value.added)
                  else setError(result.error.message)
                })
              }}
            >
              {t('tenders.import.add', { count: fresh.length })}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}
