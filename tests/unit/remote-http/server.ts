import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as the server received it. */
export interface Hit {
  readonly method: string
  readonly url: URL
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/** Answers the `index`-th request of the test (0-based). */
export type Handler = (hit: Hit, response: ServerResponse, index: number) => void

/**
 * A real HTTP server on 127.0.0.1, scripted per test: just enough to speak
 * the API's envelope and misbehave on purpose (the project's richer fault
 * server lives in tests/fixtures).
 */
export interface TestServer {
  readonly url: string
  readonly hits: Hit[]
  /** Replaces the handler and forgets earlier hits. */
  answer(handler: Handler): void
  close(): Promise<void>
}

export async function startServer(): Promise<TestServer> {
  const hits: Hit[] = []
  let handler: Handler = (_hit, response) => reply(response, 500, 'no handler')
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const hit: Hit = {
        method: request.method ?? '',
        url: new URL(request.url ?? '/', 'http://127.0.0.1'),
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      hits.push(hit)
      handler(hit, response, hits.length - 1)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    answer(next) {
      handler = next
      hits.length = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Hung requests and keep-alive sockets would hold close() forever.
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function reply(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  response.end(typeof body === 'string' ? body : JSON.stringify(body))
}

export const success = (data: unknown, extra: Record<string, unknown> = {}) => ({ result: 'success', data, ...extra })

export const apiError = (code: string, description: string, extra: Record<string, unknown> = {}) => ({
  result: 'error',
  error: { code, description, ...extra },
})

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
