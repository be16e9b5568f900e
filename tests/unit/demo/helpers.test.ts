import { describe, expect, it } from 'vitest'
import { allocateProportionally } from '../../../src/main/core/demo/allocate'
import { applyRateBp } from '../../../src/main/core/demo/money'
import { Random } from '../../../src/main/core/demo/random'

describe('applyRateBp', () => {
  it('rounds half away from zero to the minor unit', () => {
    expect(applyRateBp(10_000, 810)).toBe(810)
    expect(applyRateBp(1_234, 810)).toBe(100) // 99.954
    expect(applyRateBp(50, 1_000)).toBe(5)
    expect(applyRateBp(25, 2_000)).toBe(5) // exactly 5
    expect(applyRateBp(125, 2_000)).toBe(25)
    expect(applyRateBp(5, 1_000)).toBe(1) // 0.5 → 1
    expect(applyRateBp(-5, 1_000)).toBe(-1)
    expect(applyRateBp(4, 1_000)).toBe(0) // 0.4 → 0
    expect(applyRateBp(-1_234, 810)).toBe(-100)
    expect(applyRateBp(0, 2_200)).toBe(0)
  })
})

describe('allocateProportionally', () => {
  it('splits exactly and in proportion', () => {
    const shares = allocateProportionally(10, [1, 1, 1])
    expect(Array.from(shares)).toEqual([4, 3, 3])
    expect(Array.from(allocateProportionally(7, [0, 2, 5]))).toEqual([0, 2, 5])
    const big = allocateProportionally(1_000_000, Array.from({ length: 4_999 }, (_, i) => (i % 7) + 0.5))
    expect(big.reduce((a, b) => a + b, 0)).toBe(1_000_000)
  })

  it('gives nothing when there is no weight', () => {
    expect(Array.from(allocateProportionally(5, [0, 0]))).toEqual([0, 0])
  })
})

describe('Random', () => {
  it('repeats its sequence for a seed and forks independent streams', () => {
    const a = new Random(42)
    const b = new Random(42)
    const draws = Array.from({ length: 100 }, () => a.next())
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(draws)
    for (const x of draws) {
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
    }
    expect(new Random(42).fork('x').next()).toBe(new Random(42).fork('x').next())
    expect(new Random(42).fork('x').next()).not.toBe(new Random(42).fork('y').next())
  })

  it('draws integers within bounds, inclusive', () => {
    const random = new Random(1)
    const seen = new Set<number>()
    for (let i = 0; i < 1_000; i++) seen.add(random.int(3, 6))
    expect([...seen].sort()).toEqual([3, 4, 5, 6])
  })
})
