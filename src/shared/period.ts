// Period presets of the billing browser, as whole UTC days (`YYYY-MM-DD`).
// Plain date arithmetic on UTC fields: the same answer in every time zone.

export const PERIOD_PRESETS = ['this_month', 'last_month', 'this_quarter', 'last_quarter', 'this_year', 'last_year'] as const
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]

export interface Period {
  from: string
  to: string
}

const iso = (y: number, m0: number, d: number): string => new Date(Date.UTC(y, m0, d)).toISOString().slice(0, 10)
/** The last day of month m0 (0-based; 12 is next year's January). */
const monthEnd = (y: number, m0: number): string => iso(y, m0 + 1, 0)

/** `today` in Unix seconds. */
export function presetPeriod(preset: PeriodPreset, today: number): Period {
  const now = new Date(today * 1000)
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth()
  const q = m - (m % 3)
  switch (preset) {
    case 'this_month':
      return { from: iso(y, m, 1), to: monthEnd(y, m) }
    case 'last_month':
      return { from: iso(y, m - 1, 1), to: monthEnd(y, m - 1) }
    case 'this_quarter':
      return { from: iso(y, q, 1), to: monthEnd(y, q + 2) }
    case 'last_quarter':
      return { from: iso(y, q - 3, 1), to: monthEnd(y, q - 1) }
    case 'this_year':
      return { from: iso(y, 0, 1), to: iso(y, 11, 31) }
    case 'last_year':
      return { from: iso(y - 1, 0, 1), to: iso(y - 1, 11, 31) }
  }
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** Unix seconds of the day's start (UTC), or null when the text is no real calendar day (`2024-02-30`). */
export function dayStart(text: string): number | null {
  const match = DAY_PATTERN.exec(text)
  if (!match) return null
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const ms = Date.UTC(y, m - 1, d)
  return iso(y, m - 1, d) === text && y >= 1970 ? ms / 1000 : null
}

/** [from, to) in Unix seconds for a period of whole days. */
export function periodSeconds({ from, to }: Period): { from: number; to: number } {
  const start = dayStart(from)
  const end = dayStart(to)
  if (start === null || end === null) throw new Error(`not a period of calendar days: ${from} to ${to}`)
  return { from: start, to: end + 86_400 }
}
