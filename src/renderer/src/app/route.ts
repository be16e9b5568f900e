// The app's routes as URL-like text ("clients?access=complete&renewal=30",
// "clients/123", "billing?clients=1,2,3", "tenders/45"), kept in the
// window's location hash so Back and Forward walk through them and a view
// can be saved or linked by its text. Pure: parsing never throws, anything
// unknown reads as the clients table.
import { ACCESS_TYPES, CURRENCIES, PARTNERSHIP_STATUSES, PAYMENT_MODES, SERVICE_CATEGORIES } from '../../../shared/domain'
import type { ClientSortKey } from '../../../shared/contract'
import type { ClientFilters } from '../../../shared/client-filters'
import { SCREENS, type Screen } from './screens'

export interface ClientsView {
  query: string
  filters: ClientFilters
  sort: ClientSortKey
  direction: 'asc' | 'desc'
}

export type Route =
  | ({ screen: 'clients' } & ClientsView)
  | { screen: 'client'; id: number }
  | { screen: 'renewals'; days: number }
  | ({ screen: 'matrix' } & Pick<ClientsView, 'query' | 'filters'>)
  | { screen: 'billing'; clients: number[] }
  | { screen: 'tenders'; id: number | null }
  | { screen: Exclude<Screen, 'clients' | 'billing' | 'tenders'> }

/** As CLIENT_SORT_KEYS in the contract, which the renderer does not bundle (zod). */
const SORT_KEYS = ['name', 'nextExpiry', 'productCount', 'billing12m'] as const satisfies readonly ClientSortKey[]

export const DEFAULT_CLIENTS_VIEW: ClientsView = { query: '', filters: {}, sort: 'name', direction: 'asc' }
export const DEFAULT_RENEWAL_DAYS = 60
export type ClientsRoute = Extract<Route, { screen: 'clients' }>
export const CLIENTS_ROUTE: ClientsRoute = { screen: 'clients', ...DEFAULT_CLIENTS_VIEW }

/** Which entry of the navigation a route belongs to. */
export function navScreen(route: Route): Screen {
  switch (route.screen) {
    case 'client':
    case 'matrix':
      return 'clients'
    case 'renewals':
      return 'clients'
    default:
      return route.screen
  }
}

const positiveId = (text: string | undefined): number | null => (text !== undefined && /^[1-9]\d{0,15}$/.test(text) ? Number(text) : null)
/** A tender added from an e-mail has a negative id (it has no Manager id yet). */
const tenderId = (text: string | undefined): number | null => (text !== undefined && /^-?[1-9]\d{0,15}$/.test(text) ? Number(text) : null)

function pick<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T[] | undefined {
  const values = params.getAll(key).flatMap((value) => value.split(','))
  const known = [...new Set(values.filter((value): value is T => (allowed as readonly string[]).includes(value)))]
  return known.length > 0 ? known : undefined
}

function filtersOf(params: URLSearchParams): ClientFilters {
  const filters: ClientFilters = {}
  const access = pick(params, 'access', ACCESS_TYPES)
  const payment = pick(params, 'payment', PAYMENT_MODES)
  const status = pick(params, 'status', PARTNERSHIP_STATUSES)
  const category = pick(params, 'category', SERVICE_CATEGORIES)
  const currency = pick(params, 'currency', CURRENCIES)
  // Tags may hold commas: one parameter per tag.
  const tag = [...new Set(params.getAll('tag').map((name) => name.trim()).filter((name) => name !== '' && name.length <= 64))].slice(0, 50)
  if (access) filters.access = access
  if (payment) filters.payment = payment
  if (status) filters.status = status
  if (category) filters.category = category
  if (tag.length > 0) filters.tag = tag
  if (currency) filters.currency = currency
  const staff = [...new Set((params.get('staff') ?? '').split(',').map((id) => positiveId(id)).filter((id): id is number => id !== null))].slice(0, 50)
  if (staff.length > 0) filters.staff = staff
  const renewal = positiveId(params.get('renewal') ?? undefined)
  if (renewal !== null && renewal <= 3650) filters.renewalWithin = renewal
  if (params.get('pending') === '1') filters.pending = true
  return filters
}

