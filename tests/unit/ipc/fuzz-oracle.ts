// What every answer to any input must be, whatever the channel: a Result;
// `invalid_input` for what the schema refuses, never `internal` for what it
// accepts; a short, one-line message that is not zod's JSON.
import fc from 'fast-check'
import { CHANNELS, type Channel } from '../../../src/shared/channels'
import { contract } from '../../../src/shared/contract'
import { ERROR_CODES, type Result } from '../../../src/shared/result'

/** Longer than any message worth showing in the app's inline errors. */
export const MAX_MESSAGE = 1_000

const known = new Set<unknown>(CHANNELS)
const codes = new Set<unknown>(ERROR_CODES)

export const isChannel = (name: unknown): name is Channel => known.has(name)

/** The dispatcher's rule: a channel without input may be invoked with nothing at all. */
export function schemaAccepts(channel: Channel, input: unknown): boolean {
  return contract[channel].input.safeParse(input === undefined ? {} : input).success
}

function isResult(answer: unknown): answer is Result<unknown> {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) return false
  if (answer.ok === true) return 'value' in answer
  if (answer.ok !== false || !('error' in answer)) return false
  const { error } = answer
  return typeof error === 'object' && error !== null && 'code' in error && codes.has(error.code) && 'message' in error && typeof error.message === 'string'
}

/** Why `answer` is wrong for a call of `channel` with `input`, or null. */
export function faultOf(channel: unknown, input: unknown, answer: unknown): string | null {
  if (!isResult(answer)) return `not a Result: ${preview(answer)}`
  if (answer.ok) return isChannel(channel) && schemaAccepts(channel, input) ? null : 'answered ok to input the schema refuses'
  const { code, message } = answer.error
  if (message.length > MAX_MESSAGE) return `${code} message of ${message.length} characters`
  if (/[\n\r]/.test(message)) return `${code} message on several lines: ${preview(message)}`
  if (/"(code|path|expected)"\s*:/.test(message)) return `${code} message holds zod's JSON: ${preview(message)}`
  if (!isChannel(channel)) return code === 'unknown_channel' ? null : `${code} for an unknown channel`
  if (!schemaAccepts(channel, input)) return code === 'invalid_input' ? null : `${code} for input the schema refuses: ${preview(message)}`
  // The cache is healthy throughout: unavailable would mean the core died.
  if (code === 'internal' || code === 'cache_unavailable') return `${code} for input the schema accepts: ${preview(message)}`
  return null
}

/** A short, printable picture of any value (undefined, -0 and a megabyte string included). */
export function preview(value: unknown, max = 300): string {
  let text: string
  try {
    text = fc.stringify(value)
  } catch {
    // Nesting too deep to print.
    text = Object.prototype.toString.call(value)
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text
}
