import { useTranslation } from 'react-i18next'
import type { TenderBudget } from '../../../../shared/tenders'
import { useFormatLocale } from '../../i18n/useFormatters'

const DAY = 86_400

/** A budget range in its own currency (never converted). */
export function Budget({ budget }: { budget: TenderBudget | null }) {
  const { t } = useTranslation()
  const locale = useFormatLocale()
  if (budget === null) return <span>{t('tenders.noBudget')}</span>
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: budget.currency, maximumFractionDigits: 0 })
  const text = budget.min === budget.max ? money.format(budget.min / 100) : `${money.format(budget.min / 100)} – ${money.format(budget.max / 100)}`
  return <span>{text}</span>
}

/** "valid 5 more days", "valid until tonight", "expired". */
export function Countdown({ validUntil, now }: { validUntil: number; now: number }) {
  const { t } = useTranslation()
  const left = validUntil - now
  if (left <= 0) return <span className="countdown ended">{t('tenders.validEnded')}</span>
  const days = Math.floor(left / DAY)
  return <span className={`countdown${days < 3 ? ' soon' : ''}`}>{days === 0 ? t('tenders.validToday') : t('tenders.validDays', { count: days })}</span>
}
