import type { ClientPage, Input } from '../../../../shared/contract'
import type { Result } from '../../../../shared/result'
import type { ApiClient } from '../../api/bridge'
import { CLIENTS_ROUTE, locationRoute, type ClientsView } from '../../app/route'
import { ClientPageCache, clientQueryOf } from './clientPageCache'

/** The first page asked at start, waiting for the clients screen; null once taken (or never asked). */
let early: { key: string; answer: Promise<Result<ClientPage>> } | null = null

/**
 * Asks for the first page of clients as soon as the cache is known to be
 * ready, while the settings are read and the shell renders: it is what the
 * user waits for, and the core answers reads one at a time. The clients
 * screen is always mounted; when it is not the one shown, it lists the
 * default view.
 */
export function askFirstPageEarly(api: ApiClient): void {
  const route = locationRoute()
  const view: ClientsView = route.screen === 'clients' ? route : CLIENTS_ROUTE
  const request = new ClientPageCache(clientQueryOf(view)).request(0)
  early = { key: JSON.stringify(request), answer: api.call('clients:list', request) }
}

/**
 * The early answer if `request` is what was asked early. Taken once: the
 * slot empties at the first request either way, so a later one (after a
 * change) always reads afresh.
 */
export function takeEarlyPage(request: Input<'clients:list'>): Promise<Result<ClientPage>> | null {
  const taken = early
  early = null
  return taken !== null && taken.key === JSON.stringify(request) ? taken.answer : null
}

/** The cache turned out unusable before the screen took the early page: its rows must never show. */
export function forgetEarlyPage(): void {
  early = null
}
