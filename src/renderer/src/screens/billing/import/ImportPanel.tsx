import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChosenFile, CurrencyTotals, ImportRecord, UnmatchedLine } from '../../../../../shared/billing-import'
import type { Currency } from '../../../../../shared/domain'
import type { AppError } from '../../../../../shared/result'
import { useApi } from '../../../api/ApiContext'
import { useCoreLoad } from '../../../app/useCoreLoad'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { InlineError } from '../../../components/InlineError'
import { useFormatters } from '../../../i18n/useFormatters'
import { ImportDialog } from './ImportDialog'
import { useMoney } from '../money'
import './imports.css'

/**
 * The Manager's CSV exports into the cache: choose a file (the app's open
 * dialog), preview and import it, and the imports made, each undoable.
 */
export function ImportPanel() {
  const { t } = useTranslation()
  const api = useApi()
  const history = useCoreLoad(() => api.call('imports:list', {}), 'imports')
  const [chosen, setChosen] = useState<ChosenFile | null>(null)
  const [choosing, setChoosing] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [undoing, setUndoing] = useState<ImportRecord | null>(null)
  const [undoBusy, setUndoBusy] = useState(false)

  const choose = async () => {
    setChoosing(true)
    setError(null)
    const result = await api.call('imports:chooseFile', {})
    setChoosing(false)
    if (!result.ok) setError(result.error)
    else if (result.value) setChosen(result.value)
  }

  const undo = async (record: ImportRecord) => {
    setUndoBusy(true)
    const result = await api.call('imports:undo', { id: record.id })
    setUndoBusy(false)
    setUndoing(null)
    if (!result.ok) setError(result.error)
    history.reload()
  }

  return (
    <section className="import-panel" aria-labelledby="imports-title" data-testid="imports">
      <h2 id="imports-title" className="section-title">
        {t('imports.title')}
      </h2>
      <p className="muted">{t('imports.intro')}</p>
      <button type="button" className="button button-primary" disabled={choosing} onClick={() => void choose()} data-testid="import-choose">
        {choosing ? t('imports.choosing') : t('imports.choose')}
      </button>
      {error && <InlineError message={t('imports.failed', { message: error.message })} onDismiss={() => setError(null)} />}
      {history.error && <InlineError message={t('imports.failed', { message: history.error.message })} onRetry={history.reload} />}
      {history.value && <ImportHistory records={history.value} onUndo={setUndoing} />}
      {chosen && (
        <ImportDialog
          file={chosen}
          onClose={(imported) => {
            setChosen(null)
            if (imported) history.reload()
          }}
        />
      )}
      {undoing && (
        <ConfirmDialog
          title={t('imports.undoTitle')}
          body={t('imports.undoBody', { file: undoing.fileName })}
          confirmLabel={t('imports.undo')}
          busy={undoBusy}
          onConfirm={() => void undo(undoing)}
          onCancel={() => setUndoing(null)}
          testId="import-undo-confirm"
        />
      )}
    </section>
  )
}

function Totals({ totals }: { totals: CurrencyTotals }) {
  const money = useMoney()
  const entries = Object.entries(totals) as Array<[Currency, number]>
  return <>{entries.map(([currency, minor]) => money(minor, currency)).join(' · ')}</>
}

function ImportHistory({ records, onUndo }: { records: ImportRecord[]; onUndo(record: ImportRecord): void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const [open, setOpen] = useState<number | null>(null)
  if (records.length === 0) return <p className="muted" data-testid="imports-empty">{t('imports.historyEmpty')}</p>
  return (
    <div className="import-table-wrap">
      <table className="import-table" data-testid="imports-history">
        <caption>{t('imports.historyTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.history.file')}</th>
            <th scope="col">{t('imports.history.when')}</th>
            <th scope="col">{t('imports.history.period')}</th>
            <th scope="col" className="numeric">
              {t('imports.history.added')}
            </th>
            <th scope="col">{t('imports.history.totals')}</th>
            <th scope="col">{t('imports.history.state')}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <ImportRow key={record.id} record={record} open={open === record.id} onToggle={() => setOpen(open === record.id ? null : record.id)} onUndo={onUndo} format={format} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ImportRow({
  record,
  open,
  onToggle,
  onUndo,
  format,
}: {
  record: ImportRecord
  open: boolean
  onToggle(): void
  onUndo(record: ImportRecord): void
  format: ReturnType<typeof useFormatters>
}) {
  const { t } = useTranslation()
  return (
    <>
      <tr data-testid="import-record">
        <td>
          {record.fileName}
          <br />
          <span className="muted import-hash" title={record.sha256}>
            SHA-256 {record.sha256.slice(0, 12)}…
          </span>
        </td>
        <td>
          <time dateTime={format.iso(record.importedAt)}>{format.dateTime(record.importedAt)}</time>
        </td>
        <td>{record.periodFrom !== null && record.periodTo !== null ? `${format.date(record.periodFrom)} – ${format.date(record.periodTo)}` : t('common.none')}</td>
        <td className="numeric">
          {t('imports.addedOf', { added: format.number(record.added), rows: format.number(record.rows) })}
        </td>
        <td>
          <Totals totals={record.totals} />
        </td>
        <td>
          {record.undoneAt !== null ? (
            <span data-testid="import-undone">{t('imports.undoneAt', { date: format.dateTime(record.undoneAt) })}</span>
          ) : (
            <div className="import-actions">
              {record.unmatched > 0 && (
                <button type="button" className="button button-quiet" aria-expanded={open} onClick={onToggle} data-testid="import-unmatched-toggle">
                  {t('imports.unmatchedCount', { number: format.number(record.unmatched) })}
                </button>
              )}
              <button type="button" className="button" onClick={() => onUndo(record)} data-testid="import-undo">
                {t('imports.undo')}
              </button>
            </div>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={6}>
            <UnmatchedLines importId={record.id} />
          </td>
        </tr>
      )}
    </>
  )
}

function UnmatchedLines({ importId }: { importId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const money = useMoney()
  const [lines, setLines] = useState<UnmatchedLine[] | null>(null)
  const [total, setTotal] = useState(0)
  useEffect(() => {
    void api.call('imports:unmatched', { importId, limit: 200 }).then((result) => {
      if (result.ok) {
        setLines(result.value.lines)
        setTotal(result.value.total)
      }
    })
  }, [api, importId])
  if (lines === null) return null
  return (
    <div data-testid="import-unmatched">
      <p className="muted">{t('imports.unmatchedIntro', { shown: format.number(lines.length), total: format.number(total) })}</p>
      <ul className="import-unmatched-list">
        {lines.map((line) => (
          <li key={line.id}>
            {t('imports.unmatchedLine', {
              line: line.line,
              client: line.clientName || line.clientRef,
              date: format.date(line.occurredAt),
              amount: money(line.netMinor, line.currency),
            })}
          </li>
        ))}
      </ul>
    </div>
  )
}
