// The one entry from untrusted callers (renderer IPC, the test bridge, the
// CLI) into the core: input validated against the contract, errors as data.
import type { z } from 'zod'
import { CHANNELS, type Channel } from '../../shared/channels'
import { contract } from '../../shared/contract'
import { fail, type Result } from '../../shared/result'

export interface CoreCaller {
  call(channel: Channel, input: unknown): Promise<Result<unknown>>
}

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>

const known = new Set<string>(CHANNELS)
const isChannel = (name: string): name is Channel => known.has(name)

/** "clients:list: limit: Too big: expected number to be <=500" — names the field. */
function describeIssues(channel: Channel, error: z.ZodError): string {
  const issues = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(input)'
    return `${where}: ${issue.message}`
  })
  return `${channel}: ${issues.join('; ')}`
}

export function createDispatcher(core: CoreCaller): Dispatch {
  return async (channel, rawInput) => {
    if (!isChannel(channel)) return fail('unknown_channel', `unknown channel: ${String(channel).slice(0, 80)}`)
    // A channel with no input may be invoked with nothing at all.
    const parsed = contract[channel].input.safeParse(rawInput === undefined ? {} : rawInput)
    if (!parsed.success) return fail('invalid_input', describeIssues(channel, parsed.error))
    try {
      return await core.call(channel, parsed.data)
    } catch (error) {
      return fail('internal', `${channel}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}
