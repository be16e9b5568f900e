import { describe, expect, it } from 'vitest'
import { confirmsName, isUnsent, parseColor, tagToggle, tagUpdate } from '../../../src/renderer/src/screens/clients/clientDetail'

describe('client detail helpers', () => {
  it('reads a colour input as 0xRRGGBB', () => {
    expect(parseColor('#2f80ed')).toBe(0x2f80ed)
    expect(parseColor('#FFFFFF')).toBe(0xffffff)
    expect(parseColor('red')).toBeNull()
    expect(parseColor('#fff')).toBeNull()
  })

  it('marks negative ids as not sent', () => {
    expect(isUnsent({ id: -3 })).toBe(true)
    expect(isUnsent({ id: 12 })).toBe(false)
  })

  it('needs the client name typed to stop a collaboration', () => {
    expect(confirmsName('  acme   sa ', 'Acme SA')).toBe(true)
    expect(confirmsName('Acme', 'Acme SA')).toBe(false)
    expect(confirmsName('', '')).toBe(false)
  })

  it('sends only what an edit changed', () => {
    const tag = { id: 4, name: 'VIP', color: 0x112233 }
    expect(tagUpdate(9, tag, ' VIP ', 0x112233)).toBeNull()
    expect(tagUpdate(9, tag, 'Gold', 0x112233)).toEqual({ kind: 'tag.update', organizationId: 9, tagId: 4, name: 'Gold' })
    expect(tagUpdate(9, tag, 'VIP', 0xff0000)).toEqual({ kind: 'tag.update', organizationId: 9, tagId: 4, color: 0xff0000 })
  })

  it('assigns or unassigns one tag on one product', () => {
    expect(tagToggle(9, -1, 5, true)).toEqual({ kind: 'tag.assign', organizationId: 9, tagId: -1, productIds: [5] })
    expect(tagToggle(9, -1, 5, false)).toEqual({ kind: 'tag.unassign', organizationId: 9, tagId: -1, productId: 5 })
  })
})
