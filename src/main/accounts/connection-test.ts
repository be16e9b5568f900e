// "Test connection" before an account is saved: whose token it is and which
// organizations it sees, from the two published calls a sync starts with, so
// a wrong token, a missing scope or a wrong address is said at once, not at
// the first sync.
import type { ConnectionReport } from '../../shared/contract'
import { fail, ok, type Result } from '../../shared/result'
import { ENDPOINTS } from '../core/remote/endpoints'
import { createRemoteClient, RemoteError } from '../core/remote/http'
import { partnerCandidates } from '../core/sync/organization'

/** What each call needs of the token (the `accounts` scope is documented for /1/accounts). */
const NEEDS: Record<string, string> = {
  [ENDPOINTS.profile.template]: 'to read its own user (GET /2/profile)',
  [ENDPOINTS.accounts.template]: 'the "accounts" scope (GET /1/accounts)',
}

export async function testConnection(baseUrl: string, token: string, options: { timeoutMs?: number } = {}): Promise<Result<ConnectionReport>> {
  const client = createRemoteClient({ baseUrl, token: () => token, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) })
  try {
    const profile = await client.get({ path: ENDPOINTS.profile.template }, { schema: ENDPOINTS.profile.answer.shape.data })
    const accounts = await client.get({ path: ENDPOINTS.accounts.template }, { schema: ENDPOINTS.accounts.answer.shape.data })
    const candidates = partnerCandidates(accounts)
    const own = new Set(candidates.map((account) => account.id))
    if (candidates.length === 0) {
      return fail('remote', 'the token reaches no organization of its own, only clients: Partner Desk needs a token of the partner organization')
    }
    // Several of its own: the user picks (the profile's current one preselected), never a guess saved with the account.
    const partner = candidates.length === 1 ? candidates[0].id : null
    return ok({
      user: { name: profile.display_name, email: profile.email },
      organizations: accounts.map((account) => ({ id: account.id, name: account.name, own: own.has(account.id) })),
      partner,
      current: profile.current_account_id ?? null,
    })
  } catch (error) {
    if (!(error instanceof RemoteError)) throw error
    const need = NEEDS[error.request.path] ?? error.request.path
    switch (error.failure.kind) {
      case 'token_invalid':
        return fail('token_invalid', `the token was refused: ${error.message}`)
      case 'forbidden':
        return fail('forbidden', `the token lacks what this needs: ${need}. Give the token that scope in the Manager (${error.message})`)
      case 'network':
      case 'timeout':
        return fail('offline', `the API could not be reached at ${baseUrl}: ${error.message}`)
      default:
        return fail('remote', error.message)
    }
  }
}
