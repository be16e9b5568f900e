import { useMemo } from 'react'
import type { Currency } from '../../../../shared/domain'
import { formatMoney } from '../../../../shared/money'
import { useFormatLocale } from '../../i18n/useFormatters'

/** Money as the UI's language writes it (see formatLocale), always with its currency. */
export function useMoney(): (minor: number, currency: Currency) => string {
  const locale = useFormatLocale()
  return useMemo(() => (minor: number, currency: Currency) => formatMoney({ minor, currency }, locale), [locale])
}

/** `2025-03` as the UI's language names the month. */
export function useMonthLabel(): (month: string) => string {
  const locale = useFormatLocale()
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })
    return (month: string) => format.format(new Date(`${month}-01T00:00:00Z`))
  }, [locale])
}
