import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Currency } from '../../../../shared/domain'
import { formatMoney } from '../../../../shared/money'

/** Money in the UI's language, always with its currency. */
export function useMoney(): (minor: number, currency: Currency) => string {
  const { i18n } = useTranslation()
  const language = i18n.language
  return useMemo(() => (minor: number, currency: Currency) => formatMoney({ minor, currency }, language), [language])
}

/** `2025-03` as the UI's language names the month. */
export function useMonthLabel(): (month: string) => string {
  const { i18n } = useTranslation()
  const language = i18n.language
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' })
    return (month: string) => format.format(new Date(`${month}-01T00:00:00Z`))
  }, [language])
}
