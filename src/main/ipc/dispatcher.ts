// The one entry from untrusted callers (renderer IPC, the test bridge, the
// CLI) into the core: input validated against the contract, errors as data.
import type { z } from 'zod'
import { CHANNELS, type Channel } from '../../shared/channels'
import { contract } from '../../shared/contract'
import { fail, type Result } from '../../shared/result'

export interface CoreCaller {
  call(channel: Channel, input: unknown): Promise<Result<unknown>>
}

/** The channel is unknown too: the test bridge passes on whatever JSON it was sent. */
export type Dispatch = (channel: unknown, rawInput: unknown) => Promise<Result<unknown>>

/** Longest key or name a message quotes: a caller may send a megabyte of either. */
const QUOTE_MAX = 60
/** Issues a refusal names; the rest are counted. */
const ISSUES_MAX = 5
/** Longest message any answer carries, whoever wrote it. */
const MESSAGE_MAX = 800

const known = new Set<unknown>(CHANNELS)
const isChannel = (name: unknown): name is Channel => known.has(name)

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** Cut short and in JSON quotes, so control characters and lone surrogates show as escapes. */
const quote = (text: string): string => JSON.stringify(clip(text, QUOTE_MAX))

/** zod quotes unknown keys whole, however long: these are named here instead. */
function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'unrecognized_keys') return issue.message
  const shown = issue.keys.slice(0, ISSUES_MAX).map(quote).join(', ')
  const more = issue.keys.length > ISSUES_MAX ? ` and ${issue.keys.length - ISSUES_MAX} more` : ''
  return `Unrecognized key${issue.keys.length === 1 ? '' : 's'}: ${shown}${more}`
}

/** "clients:list: limit: Too big: expected number to be <=500" — names the field. */
function describeIssues(channel: Channel, error: z.ZodError): string {
  const { issues } = error
  const named = issues.slice(0, ISSUES_MAX).map((issue) => {
    const where = issue.path.length > 0 ? clip(issue.path.join('.'), QUOTE_MAX) : '(input)'
    return `${where}: ${issueText(issue)}`
  })
  const more = issues.length > ISSUES_MAX ? `; and ${issues.length - ISSUES_MAX} more` : ''
  return `${channel}: ${named.join('; ')}${more}`
}

function bounded(result: Result<unknown>): Result<unknown> {
  return result.ok || result.error.message.length <= MESSAGE_MAX ? result : fail(result.error.code, clip(result.error.message, MESSAGE_MAX))
}

export function createDispatcher(core: CoreCaller): Dispatch {
  return async (channel, rawInput) => {
    if (!isChannel(channel)) return fail('unknown_channel', `unknown channel: ${typeof channel === 'string' ? quote(channel) : `(not a name but a ${typeof channel})`}`)
    // A channel with no input may be invoked with nothing at all.
    const parsed = contract[channel].input.safeParse(rawInput === undefined ? {} : rawInput)
    if (!parsed.success) return bounded(fail('invalid_input', describeIssues(channel, parsed.error)))
    try {
      return bounded(await core.call(channel, parsed.data))
    } catch (error) {
      return bounded(fail('internal', `${channel}: ${error instanceof Error ? error.message : String(error)}`))
    }
  }
}
