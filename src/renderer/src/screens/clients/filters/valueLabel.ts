import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Facet } from '../../../../../shared/client-filters'

/** A filter value as the user reads it (a tag or a currency code as is). */
export function useValueLabel(): (facet: Facet, value: string) => string {
  const { t } = useTranslation()
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
      }
    },
    [t],
  )
}
