import { generateDemo } from '../../../src/main/core/demo/generate'
import type { DemoDataset } from '../../../src/main/core/demo/dataset'

/** A fixed reference time: 15 January 2026, 09:30 UTC. */
export const NOW = Date.UTC(2026, 0, 15, 9, 30) / 1000
export const SEED = 2026

let small: DemoDataset | undefined

/** The small demo, generated once per test file. */
export function smallDemo(): DemoDataset {
  small ??= generateDemo('small', { seed: SEED, now: NOW })
  return small
}
