import type { Input } from '../../../../shared/contract'
import { CLIENTS_ROUTE, locationRoute, type ClientsView } from '../../app/route'
import { ClientPageCache, clientQueryOf } from './clientPageCache'

/**
 * The request for the first page of clients the window will show, as the
 * clients screen will ask it (asked at start, see earlyReads.ts). The clients
 * screen is always mounted; when it is not the one shown, it lists the
 * default view.
 */
export function firstPageRequest(): Input<'clients:list'> {
  const route = locationRoute()
  const view: ClientsView = route.screen === 'clients' ? route : CLIENTS_ROUTE
  return new ClientPageCache(clientQueryOf(view)).request(0)
}
