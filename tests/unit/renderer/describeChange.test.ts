import i18next, { type i18n as I18n } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Change } from '../../../src/shared/changes'
import { OUTBOX_STATES } from '../../../src/shared/domain'
import {
  actionsFor,
  changeSentence,
  colorHex,
  conflictRows,
  refusalOf,
} from '../../../src/renderer/src/screens/outbox/describeChange'
import { en } from '../../../src/renderer/src/i18n/en'

let i18n: I18n
beforeAll(async () => {
  i18n = i18next.createInstance()
  await i18n.init({ resources: { en: { translation: en } }, lng: 'en', fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false } })
})

describe('changeSentence', () => {
  it('describes every kind of change, naming the client', () => {
    const t = i18n.t.bind(i18n)
    const cases: Array<[Change, string]> = [
      [{ kind: 'tag.create', organizationId: 1, name: 'VIP', color: 0xff0000 }, 'Create the tag “VIP” for Acme'],
      [{ kind: 'tag.update', organizationId: 1, tagId: 2, name: 'Gold' }, 'Rename a tag of Acme to “Gold”'],
      [{ kind: 'tag.update', organizationId: 1, tagId: 2, color: 1 }, 'Change the colour of a tag of Acme'],
      [{ kind: 'tag.update', organizationId: 1, tagId: 2, name: 'Gold', color: 1 }, 'Rename a tag of Acme to “Gold” and change its colour'],
      [{ kind: 'tag.delete', organizationId: 1, tagId: 2 }, 'Delete a tag of Acme'],
      [{ kind: 'tag.assign', organizationId: 1, tagId: 2, productIds: [5] }, 'Tag 1 product of Acme'],
      [{ kind: 'tag.assign', organizationId: 1, tagId: 2, productIds: [5, 6] }, 'Tag 2 products of Acme'],
      [{ kind: 'tag.unassign', organizationId: 1, tagId: 2, productId: 5 }, 'Remove a tag from a product of Acme'],
      [{ kind: 'invitation.accept', partnershipId: 3 }, 'Accept the invitation from Acme'],
      [{ kind: 'invitation.decline', partnershipId: 3 }, 'Decline the invitation from Acme'],
      [{ kind: 'partnership.stop', partnershipId: 3 }, 'Stop the partnership with Acme'],
    ]
    for (const [change, sentence] of cases) expect(changeSentence(t, change, 'Acme')).toBe(sentence)
    expect(changeSentence(t, { kind: 'tag.delete', organizationId: 1, tagId: 2 }, null)).toBe('Delete a tag of a client')
  })
})

describe('actionsFor', () => {
  it('offers what each state allows, and nothing while a change is on its way or settled', () => {
    expect(Object.fromEntries(OUTBOX_STATES.map((state) => [state, actionsFor(state)]))).toEqual({
      pending: ['discard'],
      in_flight: [],
      done: [],
      conflict: ['keepMine', 'takeTheirs'],
      failed: ['retry', 'discard'],
      discarded: [],
    })
  })
})

describe('conflictRows', () => {
  const update: Change = { kind: 'tag.update', organizationId: 1, tagId: 2, name: 'Mine' }

  it('sets mine beside theirs field by field, leaving out the refusal itself', () => {
    const theirs = { code: 'conflict', description: 'tag 2 changed since it was read', name: 'Theirs', color: 0x00ff00 }
    expect(conflictRows({ change: update, theirs })).toEqual([
      { field: 'name', mine: 'Mine', theirs: 'Theirs' },
      { field: 'color', mine: undefined, theirs: 0x00ff00 },
    ])
    expect(refusalOf(theirs)).toEqual({ reason: 'tag 2 changed since it was read', gone: false })
  })

  it('shows the status an invitation answer wanted against what the server says', () => {
    expect(conflictRows({ change: { kind: 'invitation.accept', partnershipId: 3 }, theirs: { code: 'conflict', status: 'ended' } })).toEqual([
      { field: 'status', mine: 'active', theirs: 'ended' },
    ])
  })

  it('has nothing to compare when the object is gone, or the server said nothing', () => {
    expect(conflictRows({ change: update, theirs: { code: 'conflict', gone: true } })).toEqual([])
    expect(refusalOf({ gone: true })).toEqual({ reason: null, gone: true })
    expect(conflictRows({ change: { kind: 'tag.delete', organizationId: 1, tagId: 2 }, theirs: { kind: 'rejected' } })).toEqual([])
    expect(refusalOf(null)).toEqual({ reason: null, gone: false })
  })

  it('keeps fields it has no name for, after the known ones', () => {
    expect(conflictRows({ change: update, theirs: { zeta: 1, name: 'T', alpha: 2 } }).map((row) => row.field)).toEqual([
      'name',
      'alpha',
      'zeta',
    ])
  })
})

describe('colorHex', () => {
  it('writes a tag colour as CSS hex', () => {
    expect(colorHex(0)).toBe('#000000')
    expect(colorHex(0x3366ff)).toBe('#3366ff')
    expect(colorHex(0x1000000)).toBe('#ffffff')
  })
})
