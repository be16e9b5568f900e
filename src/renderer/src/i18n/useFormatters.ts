import { useTranslation } from 'react-i18next'
import { formattersFor, type Formatters } from './formatters'
import { formatLocale } from './language'

/** The formatters of the language the UI speaks now. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation()
  return formattersFor(i18n.language)
}

/** The locale the UI's language writes numbers, dates and money in (see formatLocale). */
export function useFormatLocale(): string {
  const { i18n } = useTranslation()
  return formatLocale(i18n.language, navigator.languages)
}
