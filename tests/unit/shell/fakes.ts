// Stand-ins for the parts of Electron the shell touches; tests cast them to
// Electron's types at the call site.
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

export interface FakeNavigationEvent {
  url: string
  preventDefault: ReturnType<typeof vi.fn>
}

export const navigationEvent = (url: string): FakeNavigationEvent => ({ url, preventDefault: vi.fn() })

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  destroyed = false
  readonly send = vi.fn()

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }

  isDestroyed(): boolean {
    return this.destroyed
  }
}

/** A WebFrameMain as the sender check sees it. */
export const frame = (url: string, parent: unknown = null) => ({ url, parent })
