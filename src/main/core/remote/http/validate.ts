import type { z } from 'zod'
import type { RemoteFailure } from './errors'

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: RemoteFailure }

/**
 * Applies a schema to an answer's envelope, so issue paths start at the
 * envelope: `data.items[3].expired_at`. A failure names the first issue and
 * counts the rest.
 */
export function checkShape<T>(schema: z.ZodType<T>, envelope: unknown, scrub: (text: string) => string): Checked<T> {
  const parsed = schema.safeParse(envelope)
  if (parsed.success) return { ok: true, value: parsed.data }
  const [first, ...rest] = parsed.error.issues
  const problem =
    scrub(first.message.replace(/^Invalid input: /, '')) + (rest.length === 0 ? '' : ` (and ${rest.length} more)`)
  return { ok: false, failure: { kind: 'malformed', path: formatPath(first.path), problem } }
}

/** `['data', 'items', 3, 'expired_at']` → `data.items[3].expired_at`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = ''
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text === '' ? key : `.${key}`
    else text += `[${JSON.stringify(String(key))}]`
  }
  return text === '' ? '(body)' : text
}
