import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffAssignPlan } from '../../../../../shared/contract'
import { useApi } from '../../../api/ApiContext'
import { holdBusy } from '../../../app/readiness'
import { useCoreLoad } from '../../../app/useCoreLoad'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { InlineError } from '../../../components/InlineError'
import { useFormatters } from '../../../i18n/useFormatters'

const NEW = 'new'
/** The contract caps one staff.assign at this many collaborations. */
const CHUNK = 1000

/**
 * Assigns the selected clients to a staff member (Infomaniak's published b2b
 * assignment), through the outbox: queued offline, sent when the server
 * answers. The published API lists no staff, so a member is added by its
 * invitation id once, with a name.
 */
export function StaffAssign({ selected, onDone }: { selected: readonly number[]; onDone(message: string): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const pickId = useId()
  const idId = useId()
  const labelId = useId()
  const [version, setVersion] = useState(0)
  const staff = useCoreLoad(() => api.call('staff:list', {}), version)
  const [choice, setChoice] = useState<string>('')
  const [invitation, setInvitation] = useState('')
  const [label, setLabel] = useState('')
  const [plan, setPlan] = useState<{ invitationId: number; name: string; plan: StaffAssignPlan } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const preview = async (): Promise<void> => {
    setError(null)
    let invitationId: number
    let name: string
    if (choice === NEW) {
      invitationId = Number(invitation)
      if (!/^[1-9]\d{0,14}$/.test(invitation.trim())) return setError(t('clients.bulk.staffIdInvalid'))
      if (label.trim() === '') return setError(t('clients.bulk.staffLabelRequired'))
      const saved = await api.call('staff:save', { invitationId, label: label.trim() })
      if (!saved.ok) return setError(saved.error.message)
      setVersion((n) => n + 1)
      name = label.trim()
    } else {
      const member = staff.value?.find((m) => String(m.invitationId) === choice)
      if (!member) return setError(t('clients.bulk.staffPick'))
      invitationId = member.invitationId
      name = member.label
    }
    const release = holdBusy()
    const result = await api.call('staff:assignPreview', { invitationId, clientIds: [...selected] })
    release()
    if (result.ok) setPlan({ invitationId, name, plan: result.value })
    else setError(result.error.message)
  }

  const run = async (): Promise<void> => {
    if (plan === null) return
    setBusy(true)
    const release = holdBusy()
    const ids = plan.plan.partnershipIds
    let failure: string | null = null
    for (let at = 0; at < ids.length && failure === null; at += CHUNK) {
      const result = await api.call('changes:submit', { change: { kind: 'staff.assign', invitationId: plan.invitationId, partnershipIds: ids.slice(at, at + CHUNK) } })
      if (!result.ok) failure = result.error.message
    }
    release()
    setBusy(false)
    setPlan(null)
    setVersion((n) => n + 1)
    if (failure !== null) setError(t('clientDetail.changeFailed', { message: failure }))
    else onDone(t('clients.bulk.staffQueued', { count: ids.length, total: format.number(ids.length), name: plan.name }))
  }

  return (
    <div className="inline-form" role="group" aria-label={t('clients.bulk.staffLabel')} data-testid="staff-assign">
      <label htmlFor={pickId}>{t('clients.bulk.staff')}</label>
      <select id={pickId} className="input input-compact" value={choice} onChange={(event) => setChoice(event.target.value)} data-testid="staff-pick">
        <option value="">{t('clients.bulk.staffChoose')}</option>
        {staff.value?.map((member) => (
          <option key={member.invitationId} value={member.invitationId}>
            {t('clients.bulk.staffOption', { name: member.label, id: member.invitationId })}
          </option>
        ))}
        <option value={NEW}>{t('clients.bulk.staffNew')}</option>
      </select>
      {choice === NEW && (
        <>
          <label htmlFor={idId}>{t('clients.bulk.staffId')}</label>
          <input id={idId} className="input input-compact" inputMode="numeric" value={invitation} onChange={(event) => setInvitation(event.target.value)} data-testid="staff-new-id" />
          <label htmlFor={labelId}>{t('clients.bulk.staffName')}</label>
          <input id={labelId} className="input input-compact" maxLength={80} value={label} onChange={(event) => setLabel(event.target.value)} data-testid="staff-new-label" />
        </>
      )}
      <button type="button" className="button" disabled={choice === ''} onClick={() => void preview()} data-testid="staff-assign-start">
        {t('clients.bulk.staffAssign')}
      </button>
      {error !== null && <InlineError message={error} onDismiss={() => setError(null)} />}
      {plan !== null && (
        <ConfirmDialog
          title={t('clients.bulk.staffTitle', { name: plan.name })}
          body={
            plan.plan.partnershipIds.length === 0
              ? t('clients.bulk.nothing')
              : t('clients.bulk.staffBody', {
                  count: plan.plan.partnershipIds.length,
                  total: format.number(plan.plan.partnershipIds.length),
                  already: format.number(plan.plan.already),
                  notActive: format.number(plan.plan.notActive),
                  name: plan.name,
                })
          }
          confirmLabel={t('clients.bulk.staffConfirm')}
          confirmDisabled={plan.plan.partnershipIds.length === 0}
          busy={busy}
          onConfirm={() => void run()}
          onCancel={() => setPlan(null)}
          testId="staff-confirm"
        />
      )}
    </div>
  )
}
