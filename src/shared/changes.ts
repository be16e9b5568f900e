// The changes a partner can make offline: each becomes an outbox entry,
// shows in the cache at once, and is pushed when the app is online.
import { z } from 'zod'
import { ACCESS_TYPES, SERVICE_CATEGORIES, type CapabilityFamily } from './domain'

const id = z.number().int().positive()
/** A tag created offline has a temporary negative id until the server gives it a real one. */
const tagId = z.number().int().refine((value) => value !== 0, { message: 'a tag id is never 0' })
const tagName = z.string().trim().min(1).max(64)
const tagColor = z.number().int().min(0).max(0xffffff)

export const changeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tag.create'), organizationId: id, name: tagName, color: tagColor }).strict(),
  z
    .object({ kind: z.literal('tag.update'), organizationId: id, tagId, name: tagName.optional(), color: tagColor.optional() })
    .strict()
    .refine((change) => change.name !== undefined || change.color !== undefined, { message: 'a new name or colour is required' }),
  z.object({ kind: z.literal('tag.delete'), organizationId: id, tagId }).strict(),
  z.object({ kind: z.literal('tag.assign'), organizationId: id, tagId, productIds: z.array(id).min(1).max(1000) }).strict(),
  z.object({ kind: z.literal('tag.unassign'), organizationId: id, tagId, productId: id }).strict(),
  z.object({ kind: z.literal('invitation.accept'), partnershipId: id }).strict(),
  z.object({ kind: z.literal('invitation.decline'), partnershipId: id }).strict(),
  z.object({ kind: z.literal('partnership.stop'), partnershipId: id }).strict(),
  z.object({ kind: z.literal('tender.propose'), tenderId: id, text: z.string().trim().min(1).max(10_000) }).strict(),
  // Partner staff restricted to some clients: the published b2b assignment of partnerships to a staff member's invitation.
  z.object({ kind: z.literal('staff.assign'), invitationId: id, partnershipIds: z.array(id).min(1).max(1000) }).strict(),
  z.object({ kind: z.literal('staff.unassign'), invitationId: id, partnershipId: id }).strict(),
  // "Add a client": asks the organization behind an e-mail for access; it may grant other rights than those asked.
  z
    .object({
      kind: z.literal('client.request'),
      email: z.email().max(254),
      accessType: z.enum(ACCESS_TYPES),
      /** The services asked for (limited access), said in the message too. */
      categories: z.array(z.enum(SERVICE_CATEGORIES)).max(SERVICE_CATEGORIES.length),
      message: z.string().max(2000),
    })
    .strict(),
])
export type Change = z.infer<typeof changeSchema>

/**
 * A change as it may be made from now on: tag names without control
 * characters (SQLite's length() stops at a NUL, so "\u0000" failed the
 * table's check while "a\u0000b" was stored as is, and none would show in a
 * list). Stored changes are read with the looser changeSchema, so one queued
 * before this rule still loads.
 */
export const newChangeSchema = changeSchema.superRefine((change, context) => {
  if ('name' in change && change.name !== undefined && /\p{Cc}/u.test(change.name)) {
    context.addIssue({ code: 'custom', path: ['name'], message: 'a tag name cannot hold control characters' })
  }
})
export type ChangeKind = Change['kind']

/**
 * Which family of partner endpoints sends each change. Infomaniak's published
 * API has none of them (the tag writes included): against it a change is not
 * queued, the user is sent to the Manager. `published`: Infomaniak's own
 * published endpoints send it (staff assignment), offered by every server.
 */
export const CHANGE_FAMILY: Readonly<Record<ChangeKind, CapabilityFamily | 'published'>> = {
  'tag.create': 'partnerships',
  'tag.update': 'partnerships',
  'tag.delete': 'partnerships',
  'tag.assign': 'partnerships',
  'tag.unassign': 'partnerships',
  'invitation.accept': 'partnerships',
  'invitation.decline': 'partnerships',
  'partnership.stop': 'partnerships',
  'tender.propose': 'tenders',
  'staff.assign': 'published',
  'staff.unassign': 'published',
  'client.request': 'partnerships',
}
