import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  IMPORT_FIELDS,
  type ChosenFile,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
  type ImportProblem,
  type ImportRecord,
} from '../../../../../shared/billing-import'
import { HISTORY_TYPES, type HistoryType } from '../../../../../shared/domain'
import type { AppError } from '../../../../../shared/result'
import { useApi } from '../../../api/ApiContext'
import { Dialog } from '../../../components/Dialog'
import { InlineError } from '../../../components/InlineError'
import { useFormatters } from '../../../i18n/useFormatters'
import { useMoney } from '../money'
import { problemText } from './problemText'

type Phase =
  | { kind: 'preview' }
  | { kind: 'importing'; percent: number }
  | { kind: 'done'; record: ImportRecord }
  | { kind: 'refused'; problems: ImportProblem[] }

const DELIMITER_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const

/**
 * A chosen file before anything is written: how it was read, the column of
 * each field (correctable, and savable for files of the same shape), its
 * first rows as they would be stored; then the import with its progress.
 */
export function ImportDialog({ file, onClose }: { file: ChosenFile; onClose(imported: boolean): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const money = useMoney()
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  /** null until the user changes a column: the preview's own mapping stands. */
  const [mapping, setMapping] = useState<ImportMapping | null>(null)
  const [fixedType, setFixedType] = useState<HistoryType | null | undefined>(undefined)
  const [error, setError] = useState<AppError | null>(null)
  const [phase, setPhase] = useState<Phase>({ kind: 'preview' })
  const [saved, setSaved] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const summaryId = useId()

  useEffect(() => {
    let current = true
    void api
      .call('imports:preview', { handle: file.handle, ...(mapping ? { mapping } : {}), ...(fixedType !== undefined ? { fixedType } : {}) })
      .then((result) => {
        if (!current) return
        if (result.ok) {
          setPreview(result.value)
          setError(null)
        } else setError(result.error)
      })
    return () => {
      current = false
    }
  }, [api, file.handle, mapping, fixedType, attempt])

  const shownMapping = mapping ?? preview?.mapping ?? {}
  const shownType = fixedType === undefined ? (preview?.fixedType ?? null) : fixedType
  const busy = phase.kind === 'importing'

  const choose = (field: ImportField, header: string) => {
    const next: ImportMapping = { ...shownMapping }
    if (header === '') delete next[field]
    else next[field] = header
    setMapping(next)
    setSaved(false)
  }

  const save = async () => {
    if (!preview) return
    const result = await api.call('imports:saveMapping', { signature: preview.signature, mapping: shownMapping, fixedType: shownType })
    if (result.ok) setSaved(true)
    else setError(result.error)
  }

  const commit = async () => {
    if (!preview) return
    setPhase({ kind: 'importing', percent: 0 })
    const stop = api.subscribe('imports:progress', ({ done, total }) =>
      setPhase((phase) => (phase.kind === 'importing' ? { kind: 'importing', percent: total > 0 ? Math.floor((done * 100) / total) : 100 } : phase)),
    )
    const result = await api.call('imports:commit', { handle: file.handle, mapping: shownMapping, fixedType: shownType, sha256: preview.sha256 })
    stop()
    if (!result.ok) {
      setError(result.error)
      setPhase({ kind: 'preview' })
    } else if (result.value.outcome === 'refused') setPhase({ kind: 'refused', problems: result.value.problems })
    else setPhase({ kind: 'done', record: result.value.record })
  }

  const close = () => {
    if (!busy) onClose(phase.kind === 'done')
  }

  return (
    <Dialog title={t('imports.dialogTitle', { file: file.name })} onCancel={close} testId="import-dialog" className="dialog-wide import-dialog">
      {error && <InlineError message={t('imports.failed', { message: error.message })} onRetry={() => setAttempt((n) => n + 1)} />}
      {!preview && !error && (
        <p role="status" data-testid="import-loading">
          {t('imports.reading')}
        </p>
      )}
      {preview && (
        <>
          <p className="muted" data-testid="import-facts">
            {preview.headers.length > 0
              ? t('imports.fileFacts', {
                  encoding: t(`imports.encodings.${preview.encoding}`),
                  delimiter: t(`imports.delimiters.${DELIMITER_NAMES[preview.delimiter]}`),
                  kind: t(`imports.kinds.${preview.kind}`),
                })
              : null}
          </p>
          {preview.importedBefore && (
            <p className="notice" data-testid="import-before">
              {t('imports.importedBefore', { date: format.dateTime(preview.importedBefore.at) })}
            </p>
          )}
          {phase.kind === 'preview' && (
            <ProblemList problems={preview.problems.filter((problem) => problem.line <= 1)} testId="import-file-problems" />
          )}
          {preview.headers.length > 0 && phase.kind === 'preview' && (
            <fieldset className="import-mapping" disabled={busy} data-testid="import-mapping">
              <legend>{t('imports.mappingTitle')}</legend>
              <p className="muted">
                {t(`imports.mappingSource.${mapping ? 'given' : preview.mappingSource}`)} {t('imports.mappingHint')}
              </p>
              <div className="import-mapping-grid">
                {IMPORT_FIELDS.map((field) => (
                  <label key={field} className="field">
                    <span>{t(`imports.fields.${field}`)}</span>
                    <select
                      className="select"
                      value={shownMapping[field] ?? ''}
                      onChange={(event) => choose(field, event.target.value)}
                      data-testid={`import-map-${field}`}
                    >
                      <option value="">{t('imports.notInFile')}</option>
                      {preview.headers.map((header, index) => (
                        <option key={`${index}-${header}`} value={header}>
                          {header}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
                {shownMapping.type === undefined && (
                  <label className="field">
                    <span>{t('imports.fixedType')}</span>
                    <select
                      className="select"
                      value={shownType ?? ''}
                      onChange={(event) => {
                        setFixedType(event.target.value === '' ? null : (event.target.value as HistoryType))
                        setSaved(false)
                      }}
                      data-testid="import-fixed-type"
                    >
                      <option value="">{t('imports.fixedTypeNone')}</option>
                      {HISTORY_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t(`imports.types.${type}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </div>
              <div className="dialog-actions dialog-actions-start">
                <button type="button" className="button" onClick={() => void save()} data-testid="import-save-mapping">
                  {t('imports.saveMapping')}
                </button>
                {saved && (
                  <span role="status" data-testid="import-mapping-saved">
                    {t('imports.mappingSaved')}
                  </span>
                )}
              </div>
            </fieldset>
          )}
          {preview.rows.length > 0 && phase.kind === 'preview' && (
            <div className="import-table-wrap">
              <table className="import-table" data-testid="import-preview">
                <caption>{t('imports.previewTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('imports.columns.line')}</th>
                    <th scope="col">{t('imports.columns.date')}</th>
                    <th scope="col">{t('imports.columns.client')}</th>
                    <th scope="col">{t('imports.columns.type')}</th>
                    <th scope="col">{t('imports.columns.description')}</th>
                    <th scope="col" className="numeric">
                      {t('imports.columns.net')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('imports.columns.vat')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map(({ line, parsed, problem }) => (
                    <tr key={line} data-testid="import-preview-row">
                      <td className="numeric">{line}</td>
                      {parsed ? (
                        <>
                          <td>
                            <time dateTime={format.iso(parsed.occurredAt)}>{format.date(parsed.occurredAt)}</time>
                          </td>
                          <td>
                            {parsed.clientName || t('imports.ownOrganization')}
                            {parsed.clientId === null && (
                              <span className="import-unknown" data-testid="import-not-in-cache">
                                {' '}
                                {t('imports.notInCache')}
                              </span>
                            )}
                          </td>
                          <td>{t(`imports.types.${parsed.type}`)}</td>
                          <td>{parsed.description}</td>
                          <td className="numeric">{money(parsed.netMinor, parsed.currency)}</td>
                          <td className="numeric">{money(parsed.vatMinor, parsed.currency)}</td>
                        </>
                      ) : (
                        <td colSpan={6} className={problem ? 'import-row-problem' : 'muted'}>
                          {problem ? problemText(t, problem) : t('imports.notRead')}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {phase.kind === 'importing' && (
        <div role="status" className="import-progress" data-testid="import-progress">
          <progress max={100} value={phase.percent} aria-label={t('imports.progressLabel')} />
          <span>{t('imports.importing', { percent: phase.percent })}</span>
        </div>
      )}
      {phase.kind === 'refused' && (
        <div role="alert" data-testid="import-refused">
          <p>{t('imports.refused')}</p>
          <ProblemList problems={phase.problems} testId="import-refused-problems" />
        </div>
      )}
      {phase.kind === 'done' && (
        <p role="status" id={summaryId} data-testid="import-done">
          {t('imports.doneSummary', {
            added: format.number(phase.record.added),
            duplicates: format.number(phase.record.duplicates),
            unmatched: format.number(phase.record.unmatched),
          })}
        </p>
      )}
      <div className="dialog-actions">
        {phase.kind === 'preview' || phase.kind === 'importing' ? (
          <>
            <button type="button" className="button" disabled={busy} onClick={close} data-testid="import-cancel">
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy || !preview || preview.problems.length > 0 || preview.rows.length === 0}
              onClick={() => void commit()}
              data-testid="import-commit"
            >
              {t('imports.commit')}
            </button>
          </>
        ) : (
          <>
            {phase.kind === 'refused' && (
              <button type="button" className="button" onClick={() => setPhase({ kind: 'preview' })} data-testid="import-back">
                {t('imports.back')}
              </button>
            )}
            <button type="button" className="button button-primary" onClick={close} data-testid="import-close">
              {t('imports.close')}
            </button>
          </>
        )}
      </div>
    </Dialog>
  )
}

function ProblemList({ problems, testId }: { problems: ImportProblem[]; testId: string }) {
  const { t } = useTranslation()
  if (problems.length === 0) return null
  return (
    <ul className="import-problems" data-testid={testId}>
      {problems.map((problem, index) => (
        <li key={index}>{problemText(t, problem)}</li>
      ))}
    </ul>
  )
}
