// TEST ONLY: a local update server as electron-builder publishes one for the
// generic provider: latest-linux.yml (the format electron-builder writes)
// beside the installer. A test sets what it serves, including faults.
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Release {
  version: string
  /** The installer's bytes. */
  file: Buffer
  /** What latest-linux.yml claims about them; default: the truth. */
  claimedSha512?: string
  notes?: string
  stagingPercentage?: number
}

export interface UpdateServer {
  url: string
  release: Release | null
  /** Cut the installer's response off after this many bytes. */
  cutAfter: number | null
  /** Every path asked for, in order. */
  requests: string[]
  close(): Promise<void>
}

export const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64')
export const installerName = (version: string) => `partner-desk_${version}_amd64.deb`

function latestYml(release: Release): string {
  const name = installerName(release.version)
  const hash = release.claimedSha512 ?? sha512(release.file)
  return [
    `version: ${release.version}`,
    'files:',
    `  - url: ${name}`,
    `    sha512: ${hash}`,
    `    size: ${release.file.length}`,
    `path: ${name}`,
    `sha512: ${hash}`,
    `releaseDate: '2026-11-20T10:00:00.000Z'`,
    ...(release.notes === undefined ? [] : [`releaseNotes: ${JSON.stringify(release.notes)}`]),
    ...(release.stagingPercentage === undefined ? [] : [`stagingPercentage: ${release.stagingPercentage}`]),
    '',
  ].join('\n')
}

export async function startUpdateServer(): Promise<UpdateServer> {
  const state: Omit<UpdateServer, 'url' | 'close'> = { release: null, cutAfter: null, requests: [] }
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    state.requests.push(path)
    const release = state.release
    if (!release) return void response.writeHead(404).end()
    if (path === '/latest-linux.yml') return void response.writeHead(200, { 'content-type': 'text/yaml' }).end(latestYml(release))
    if (path === `/${installerName(release.version)}`) {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': release.file.length })
      if (state.cutAfter === null) return void response.end(release.file)
      // A connection lost mid-download: half the bytes, then the socket dies.
      response.write(release.file.subarray(0, state.cutAfter), () => response.destroy())
      return
    }
    response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}
