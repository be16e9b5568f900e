// TEST ONLY, never shipped: serves the built renderer and speaks the
// preload's API over loopback HTTP to the real core on a temporary database
// (startBridge), or to a whole app session with accounts (startSessionBridge).
// Bound to 127.0.0.1, every bridge request carries a per-run secret.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, extname, join, normalize, sep } from 'node:path'
import type { DemoSize } from '../../../src/shared/contract'
import type { Cipher } from '../../../src/main/accounts/secret-store'
import { CoreHost, type EventListener } from '../../../src/main/core/host'
import type { RemoteConfig, WorkerConfig } from '../../../src/main/core/protocol'
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/dispatcher'
import { AppSession } from '../../../src/main/session/app-session'
import type { DesktopNotice } from '../../../src/main/session/desktop-notifier'
import { SettingsFile } from '../../../src/main/settings/settings-file'
import { ok } from '../../../src/shared/result'
import type { Settings } from '../../../src/shared/settings'
import { BUILT_RENDERER, BUILT_WORKER } from '../../paths'
import { fakeCipher } from '../../unit/accounts/fake-cipher'
import { RecordingNotifier } from './recording-notifier'

export interface Bridge {
  url: string
  secret: string
  /** Direct access to the same core, for tests to compute expectations. */
  dispatch: Dispatch
  /** Every call the page made, in arrival order (the test's own `dispatch` calls are not in it). */
  calls: Array<{ channel: string; input: unknown }>
  /** The desktop notifications the page asked for; `notifier.click(key)` clicks one. */
  notifier: RecordingNotifier
  close(): Promise<void>
}

/** What the bridge serves: anything that dispatches contract calls and pushes contract events. */
interface Backend {
  dispatch: Dispatch
  onEvent(listener: EventListener): () => void
  close(): Promise<void>
  notifier: RecordingNotifier
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

/** One core on one cache; settings kept beside the cache file, as the app keeps them beside its caches. */
export async function startBridge(config: WorkerConfig & { token?: () => Promise<string | null> }): Promise<Bridge> {
  const core = new CoreHost({ workerPath: BUILT_WORKER, ...config })
  const settings = new SettingsFile(dirname(config.dbPath), () => {})
  const notifier = new RecordingNotifier()
  // The host's own events (a notification clicked) alongside the core's, as the app session relays both.
  const hostListeners = new Set<EventListener>()
  const dispatch = createDispatcher({
    call: async (channel, input) => {
      if (channel === 'settings:get') return ok(settings.read())
      if (channel === 'settings:set') return ok(settings.write(input as Partial<Settings>))
      if (channel === 'desktop:notify') {
        const notice = input as DesktopNotice
        const click = () => hostListeners.forEach((listener) => listener('desktop:notificationClicked', { key: notice.key, route: notice.route }))
        return ok({ shown: notifier.show(notice, click) })
      }
      return core.call(channel, input)
    },
  })
  const onEvent = (listener: EventListener) => {
    hostListeners.add(listener)
    const detach = core.onEvent(listener)
    return () => {
      hostListeners.delete(listener)
      detach()
    }
  }
  return serve({ dispatch, onEvent, close: () => core.close(), notifier })
}

export interface SessionBridgeOptions {
  /** The app's userData: accounts.json, tokens/ and caches/ go here. */
  dataDir: string
  /** Default: a reversible stand-in that claims the OS keystore. */
  cipher?: Cipher
  now?: number
  /** Default 'off': accounts point at the local API server, which needs no pacing. */
  rateLimit?: RemoteConfig['rateLimit']
  demoOnFirstOpen?: DemoSize
}

/** The bridge over an AppSession: accounts can be added (e.g. pointing at startApiServer's url), switched and forgotten. */
export async function startSessionBridge(options: SessionBridgeOptions): Promise<Bridge & { session: AppSession }> {
  const notifier = new RecordingNotifier()
  const session = AppSession.start({
    dataDir: options.dataDir,
    cipher: options.cipher ?? fakeCipher('os_keystore'),
    workerPath: BUILT_WORKER,
    rateLimit: options.rateLimit ?? 'off',
    now: options.now,
    demoOnFirstOpen: options.demoOnFirstOpen,
    notifier,
  })
  const bridge = await serve({ dispatch: session.dispatch, onEvent: (listener) => session.onEvent(listener), close: () => session.close(), notifier })
  return { ...bridge, session }
}

async function serve(backend: Backend): Promise<Bridge> {
  const secret = randomBytes(24).toString('hex')
  const { dispatch } = backend
  const calls: Bridge['calls'] = []
  const streams = new Set<ServerResponse>()
  backend.onEvent((event, payload) => {
    for (const stream of streams) stream.write(`data: ${JSON.stringify({ event, payload })}\n\n`)
  })

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname.startsWith('/__bridge/')) {
      const given = request.headers['x-bridge-secret'] ?? url.searchParams.get('secret')
      if (given !== secret) return void response.writeHead(403).end()
      if (url.pathname === '/__bridge/invoke' && request.method === 'POST') {
        const { channel, input } = JSON.parse(await readBody(request)) as { channel: string; input: unknown }
        calls.push({ channel, input })
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
    calls,
    notifier: backend.notifier,
    async close() {
      for (const stream of streams) stream.end()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await backend.close()
    },
  }
}
