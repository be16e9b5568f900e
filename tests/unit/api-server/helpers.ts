import { afterEach } from 'vitest'
import { type ApiServer, type ApiServerOptions, startApiServer } from '../../fixtures/api-server'
import { smallDemo } from '../demo/fixture'

export interface Reply {
  status: number
  headers: Headers
  text: string
  /** The body parsed as JSON; undefined when it is not JSON. */
  json: unknown
}

export interface CallOptions {
  query?: Record<string, string | number>
  body?: unknown
  /** Sent as Idempotency-Key. */
  key?: string
  /** Another token, or null for none; the server's own by default. */
  token?: string | null
  signal?: AbortSignal
}

/** One request with Node's fetch, the way the app's client speaks: Bearer token, JSON body on every method but GET. */
export async function call(server: ApiServer, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const url = new URL(path, server.url)
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, String(value))
  const headers: Record<string, string> = {}
  const token = options.token === undefined ? server.token : options.token
  if (token !== null) headers.authorization = `Bearer ${token}`
  if (options.key !== undefined) headers['idempotency-key'] = options.key
  let body: string | undefined
  if (method !== 'GET') {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.body ?? {})
  }
  const response = await fetch(url, { method, headers, body, signal: options.signal })
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}

/** Every page of a list, in order. */
export async function walk(server: ApiServer, path: string, perPage: number, query: Record<string, string | number> = {}): Promise<Reply[]> {
  const replies: Reply[] = []
  for (let page = 1; ; page++) {
    const reply = await call(server, 'GET', path, { query: { ...query, page, per_page: perPage } })
    replies.push(reply)
    const { pages } = reply.json as { pages: number }
    if (reply.status !== 200 || page >= pages) return replies
  }
}

/** A server on the shared small demo, closed after each test; no rate limit unless asked. */
export function useServers(): (options?: Partial<Omit<ApiServerOptions, 'dataset'>>) => Promise<ApiServer> {
  const started: ApiServer[] = []
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.close()))
  })
  return async (options = {}) => {
    const server = await startApiServer({ rateLimit: false, ...options, dataset: smallDemo() })
    started.push(server)
    return server
  }
}

export const PARTNER = '/1/partners/1'
