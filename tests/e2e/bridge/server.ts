// TEST ONLY, never shipped: serves the built renderer and speaks the
// preload's API over loopback HTTP to the real core on a temporary database.
// Bound to 127.0.0.1, every bridge request carries a per-run secret.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import type { EventName } from '../../../src/shared/contract'
import { CoreHost } from '../../../src/main/core/host'
import type { WorkerConfig } from '../../../src/main/core/protocol'
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/dispatcher'
import { BUILT_RENDERER, BUILT_WORKER } from '../../paths'

export interface Bridge {
  url: string
  secret: string
  /** Direct access to the same core, for tests to compute expectations. */
  dispatch: Dispatch
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startBridge(config: WorkerConfig): Promise<Bridge> {
  const secret = randomBytes(24).toString('hex')
  const core = new CoreHost({ workerPath: BUILT_WORKER, ...config })
  const dispatch = createDispatcher(core)
  const streams = new Set<ServerResponse>()
  core.onEvent((event: EventName, payload) => {
    for (const stream of streams) stream.write(`data: ${JSON.stringify({ event, payload })}\n\n`)
  })

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname.startsWith('/__bridge/')) {
      const given = request.headers['x-bridge-secret'] ?? url.searchParams.get('secret')
      if (given !== secret) return void response.writeHead(403).end()
      if (url.pathname === '/__bridge/invoke' && request.method === 'POST') {
        const { channel, input } = JSON.parse(await readBody(request)) as { channel: string; input: unknown }
        const result = await dispatch(channel, input)
        return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result))
      }
      if (url.pathname === '/__bridge/events') {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
        response.write(': open\n\n')
        streams.add(response)
        request.on('close', () => streams.delete(response))
        return
      }
      return void response.writeHead(404).end()
    }
    const file = normalize(join(BUILT_RENDERER, url.pathname === '/' ? 'index.html' : url.pathname))
    if (!file.startsWith(BUILT_RENDERER + sep)) return void response.writeHead(403).end()
    try {
      const body = await readFile(file)
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/`,
    secret,
    dispatch,
    async close() {
      for (const stream of streams) stream.end()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await core.close()
    },
  }
}
