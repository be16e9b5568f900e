import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BulkTagPlan } from '../../../../../shared/contract'
import { useApi } from '../../../api/ApiContext'
import { holdBusy } from '../../../app/readiness'
import { useRouter } from '../../../app/Router'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { InlineError } from '../../../components/InlineError'
import { ManagerLink } from '../../../components/ManagerLink'
import { useFormatters } from '../../../i18n/useFormatters'
import { parseColor } from '../clientDetail'
import { StaffAssign } from './StaffAssign'

const DEFAULT_COLOR = '#2f80ed'

/**
 * What the user can do with the selected clients: tag or untag their
 * products (told how many it touches first), or hand them to the billing export.
 */
export function BulkBar({ selected, onClear }: { selected: readonly number[]; onClear(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const { go } = useRouter()
  const nameId = useId()
  const colorId = useId()
  const [name, setName] = useState('')
  const [color, setColor] = useState(DEFAULT_COLOR)
  const [pending, setPending] = useState<{ on: boolean; plan: BulkTagPlan } | null>(null)
  const [error, setError] = useState<{ message: string; notOffered: boolean } | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const preview = async (event: FormEvent | null, on: boolean): Promise<void> => {
    event?.preventDefault()
    setDone(null)
    if (name.trim() === '') return setError({ message: t('clientDetail.nameRequired'), notOffered: false })
    const release = holdBusy()
    const result = await api.call('clients:bulkTagPreview', { clientIds: [...selected], name: name.trim(), on })
    release()
    if (result.ok) {
      setError(null)
      setPending({ on, plan: result.value })
    } else setError({ message: result.error.message, notOffered: false })
  }
  const run = async (): Promise<void> => {
    if (pending === null) return
    const value = parseColor(color)
    if (value === null) return setError({ message: t('clientDetail.colorInvalid'), notOffered: false })
    setBusy(true)
    const release = holdBusy()
    const result = await api.call('clients:bulkTag', { clientIds: [...selected], name: name.trim(), color: value, on: pending.on })
    release()
    setBusy(false)
    setPending(null)
    if (result.ok) {
      setDone(t(pending.on ? 'clients.bulk.tagged' : 'clients.bulk.untagged', { count: result.value.products, total: format.number(result.value.products), name: name.trim() }))
    } else setError({ message: result.error.message, notOffered: result.error.code === 'not_offered' })
  }

  return (
    <div className="bulk-bar" role="region" aria-label={t('clients.bulk.label')} data-testid="bulk-bar">
      <strong data-testid="bulk-count" data-count={selected.length}>
        {t('clients.bulk.selected', { count: selected.length, total: format.number(selected.length) })}
      </strong>
      <form className="inline-form" onSubmit={(event) => void preview(event, true)}>
        <label htmlFor={nameId}>{t('clients.bulk.tagName')}</label>
        <input id={nameId} className="input input-compact" value={name} maxLength={64} onChange={(event) => setName(event.target.value)} data-testid="bulk-tag-name" />
        <label className="visually-hidden" htmlFor={colorId}>
          {t('clientDetail.tagColor')}
        </label>
        <input id={colorId} type="color" className="color-input" value={color} onChange={(event) => setColor(event.target.value)} />
        <button type="submit" className="button" data-testid="bulk-tag">
          {t('clients.bulk.tag')}
        </button>
        <button type="button" className="button" onClick={() => void preview(null, false)} data-testid="bulk-untag">
          {t('clients.bulk.untag')}
        </button>
      </form>
      <StaffAssign selected={selected} onDone={setDone} />
      <button type="button" className="button" onClick={() => go({ screen: 'billing', clients: [...selected] })} data-testid="bulk-billing">
        {t('clients.bulk.billing')}
      </button>
      <button type="button" className="button button-quiet" onClick={onClear} data-testid="bulk-clear">
        {t('clients.bulk.clear')}
      </button>
      {done !== null && (
        <span role="status" data-testid="bulk-done">
          {done}
        </span>
      )}
      {error !== null && (
        <div data-testid="bulk-error">
          <InlineError message={t('clientDetail.changeFailed', { message: error.message })} onDismiss={() => setError(null)} />
          {error.notOffered && <ManagerLink />}
        </div>
      )}
      {pending !== null && (
        <ConfirmDialog
          title={t(pending.on ? 'clients.bulk.tagTitle' : 'clients.bulk.untagTitle', { name: name.trim() })}
          body={
            pending.plan.products === 0
              ? t('clients.bulk.nothing')
              : t(pending.on ? 'clients.bulk.tagBody' : 'clients.bulk.untagBody', {
                  count: pending.plan.products,
                  products: format.number(pending.plan.products),
                  clients: format.number(pending.plan.clients),
                  created: format.number(pending.plan.tagsCreated),
                  unchanged: format.number(pending.plan.unchanged),
                })
          }
          confirmLabel={t(pending.on ? 'clients.bulk.tagConfirm' : 'clients.bulk.untagConfirm')}
          confirmDisabled={pending.plan.products === 0}
          busy={busy}
          onConfirm={() => void run()}
          onCancel={() => setPending(null)}
          testId="bulk-confirm"
        />
      )}
    </div>
  )
}
