// Durations in seconds. Months and years are fixed averages: the demo steps
// renewals by them and a drift of hours over three years is invisible.
export const HOUR = 3_600
export const DAY = 86_400
export const YEAR = 31_557_600 // 365.25 days
export const MONTH = YEAR / 12 // 2,629,800 s, still an integer

export function utcYear(unixSeconds: number): number {
  return new Date(unixSeconds * 1000).getUTCFullYear()
}
