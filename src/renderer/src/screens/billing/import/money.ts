import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Currency } from '../../../../../shared/domain'

/** Minor units to money in the UI's language, always with its currency. */
export function useMoney(): (minor: number, currency: Currency) => string {
  const { i18n } = useTranslation()
  const language = i18n.language
  return useMemo(() => {
    const formats = new Map<Currency, Intl.NumberFormat>()
    return (minor, currency) => {
      let format = formats.get(currency)
      if (!format) {
        format = new Intl.NumberFormat(language, { style: 'currency', currency })
        formats.set(currency, format)
      }
      return format.format(minor / 100)
    }
  }, [language])
}
