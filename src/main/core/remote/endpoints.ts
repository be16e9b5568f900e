import { z } from 'zod'
import * as s from './schemas'

// Every call the app makes, as one table the HTTP client and the local API
// server (tests/fixtures/api-server) both read: method, path template, where
// the contract comes from, and the schemas of query, body and answer.
// docs/remote-api.md describes the same table for people.

/**
 * `public`: Infomaniak's published API. `modeled`: the app's own partner
 * contract (and the tag writes, absent from the published document), which
 * honours `Idempotency-Key` on mutations.
 */
export type Source = 'public' | 'modeled'

/** A single object or a plain array: the answer is `success(data)`. */
interface ReadEndpoint<T extends string, D extends z.ZodType> {
  kind: 'read'
  method: 'GET'
  template: T
  route: `GET ${T}`
  source: Source
  answer: ReturnType<typeof s.success<D>>
}

/**
 * A list: `answers.total` for `return=total`, `answers.page` when the
 * request sent `page`, `answers.all` when it did not.
 */
interface ListEndpoint<T extends string, I extends z.ZodType<{ id: number }>, Q extends z.ZodType> {
  kind: 'list'
  method: 'GET'
  template: T
  route: `GET ${T}`
  source: Source
  query: Q
  item: I
  /** The largest page the list serves, what a sync asks for. */
  perPage: number
  answers: { page: ReturnType<typeof s.paged<I>>; all: ReturnType<typeof s.listed<I>>; total: typeof s.totalAnswer }
}

interface MutationEndpoint<M extends 'POST' | 'PATCH' | 'DELETE', T extends string, B extends z.ZodType, D extends z.ZodType> {
  kind: 'mutation'
  method: M
  template: T
  route: `${M} ${T}`
  source: Source
  body: B
  answer: ReturnType<typeof s.success<D>>
  /** 201 when the call creates something, else 200. */
  status: 200 | 201
}

function read<const T extends string, D extends z.ZodType>(template: T, source: Source, data: D): ReadEndpoint<T, D> {
  return { kind: 'read', method: 'GET', template, route: `GET ${template}`, source, answer: s.success(data) }
}

function list<const T extends string, I extends z.ZodType<{ id: number }>, Q extends z.ZodType>(
  template: T,
  source: Source,
  item: I,
  query: Q,
): ListEndpoint<T, I, Q> {
  const perPage = s.PER_PAGE[source]
  return {
    kind: 'list',
    method: 'GET',
    template,
    route: `GET ${template}`,
    source,
    query,
    item,
    perPage,
    answers: { page: s.paged(item, perPage), all: s.listed(item), total: s.totalAnswer },
  }
}

function mutation<const M extends 'POST' | 'PATCH' | 'DELETE', const T extends string, B extends z.ZodType, D extends z.ZodType>(
  method: M,
  template: T,
  source: Source,
  body: B,
  data: D,
  status: 200 | 201 = 200,
): MutationEndpoint<M, T, B, D> {
  return { kind: 'mutation', method, template, route: `${method} ${template}`, source, body, answer: s.success(data), status }
}

const PARTNER = '/1/partners/{partner_id}'

export const ENDPOINTS = {
  // Public: Infomaniak's published API, templates spelled as its document spells them.
  profile: read('/2/profile', 'public', s.profile),
  accounts: read('/1/accounts', 'public', s.uniqueList(s.account)),
  account: read('/1/accounts/{account_id}', 'public', s.account),
  services: read('/1/accounts/{account_id}/services', 'public', z.array(s.service)),
  products: list('/1/products', 'public', s.product, s.productsQuery),
  tags: read('/1/accounts/{account_id}/tags', 'public', z.array(s.tag)),
  staffInvitations: read('/1/accounts/{account}/invitations/users/{user}', 'public', z.array(s.invitation)),
  staffPartnerships: list('/1/accounts/{account}/invitations/{invitation}/b2b', 'public', s.b2bPartnership, s.b2bQuery),
  staffAssign: mutation('POST', '/1/accounts/{account}/invitations/{invitation}/b2b', 'public', s.b2bAssignBody, s.done),
  staffUnassign: mutation('DELETE', '/1/accounts/{account}/invitations/{invitation}/b2b/{partnership_id}', 'public', s.emptyBody, s.done),

  // Modeled: the app's partner contract.
  partnerships: list(`${PARTNER}/partnerships`, 'modeled', s.partnership, s.partnershipsQuery),
  billingHistory: list(`${PARTNER}/billing_history`, 'modeled', s.billingLine, s.billingHistoryQuery),
  invoices: list(`${PARTNER}/invoices`, 'modeled', s.invoice, s.invoicesQuery),
  tenders: list(`${PARTNER}/tenders`, 'modeled', s.tenderItem, s.tendersQuery),
  tenderConsult: mutation('POST', `${PARTNER}/tenders/{tender_id}/consult`, 'modeled', s.emptyBody, s.tenderReveal),
  tenderPropose: mutation('POST', `${PARTNER}/tenders/{tender_id}/proposals`, 'modeled', s.proposalBody, s.proposal, 201),
  invitationAccept: mutation('POST', `${PARTNER}/invitations/{partnership_id}/accept`, 'modeled', s.emptyBody, s.partnership),
  invitationDecline: mutation('POST', `${PARTNER}/invitations/{partnership_id}/decline`, 'modeled', s.emptyBody, s.partnership),
  partnershipStop: mutation('POST', `${PARTNER}/partnerships/{partnership_id}/stop`, 'modeled', s.stopBody, s.partnership),
  clientRequest: mutation('POST', `${PARTNER}/client_requests`, 'modeled', s.clientRequestBody, s.clientRequest, 201),

  // Tag writes: Infomaniak-style paths, not in the published document (best effort), so modeled here.
  tagCreate: mutation('POST', '/1/accounts/{account_id}/tags', 'modeled', s.tagCreateBody, s.tag, 201),
  tagUpdate: mutation('PATCH', '/1/accounts/{account_id}/tags/{tag_id}', 'modeled', s.tagUpdateBody, s.tag),
  tagDelete: mutation('DELETE', '/1/accounts/{account_id}/tags/{tag_id}', 'modeled', s.emptyBody, s.done),
  tagAssign: mutation('POST', '/1/accounts/{account_id}/tags/{tag_id}/products', 'modeled', s.tagProductsBody, s.tag),
  tagUnassign: mutation('DELETE', '/1/accounts/{account_id}/tags/{tag_id}/products/{product_id}', 'modeled', s.emptyBody, s.done),
}

export type Endpoints = typeof ENDPOINTS
export type EndpointName = keyof Endpoints
/** `"GET /1/products"`, `"PATCH /1/accounts/{account_id}/tags/{tag_id}"`, … */
export type RouteKey = Endpoints[EndpointName]['route']

/** The `{name}` placeholders of a path template. */
export type ParamName<T extends string> = T extends `${string}{${infer P}}${infer Rest}` ? P | ParamName<Rest> : never
export type ParamsOf<N extends EndpointName> = Record<ParamName<Endpoints[N]['template']>, number>

/** The concrete path of an endpoint: `pathOf('tagUpdate', { account_id: 7, tag_id: 3 })`. */
export function pathOf<N extends EndpointName>(name: N, params: ParamsOf<N>): string {
  const values: Record<string, number> = params
  return ENDPOINTS[name].template.replace(/\{(\w+)\}/g, (_, param: string) => {
    const value = values[param]
    if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${name}: ${param} must be a positive id, got ${value}`)
    return String(value)
  })
}
