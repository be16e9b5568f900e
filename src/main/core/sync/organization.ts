// Which of the organizations a token reaches is the partner's own, from the
// published fields alone: GET /1/accounts lists every organization the
// token's user belongs to or manages, each with `is_customer` (a client
// under management) and the partnership flags. `partner_id` is not used: its
// meaning is not documented, and it is no account id.
import type { Account, Profile } from '../remote/schemas'

/** The organizations that may be the partner: the user's own, not a client's. */
export function partnerCandidates(accounts: readonly Account[]): Account[] {
  return accounts.filter((account) => !account.is_customer)
}

export class NotAPartner extends Error {}

/**
 * The one candidate, or the one the user picked when adding the account, or
 * else the profile's current organization when it is a candidate. Several
 * candidates and no pick is the user's to settle: the message lists them.
 */
export function choosePartner(accounts: readonly Account[], profile: Profile, picked: number | undefined): Account {
  const candidates = partnerCandidates(accounts)
  if (picked !== undefined) {
    const chosen = candidates.find((account) => account.id === picked)
    if (chosen) return chosen
    throw new NotAPartner(
      `the organization picked for this account (${picked}) is no longer one of the token's own organizations: edit the account and pick again`,
    )
  }
  if (candidates.length === 1) return candidates[0]
  if (candidates.length === 0) {
    throw new NotAPartner('the token reaches no organization of its own, only clients: Partner Desk needs a token of the partner organization')
  }
  const current = candidates.find((account) => account.id === profile.current_account_id)
  if (current) return current
  const names = candidates.map((account) => `${account.name} (${account.id})`).join(', ')
  throw new NotAPartner(`the token reaches several organizations of its own (${names}): edit the account and pick the partner organization`)
}

/** Clients under management: the organizations the partner reaches as customers. */
export function managedClients(accounts: readonly Account[], partnerId: number): Account[] {
  return accounts.filter((account) => account.id !== partnerId && account.is_customer)
}
