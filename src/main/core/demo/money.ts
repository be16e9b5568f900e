/**
 * `amountMinor × rateBp / 10 000`, rounded half away from zero to the minor
 * unit with integer arithmetic only (amount × rate stays far below 2^53).
 * The one rounding rule for VAT and for partner earnings alike.
 */
export function applyRateBp(amountMinor: number, rateBp: number): number {
  const scaled = Math.abs(amountMinor) * rateBp + 5_000
  const rounded = (scaled - (scaled % 10_000)) / 10_000
  return amountMinor < 0 ? -rounded : rounded
}
