import { useTranslation } from 'react-i18next'
import { formattersFor, type Formatters } from './formatters'

/** The formatters of the language the UI speaks now. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation()
  return formattersFor(i18n.language)
}
