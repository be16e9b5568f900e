// Timing helpers. Every figure is printed next to a raw baseline measured in
// the same run: this machine is noisy, so absolute times alone mislead.

export function time(run: () => void): number {
  const start = process.hrtime.bigint()
  run()
  return Number(process.hrtime.bigint() - start) / 1e6
}

export async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await run()
  return Number(process.hrtime.bigint() - start) / 1e6
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export const ms = (value: number) => `${value.toFixed(2)} ms`

export function report(title: string, rows: Array<[string, string]>): void {
  console.log(`\n${title}`)
  for (const [label, value] of rows) console.log(`  ${label.padEnd(44)} ${value}`)
}
