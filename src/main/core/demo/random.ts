// A small seeded PRNG (sfc32) for everything the demo draws. Faker's own
// generator costs about a microsecond per call, too much for a million billing
// lines, and owning the generator keeps the output identical across faker
// upgrades of everything but its word lists.

/** A value with its relative weight, for `Random.pick` on a `WeightedTable`. */
export type Weighted<T> = readonly (readonly [value: T, weight: number])[]

/** A weighted choice prepared once (cumulative weights) and drawn many times. */
export interface WeightedTable<T> {
  readonly values: readonly T[]
  readonly cumulative: Float64Array
}

export function weighted<T>(entries: Weighted<T>): WeightedTable<T> {
  const cumulative = new Float64Array(entries.length)
  let sum = 0
  entries.forEach(([, weight], i) => {
    sum += weight
    cumulative[i] = sum
  })
  return { values: entries.map(([value]) => value), cumulative }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

function splitmix32(state: number): () => number {
  let s = state >>> 0
  return () => {
    s = (s + 0x9e3779b9) | 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(readonly seed: number) {
    const init = splitmix32(seed)
    this.a = init()
    this.b = init()
    this.c = init()
    this.d = init()
    for (let i = 0; i < 12; i++) this.next()
  }

  /**
   * An independent stream named by `label`. Each phase draws from its own
   * fork, so adding a draw to one phase does not reshuffle the others.
   */
  fork(label: string): Random {
    return new Random((Math.imul(this.seed ^ fnv1a(label), 0x9e3779b1) ^ fnv1a(label + '#')) >>> 0)
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  /** A string of `length` decimal digits (leading zeros kept). */
  digits(length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += String(Math.floor(this.next() * 10))
    return out
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  choose<T>(table: WeightedTable<T>): T {
    const { cumulative, values } = table
    const x = this.next() * cumulative[cumulative.length - 1]
    let i = 0
    while (cumulative[i] <= x) i++
    return values[i]
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = items.slice()
    const n = Math.min(count, pool.length)
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (pool.length - i))
      const tmp = pool[i]
      pool[i] = pool[j]
      pool[j] = tmp
    }
    return pool.slice(0, n)
  }

  /** A standard normal draw (Box–Muller), for log-normal sizes and amounts. */
  normal(): number {
    const u = 1 - this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
  }
}
