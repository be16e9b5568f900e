import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Facet } from '../../../../../shared/client-filters'
import { useApi } from '../../../api/ApiContext'
import { useCoreLoad } from '../../../app/useCoreLoad'

/** A filter value as the user reads it (a tag or a currency code as is). */
export function useValueLabel(): (facet: Facet, value: string) => string {
  const { t } = useTranslation()
  const api = useApi()
  const staff = useCoreLoad(() => api.call('staff:list', {}), 'staff')
  const names = useMemo(() => new Map((staff.value ?? []).map((member) => [String(member.invitationId), member.label])), [staff.value])
  return useCallback(
    (facet: Facet, value: string): string => {
      switch (facet) {
        case 'access':
          return t(`clients.access.${value as 'limited'}`)
        case 'payment':
          return t(`clients.payment.${value as 'customer'}`)
        case 'status':
          return t(`clients.status.${value as 'active'}`)
        case 'category':
          return value === 'other' ? t('clients.filters.otherCategory') : t(`clientDetail.service.${value as 'domain'}`)
        case 'tag':
        case 'currency':
          return value
        case 'staff':
          return names.get(value) ?? t('clients.filters.staffMember', { id: value })
      }
    },
    [t, names],
  )
}
