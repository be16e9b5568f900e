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

  it('runs secondary work only after the first ready, in a task of its own, and at once from then on', () => {
    vi.useFakeTimers()
    try {
      const ran: string[] = []
      readiness.afterFirstReady(() => ran.push('queued'))
      const release = readiness.holdBusy()
      readiness.markInteractive()
      expect(state()).toBe('busy')
      vi.runAllTimers()
      expect(ran).toEqual([])
      release()
      expect(state()).toBe('ready')
      // The first page reads ready before the secondary work holds it busy.
      expect(ran).toEqual([])
      vi.runAllTimers()
      expect(ran).toEqual(['queued'])
      readiness.afterFirstReady(() => ran.push('later'))
      expect(ran).toEqual(['queued', 'later'])
    } finally {
      vi.useRealTimers()
    }
  })
})
