import type { CacheStatus } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import type { Settings } from '../../../shared/settings'
import { createApiClient, findBridge, type ApiClient } from '../api/bridge'
import { askFirstPageEarly } from '../screens/clients/firstPage'

/** The start's reads, asked before anything renders; taken once by the first startup. */
export interface EarlyStart {
  status: Promise<Result<CacheStatus>>
  settings: Promise<Result<Settings>>
}

let early: EarlyStart | null = null

/**
 * Asks, all at once and as the bundle starts running, what the first screen
 * needs: the cache's state, the first page of clients and the settings. They
 * no longer wait for each other, nor for i18n and the first render. The core
 * answers one call at a time, in order: the status first, then the page; the
 * settings are the host's. Should the status not be `ready`, the startup
 * drops the page unread (forgetEarlyPage), and the core, which answers no
 * read from a damaged or too-new file, has read nothing for it.
 */
function askStartEarly(api: ApiClient): void {
  const status = api.call('cache:status', {})
  askFirstPageEarly(api)
  early = { status, settings: api.call('settings:get', {}) }
}

/**
 * The window's API client, null without a bridge. Made, and the start's reads
 * asked, as this module is evaluated: main.tsx imports it first, so the
 * calls leave before React and the screens' modules are run.
 */
const bridge = findBridge(window)
export const startApi: ApiClient | null = bridge === null ? null : createApiClient(bridge)
if (startApi !== null) askStartEarly(startApi)

/** The early reads, once: a retry or a later start reads afresh. */
export function takeEarlyStart(): EarlyStart | null {
  const taken = early
  early = null
  return taken
}
