import type { TFunction } from 'i18next'
import type { Change } from '../../../../shared/changes'
import type { OutboxEntry } from '../../../../shared/contract'
import type { OutboxState } from '../../../../shared/domain'

/** One queued change as a sentence: "Accept the invitation from Client W". */
export function changeSentence(t: TFunction, change: Change, clientName: string | null): string {
  const client = clientName ?? t('outbox.unknownClient')
  switch (change.kind) {
    case 'tag.create':
      return t('outbox.change.tagCreate', { client, name: change.name })
    case 'tag.update':
      if (change.name !== undefined && change.color !== undefined) return t('outbox.change.tagRenameRecolor', { client, name: change.name })
      if (change.name !== undefined) return t('outbox.change.tagRename', { client, name: change.name })
      return t('outbox.change.tagRecolor', { client })
    case 'tag.delete':
      return t('outbox.change.tagDelete', { client })
    case 'tag.assign':
      return t('outbox.change.tagAssign', { client, count: change.productIds.length })
    case 'tag.unassign':
      return t('outbox.change.tagUnassign', { client })
    case 'invitation.accept':
      return t('outbox.change.invitationAccept', { client })
    case 'invitation.decline':
      return t('outbox.change.invitationDecline', { client })
    case 'partnership.stop':
      return t('outbox.change.partnershipStop', { client })
    case 'tender.propose':
      return t('outbox.change.tenderPropose', { id: change.tenderId })
    case 'staff.assign':
      return change.partnershipIds.length === 1 && clientName !== null
        ? t('outbox.change.staffAssignOne', { client, staff: change.invitationId })
        : t('outbox.change.staffAssign', { count: change.partnershipIds.length, staff: change.invitationId })
    case 'staff.unassign':
      return t('outbox.change.staffUnassign', { client, staff: change.invitationId })
    case 'client.request':
      return t('outbox.change.clientRequest', { email: change.email, access: t(`clients.access.${change.accessType}`) })
  }
}

export type OutboxAction = 'retry' | 'discard' | 'keepMine' | 'takeTheirs'

/** What the user may do with an entry in each state; nothing while it is on its way or settled. */
export function actionsFor(state: OutboxState): OutboxAction[] {
  switch (state) {
    case 'pending':
      return ['discard']
    case 'failed':
      return ['retry', 'discard']
    case 'conflict':
      // Taking theirs drops mine: a separate discard would do the same.
      return ['keepMine', 'takeTheirs']
    case 'in_flight':
    case 'done':
    case 'discarded':
      return []
  }
}

/** Fields a conflict can show, in display order; others follow under their own name. */
export const KNOWN_FIELDS = ['name', 'color', 'status', 'access_type', 'payment_mode', 'product_count'] as const
export type KnownField = (typeof KNOWN_FIELDS)[number]

export interface ConflictRow {
  field: string
  /** undefined: this side says nothing about the field. */
  mine: unknown
  theirs: unknown
}

/** The values the user's change would set, named as the server names them. */
export function mineValues(change: Change): Record<string, unknown> {
  switch (change.kind) {
    case 'tag.create':
      return { name: change.name, color: change.color }
    case 'tag.update': {
      const values: Record<string, unknown> = {}
      if (change.name !== undefined) values.name = change.name
      if (change.color !== undefined) values.color = change.color
      return values
    }
    case 'invitation.accept':
      return { status: 'active' }
    case 'invitation.decline':
    case 'partnership.stop':
      return { status: 'ended' }
    case 'tender.propose':
      return { text: change.text }
    case 'tag.delete':
    case 'tag.assign':
    case 'tag.unassign':
    case 'staff.assign':
    case 'staff.unassign':
      return {}
    case 'client.request':
      return { email: change.email, access_type: change.accessType }
  }
}

/** Keys of the server's side that say why it refused, not what it holds (see core/outbox/push.ts). */
const REFUSAL_KEYS = ['id', 'code', 'description', 'kind', 'gone']

export interface Refusal {
  /** The server's words, when it gave any. */
  reason: string | null
  /** The object the change was about no longer exists on the server. */
  gone: boolean
}

export function refusalOf(theirs: Record<string, unknown> | null): Refusal {
  const description = theirs?.description
  return {
    reason: typeof description === 'string' && description.trim() !== '' ? description : null,
    gone: theirs?.gone === true,
  }
}

/** Mine beside theirs, field by field: the known fields first; ids and the refusal's own keys left out. */
export function conflictRows(entry: Pick<OutboxEntry, 'change' | 'theirs'>): ConflictRow[] {
  const mine = mineValues(entry.change)
  const theirs = entry.theirs ?? {}
  // Gone on the server: there is nothing of theirs to set beside mine.
  if (theirs.gone === true) return []
  const fields = new Set([...Object.keys(mine), ...Object.keys(theirs)])
  for (const key of REFUSAL_KEYS) fields.delete(key)
  const known = KNOWN_FIELDS.filter((field) => fields.has(field))
  const others = [...fields].filter((field) => !(KNOWN_FIELDS as readonly string[]).includes(field)).sort()
  return [...known, ...others].map((field) => ({ field, mine: mine[field], theirs: theirs[field] }))
}

export const isKnownField = (field: string): field is KnownField => (KNOWN_FIELDS as readonly string[]).includes(field)

/** A tag colour (0xRRGGBB) as CSS hex. */
export function colorHex(value: number): string {
  return `#${Math.max(0, Math.min(0xffffff, Math.trunc(value))).toString(16).padStart(6, '0')}`
}
