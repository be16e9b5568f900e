// Answers the app scheme's requests from the built renderer folder, and from
// nothing else. Free of electron (protocol.handle takes a fetch-style
// handler), so it is tested in Node; app-protocol.ts registers it.
import { realpath, readFile, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { APP_HOST, APP_SCHEME } from '../ipc/app-origin'

// The renderer's build holds these kinds of files; anything else is not ours to serve.
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

const refuse = (status: 400 | 403 | 404 | 405, why: string) =>
  new Response(why, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } })

/** The file a request names inside `root`, or the refusal to send. */
async function locate(request: Request, root: string): Promise<string | Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'method not allowed')
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return refuse(400, 'bad address')
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404, 'not found')
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return refuse(400, 'bad address')
  }
  // Encoded dots or backslashes would survive URL normalisation and climb out below.
  if (path.includes('\0') || path.includes('\\')) return refuse(400, 'bad address')
  const relative = path === '/' ? 'index.html' : path.replace(/^\/+/, '')
  const file = resolve(root, relative)
  if (!file.startsWith(root + sep)) return refuse(403, 'outside the app')
  if (!(extname(file).toLowerCase() in TYPES)) return refuse(404, 'not found')
  try {
    // A link inside the folder must not lead outside it either.
    const real = await realpath(file)
    if (!real.startsWith((await realpath(root)) + sep)) return refuse(403, 'outside the app')
    if (!(await stat(real)).isFile()) return refuse(404, 'not found')
    return real
  } catch {
    return refuse(404, 'not found')
  }
}

/** A protocol.handle handler serving `rendererDir` (out/renderer). */
export function rendererFiles(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir)
  return async (request) => {
    const found = await locate(request, root)
    if (typeof found !== 'string') return found
    const headers = { 'content-type': TYPES[extname(found).toLowerCase()]!, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' }
    return new Response(request.method === 'HEAD' ? null : await readFile(found), { status: 200, headers })
  }
}

export const rendererDirFrom = (mainDir: string): string => join(mainDir, '..', 'renderer')
