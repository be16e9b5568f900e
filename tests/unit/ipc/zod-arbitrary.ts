// fast-check arbitraries derived from a zod schema by walking it, so every
// channel of the contract is fuzzed from its own schema, a new channel
// included, without anyone writing a generator for it.
//
// Written here because no maintained library fits: zod-fast-check targets
// zod 3 and fast-check < 4, and this project runs zod 4 and fast-check 4.
// It reads zod 4's definitions (`schema._zod.def`) and knows the kinds the
// contract uses; any other kind gets arbitrary JSON, which the schema then
// mostly refuses (still a fine input to throw at the dispatcher).
//
// With `mischief`, every node may instead be an adversarial value, and every
// object may lose a key or gain one (`__proto__`, `constructor`, a huge or
// NUL-bearing key): mostly-valid inputs with one thing wrong, deep inside.
import fc from 'fast-check'
import type { z } from 'zod'
import { adversarialKey, adversarialValue, edgeString, nastyString } from './adversarial'

export interface WalkOptions {
  /** Wrong values anywhere in the tree, and objects with missing or extra keys. */
  mischief: boolean
  /** Strings worth trying where any string goes: names already in the cache, say. */
  strings?: readonly string[]
}

type Def = z.core.$ZodTypes['_zod']['def']
type Check = z.core.$ZodChecks['_zod']['def']

/** Longest array or string the walker builds when the schema allows longer: long ones come from the adversarial pool. */
const LENGTH_CAP = 24
/** Where the cache's ids live (a uniform draw over 2^53 would never name a row): most below 320, products up to 2,000, temporary tag ids negative. */
const NEAR = { min: -5, max: 320 }
const FAR = { min: -60, max: 2_500 }

function checksOf(def: Def): Check[] {
  return (def.checks ?? []).map((check) => (check as z.core.$ZodChecks)._zod.def)
}

function lengthBounds(def: Def): { min: number; max: number | undefined } {
  let min = 0
  let max: number | undefined
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') min = Math.max(min, check.minimum)
    if (check.check === 'max_length') max = Math.min(max ?? Infinity, check.maximum)
    if (check.check === 'length_equals') min = max = check.length
  }
  return { min, max }
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  let min = -Number.MAX_SAFE_INTEGER
  let max = Number.MAX_SAFE_INTEGER
  let integer = false
  for (const check of checksOf(def)) {
    if (check.check === 'number_format') integer = true
    // Bounds as numbers only: a bigint bound belongs to a bigint schema, which the contract has none of.
    if (check.check === 'greater_than' && typeof check.value === 'number') min = Math.max(min, check.inclusive ? check.value : check.value + 1)
    if (check.check === 'less_than' && typeof check.value === 'number') max = Math.min(max, check.inclusive ? check.value : check.value - 1)
  }
  const edges = [min, max, 0, 1, -1].filter((value) => value >= min && value <= max)
  const arbitraries: fc.WeightedArbitrary<number>[] = [
    { weight: 1, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
  ]
  for (const [range, weight] of [[NEAR, 4], [FAR, 1]] as const) {
    const within = { min: Math.max(min, range.min), max: Math.min(max, range.max) }
    if (within.min <= within.max) arbitraries.push({ weight, arbitrary: fc.integer(within) })
  }
  if (!integer) arbitraries.push({ weight: 1, arbitrary: fc.double({ min, max, noNaN: true }) })
  return fc.oneof(...arbitraries)
}

function stringArbitrary(def: Def, options: WalkOptions): fc.Arbitrary<string> {
  if (def.type === 'string' && 'format' in def) {
    if (def.format === 'uuid') return fc.uuid({ version: 4 })
    if (def.format === 'url') return fc.webUrl()
  }
  const { min, max } = lengthBounds(def)
  const longest = Math.min(max ?? LENGTH_CAP, LENGTH_CAP)
  const pool: fc.WeightedArbitrary<string>[] = [
    { weight: 2, arbitrary: fc.string({ minLength: Math.min(min, longest), maxLength: longest }) },
    { weight: 3, arbitrary: nastyString() },
    { weight: 1, arbitrary: edgeString() },
  ]
  if (options.strings && options.strings.length > 0) pool.push({ weight: 1, arbitrary: fc.constantFrom(...options.strings) })
  // The schema's own limits, exactly and one past.
  if (max !== undefined) pool.push({ weight: 1, arbitrary: fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1)) })
  return fc.oneof(...pool)
}

function objectArbitrary(def: Extract<Def, { type: 'object' }>, options: WalkOptions): fc.Arbitrary<Record<string, unknown>> {
  const shape = def.shape as Record<string, z.core.$ZodType>
  const model = Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, walk(schema, options)]))
  // Keys whose schema takes an absent value (optional, default) may be left out.
  const requiredKeys = Object.keys(shape).filter((key) => shape[key]._zod.optin === undefined)
  const record = fc.record(model, { requiredKeys })
  if (!options.mischief) return record
  return fc
    .tuple(record, sometimes(fc.constantFrom(...Object.keys(shape), '')), sometimes(fc.tuple(adversarialKey(), adversarialValue())))
    .map(([value, dropped, extra]) => {
      const object: Record<string, unknown> = { ...value }
      if (dropped !== null) delete object[dropped]
      // defineProperty, so `__proto__` becomes an own key as JSON.parse and IPC make it, not a prototype.
      if (extra !== null) Object.defineProperty(object, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true })
      return object
    })
}

/** One time in six: mischief on every object of an input would leave almost nothing for the core to answer. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary })

function validish(def: Def, options: WalkOptions): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'string':
      return stringArbitrary(def, options)
    case 'number':
      return numberArbitrary(def)
    case 'boolean':
      return fc.boolean()
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries))
    case 'literal':
      return fc.constantFrom(...def.values)
    case 'null':
      return fc.constant(null)
    case 'object':
      return objectArbitrary(def, options)
    case 'array': {
      const { min, max } = lengthBounds(def)
      const longest = Math.max(min, Math.min(max ?? LENGTH_CAP, LENGTH_CAP))
      return fc.array(walk(def.element, options), { minLength: min, maxLength: longest })
    }
    case 'union':
      return fc.oneof(...def.options.map((option) => walk(option, options)))
    case 'optional':
      // A key present with nothing in it, as `{ theme: undefined }` arrives over IPC.
      return fc.oneof({ weight: 4, arbitrary: walk(def.innerType, options) }, { weight: 1, arbitrary: fc.constant(undefined) })
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return walk(def.innerType, options)
    case 'nullable':
      return fc.oneof(fc.constant(null), walk(def.innerType, options))
    case 'pipe':
      return walk(def.in, options)
    default:
      return fc.jsonValue()
  }
}

/** Values for `schema`: valid ones mostly, and (with mischief) wrong ones anywhere inside. */
export function walk(schema: z.core.$ZodType, options: WalkOptions): fc.Arbitrary<unknown> {
  const def = (schema as z.core.$ZodTypes)._zod.def
  const valid = validish(def, options)
  if (!options.mischief) return valid
  return fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: adversarialValue() })
}
