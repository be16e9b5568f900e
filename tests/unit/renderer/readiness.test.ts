import { beforeEach, describe, expect, it, vi } from 'vitest'

type Readiness = typeof import('../../../src/renderer/src/app/readiness')

let readiness: Readiness
const dataset: Record<string, string> = {}
const state = (): string | undefined => dataset.appState

beforeEach(async () => {
  for (const key of Object.keys(dataset)) delete dataset[key]
  vi.stubGlobal('document', { documentElement: { dataset } })
  vi.resetModules()
  readiness = await import('../../../src/renderer/src/app/readiness')
})

describe('readiness signal', () => {
  it('stays loading, even through loads, until a screen has content', () => {
    const release = readiness.holdBusy()
    expect(state()).toBe('loading')
    release()
    expect(state()).toBe('loading')
    readiness.markInteractive()
    expect(state()).toBe('ready')
  })

  it('is busy while any load is held, ready when the last one settles', () => {
    readiness.markInteractive()
    const first = readiness.holdBusy()
    const second = readiness.holdBusy()
    expect(state()).toBe('busy')
    first()
    first()
    expect(state()).toBe('busy')
    second()
    expect(state()).toBe('ready')
  })

  it('says blocked over anything else, and loading again once unblocked', () => {
    readiness.markInteractive()
    readiness.holdBusy()
    readiness.setBlocked(true)
    expect(state()).toBe('blocked')
    readiness.setBlocked(false)
    expect(state()).toBe('loading')
  })
})
