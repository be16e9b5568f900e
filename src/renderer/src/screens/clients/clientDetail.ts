// Pure helpers of the client detail panel (kept apart so unit tests need no DOM).
import type { Change } from '../../../../shared/changes'
import type { ClientTag } from '../../../../shared/contract'

/** A colour input's value (#rrggbb) as the 0xRRGGBB the contract carries; null if it is not one. */
export function parseColor(value: string): number | null {
  const match = /^#([0-9a-f]{6})$/i.exec(value.trim())
  return match ? Number.parseInt(match[1]!, 16) : null
}

/** A tag waits to be created on the server while its id is negative. */
export const isUnsent = (tag: Pick<ClientTag, 'id'>): boolean => tag.id < 0

/**
 * The name typed in the second confirmation of "stop the collaboration" must be
 * the client's name: spaces around it and letter case do not count.
 */
export function confirmsName(typed: string, name: string): boolean {
  const norm = (text: string): string => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase()
  return norm(typed) !== '' && norm(typed) === norm(name)
}

/** The tag.update for an edit, with only what changed; null when nothing did. */
export function tagUpdate(organizationId: number, tag: ClientTag, name: string, color: number): Extract<Change, { kind: 'tag.update' }> | null {
  const trimmed = name.trim()
  const change: Extract<Change, { kind: 'tag.update' }> = { kind: 'tag.update', organizationId, tagId: tag.id }
  if (trimmed !== tag.name) change.name = trimmed
  if (color !== tag.color) change.color = color
  return change.name === undefined && change.color === undefined ? null : change
}

/** Assigning or removing one tag on one product. */
export function tagToggle(organizationId: number, tagId: number, productId: number, on: boolean): Change {
  return on
    ? { kind: 'tag.assign', organizationId, tagId, productIds: [productId] }
    : { kind: 'tag.unassign', organizationId, tagId, productId }
}
