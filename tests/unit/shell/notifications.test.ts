// The Electron notifier against a fake electron: nothing shown where the
// system has no notifications, one notice per key on screen, and a click
// brings the window forward before the session is told.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronNotifier } from '../../../src/main/shell/notifications'

const fake = vi.hoisted(() => ({
  supported: true,
  created: [] as Array<{ options: { title: string; body: string }; handlers: Map<string, () => void>; shown: boolean; closed: boolean }>,
  window: { minimized: true, calls: [] as string[] },
}))

vi.mock('electron', () => {
  class Notification {
    static isSupported = () => fake.supported
    private readonly record
    constructor(options: { title: string; body: string }) {
      this.record = { options, handlers: new Map<string, () => void>(), shown: false, closed: false }
      fake.created.push(this.record)
    }
    on(event: string, handler: () => void) {
      this.record.handlers.set(event, handler)
      return this
    }
    show() {
      this.record.shown = true
    }
    close() {
      this.record.closed = true
      this.record.handlers.get('close')?.()
    }
  }
  const window = {
    isMinimized: () => fake.window.minimized,
    restore: () => fake.window.calls.push('restore'),
    show: () => fake.window.calls.push('show'),
    focus: () => fake.window.calls.push('focus'),
  }
  return { Notification, BrowserWindow: { getAllWindows: () => [window] } }
})

beforeEach(() => {
  fake.supported = true
  fake.created.length = 0
  fake.window.calls.length = 0
})

const notice = (key: string, title = 'Renewal in 7 days') => ({ key, title, body: 'shop.example.ch', route: 'clients/42' })

describe('electronNotifier', () => {
  it('shows nothing and says so where the system has no notifications', () => {
    fake.supported = false
    expect(electronNotifier().show(notice('a'), () => {})).toBe(false)
    expect(fake.created).toEqual([])
  })

  it('replaces the notice on screen with the same key, keeps others', () => {
    const notifier = electronNotifier()
    expect(notifier.show(notice('a', 'first'), () => {})).toBe(true)
    notifier.show(notice('b'), () => {})
    notifier.show(notice('a', 'second'), () => {})
    expect(fake.created.map((n) => [n.options.title, n.shown, n.closed])).toEqual([
      ['first', true, true],
      ['Renewal in 7 days', true, false],
      ['second', true, false],
    ])
  })

  it('on click, brings the window back and to the front, then calls back', () => {
    const clicked = vi.fn(() => expect(fake.window.calls).toEqual(['restore', 'show', 'focus']))
    electronNotifier().show(notice('a'), clicked)
    fake.created[0].handlers.get('click')?.()
    expect(clicked).toHaveBeenCalledTimes(1)
  })
})
