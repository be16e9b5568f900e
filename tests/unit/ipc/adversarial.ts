// Values no caller should send and every entry must survive: wrong types,
// special numbers, control characters and lone surrogates, FTS5 and SQL
// syntax, prototype keys, huge and deeply nested structures. The huge ones
// are built once and shared: building a megabyte per run would cost more
// than dispatching it.
import fc from 'fast-check'

const MEGABYTE = 1 << 20

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = wrap(value)
  return value
}

/** Own keys, as IPC and JSON.parse make them (an object literal would set the prototype instead). */
function withOwnKey(key: string, value: unknown): Record<string, unknown> {
  return Object.defineProperty({}, key, { value, enumerable: true, writable: true, configurable: true })
}

const HUGE_STRING = 'a'.repeat(MEGABYTE)
const HUGE_KEY = 'k'.repeat(MEGABYTE)

const HUGE = [
  HUGE_STRING,
  withOwnKey(HUGE_KEY, 1),
  new Array<number>(100_000).fill(1),
  Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, i])),
  nested(2_000, (inner) => ({ a: inner })),
  nested(2_000, (inner) => [inner]),
]

/** Pieces of nasty strings, by kind; each kind as likely as the others. */
const FRAGMENTS = [
  // Control characters, NUL first: SQLite's length() and FTS5's parser stop at it.
  ['\u0000', '\u0001', '\u0008', '\u001f', '\u007f', '\u0085', '\t', '\n', '\r\n'],
  // Invisible and direction-changing characters, lone and swapped surrogates, combining marks.
  ['\u200b', '\u202e', '\ufeff', '\ud800', '\udfff', '\udc00\ud800', '😀', 'é', 'e\u0301'],
  // FTS5 query syntax.
  ['"', '*', '^', ':', '-', '(', ')', 'NEAR(', ' OR ', ' AND ', ' NOT ', '{name vat_number}:', 'name:', '""'],
  // SQL and LIKE syntax.
  ["'", "'; DROP TABLE organizations; --", '" OR 1=1 --', '/*', '%', '_', '\\'],
  // Things that mean something elsewhere, and plain words a search finds.
  ['../', '${x}', '{{x}}', '<script>', ' ', 'a', 'web', 'Sàrl'],
]

/** Whole strings at the edges: empty, blank, NUL alone, first or inside, a lone surrogate, a quote. */
export function edgeString(): fc.Arbitrary<string> {
  return fc.constantFrom('', ' ', '\u0000', '\u0000a', 'a\u0000b', '\u0007', '\ud800', '"', "'", '*', '-')
}

/** Short strings made of the fragments above and random code points. */
export function nastyString(): fc.Arbitrary<string> {
  const piece = fc.oneof(...FRAGMENTS.map((kind) => fc.constantFrom(...kind)), fc.string({ unit: 'binary', maxLength: 6 }))
  return fc.array(piece, { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join(''))
}

export function adversarialKey(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'then', '', 'a\u0000b', HUGE_KEY),
    nastyString(),
    fc.string(),
  )
}

/** Anything but what a schema wants. */
export function adversarialValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      undefined,
      null,
      true,
      false,
      0,
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.MAX_SAFE_INTEGER + 2,
      -Number.MAX_SAFE_INTEGER - 2,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      -1,
      2 ** 31,
      0.5,
      10n ** 30n,
      '',
      '1',
      'true',
      'null',
      [],
      {},
      new Date(0),
      new Map([['a', 1]]),
      new Set([1]),
      new Uint8Array([0, 255]),
      Object.create(null),
      withOwnKey('__proto__', { polluted: true }),
      withOwnKey('constructor', { prototype: { polluted: true } }),
      ...HUGE,
    ),
    nastyString(),
    fc.jsonValue({ maxDepth: 3 }),
  )
}