function filterParams(filters: ClientFilters, params: URLSearchParams): void {
  for (const key of ['access', 'payment', 'status', 'category', 'currency'] as const) {
    const values = filters[key]
    if (values && values.length > 0) params.set(key, values.join(','))
  }
  for (const tag of filters.tag ?? []) params.append('tag', tag)
  if (filters.staff && filters.staff.length > 0) params.set('staff', filters.staff.join(','))
  if (filters.renewalWithin !== undefined) params.set('renewal', String(filters.renewalWithin))
  if (filters.pending) params.set('pending', '1')
}

export function parseRoute(text: string): Route {
  const trimmed = text.replace(/^#?\/?/, '')
  const mark = trimmed.indexOf('?')
  const path = (mark < 0 ? trimmed : trimmed.slice(0, mark)).split('/').filter((part) => part !== '')
  const params = new URLSearchParams(mark < 0 ? '' : trimmed.slice(mark + 1))
  const [head, second] = path
  switch (head) {
    case 'clients': {
      const id = positiveId(second)
      if (id !== null) return { screen: 'client', id }
      const sort = (SORT_KEYS as readonly string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as ClientSortKey) : 'name'
      return { screen: 'clients', query: (params.get('q') ?? '').slice(0, 200), filters: filtersOf(params), sort, direction: params.get('dir') === 'desc' ? 'desc' : 'asc' }
    }
    case 'renewals': {
      const days = positiveId(params.get('days') ?? undefined)
      return { screen: 'renewals', days: days !== null && days <= 366 ? days : DEFAULT_RENEWAL_DAYS }
    }
    case 'matrix':
      return { screen: 'matrix', query: (params.get('q') ?? '').slice(0, 200), filters: filtersOf(params) }
    case 'billing': {
      const clients = (params.get('clients') ?? '').split(',').map((id) => positiveId(id)).filter((id): id is number => id !== null)
      return { screen: 'billing', clients: [...new Set(clients)] }
    }
    case 'tenders':
      return { screen: 'tenders', id: tenderId(second) }
    default:
      return (SCREENS as readonly string[]).includes(head ?? '') && head !== 'clients'
        ? ({ screen: head as Exclude<Screen, 'clients' | 'billing' | 'tenders'> })
        : CLIENTS_ROUTE
  }
}

/** The route the location holds now (before the shell's router is mounted, e.g. at start). */
export const locationRoute = (): Route => parseRoute(window.location.hash)

export function formatRoute(route: Route): string {
  const params = new URLSearchParams()
  let path: string
  switch (route.screen) {
    case 'clients':
      path = 'clients'
      if (route.query !== '') params.set('q', route.query)
      filterParams(route.filters, params)
      if (route.sort !== 'name') params.set('sort', route.sort)
      if (route.direction !== 'asc') params.set('dir', route.direction)
      break
    case 'client':
      path = `clients/${route.id}`
      break
    case 'renewals':
      path = 'renewals'
      if (route.days !== DEFAULT_RENEWAL_DAYS) params.set('days', String(route.days))
      break
    case 'matrix':
      path = 'matrix'
      if (route.query !== '') params.set('q', route.query)
      filterParams(route.filters, params)
      break
    case 'billing':
      path = 'billing'
      if (route.clients.length > 0) params.set('clients', route.clients.join(','))
      break
    case 'tenders':
      path = route.id === null ? 'tenders' : `tenders/${route.id}`
      break
    default:
      path = route.screen
  }
  // Commas are kept readable: they separate values, and URLSearchParams escapes the ones inside tags.
  const query = params.toString().replace(/%2C/g, ',')
  return query === '' ? path : `${path}?${query}`
}
