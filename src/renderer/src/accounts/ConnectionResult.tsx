import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionReport } from '../../../shared/contract'

/**
 * What "Test connection" found: whose token it is, the organizations it sees
 * and, when several are the user's own, which one is the partner.
 */
export function ConnectionResult({ report, picked, onPick }: { report: ConnectionReport; picked: number | null; onPick(id: number): void }) {
  const { t } = useTranslation()
  const legendId = useId()
  const own = report.organizations.filter((org) => org.own)
  return (
    <div className="connection-result" role="status" data-testid="account-connection">
      <p>
        {t('accounts.connectionOk', { name: report.user.name, email: report.user.email, total: report.organizations.length })}
      </p>
      {own.length > 1 && (
        <fieldset className="radio-group" aria-labelledby={legendId} data-testid="account-organizations">
          <legend id={legendId}>{t('accounts.pickOrganization')}</legend>
          {own.map((org) => (
            <label key={org.id} className="radio">
              <input type="radio" name="partner-organization" value={org.id} checked={picked === org.id} onChange={() => onPick(org.id)} data-testid={`account-organization-${org.id}`} />
              {org.name}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  )
}
