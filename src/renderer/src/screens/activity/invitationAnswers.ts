import type { OutboxEntry } from '../../../../shared/contract'

export type InvitationAnswer = 'accept' | 'decline'

export interface AnsweredInvitation {
  answer: InvitationAnswer
  entry: OutboxEntry
}

/**
 * The user's answer to each invitation, from the outbox (done entries
 * included): the latest one that still counts. A discarded answer counts for
 * nothing, so the invitation can be answered again.
 */
export function invitationAnswers(entries: readonly OutboxEntry[]): Map<number, AnsweredInvitation> {
  const answers = new Map<number, AnsweredInvitation>()
  for (const entry of [...entries].sort((a, b) => a.id - b.id)) {
    const { change } = entry
    if (change.kind !== 'invitation.accept' && change.kind !== 'invitation.decline') continue
    if (entry.state === 'discarded') continue
    answers.set(change.partnershipId, { answer: change.kind === 'invitation.accept' ? 'accept' : 'decline', entry })
  }
  return answers
}
