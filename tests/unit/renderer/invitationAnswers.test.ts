import { describe, expect, it } from 'vitest'
import type { Change } from '../../../src/shared/changes'
import type { OutboxEntry } from '../../../src/shared/contract'
import type { OutboxState } from '../../../src/shared/domain'
import { invitationAnswers } from '../../../src/renderer/src/screens/activity/invitationAnswers'

const entry = (id: number, change: Change, state: OutboxState): OutboxEntry => ({
  id,
  change,
  clientId: null,
  clientName: null,
  state,
  attempts: 0,
  nextAttemptAt: null,
  lastError: null,
  createdAt: 0,
  theirs: null,
})

describe('invitationAnswers', () => {
  it('keeps the latest answer to each invitation that still counts', () => {
    const answers = invitationAnswers([
      entry(3, { kind: 'invitation.decline', partnershipId: 7 }, 'pending'),
      entry(1, { kind: 'invitation.accept', partnershipId: 7 }, 'discarded'),
      entry(2, { kind: 'invitation.accept', partnershipId: 8 }, 'done'),
      entry(4, { kind: 'tag.delete', organizationId: 1, tagId: 2 }, 'pending'),
      entry(5, { kind: 'partnership.stop', partnershipId: 9 }, 'pending'),
    ])
    expect([...answers.entries()].map(([id, a]) => [id, a.answer, a.entry.id])).toEqual([
      [8, 'accept', 2],
      [7, 'decline', 3],
    ])
  })

  it('lets a discarded answer be given again', () => {
    expect(invitationAnswers([entry(1, { kind: 'invitation.accept', partnershipId: 7 }, 'discarded')]).size).toBe(0)
  })
})
