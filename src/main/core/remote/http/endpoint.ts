export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

type ParamName<P extends string> = P extends `${string}{${infer K}}${infer Rest}` ? K | ParamName<Rest> : never

/** A path parameter: an id, or a name (never empty, `.` or `..`). */
export type ParamValue = string | number

// A literal template demands exactly its placeholders; a template only known
// at run time (type `string`) is checked by buildUrl instead.
type ParamsOf<P extends string> = string extends P
  ? { readonly params?: Readonly<Record<string, ParamValue>> }
  : [ParamName<P>] extends [never]
    ? { readonly params?: undefined }
    : { readonly params: Readonly<Record<ParamName<P>, ParamValue>> }

/**
 * A path template and its parameters, e.g.
 * `{ path: '/1/accounts/{account_id}/tags', params: { account_id: 42 } }`.
 * Errors name the template, so one failing endpoint reads the same for every account.
 */
export type Endpoint<P extends string = string> = { readonly path: P } & ParamsOf<P>

/** Query values; `undefined` leaves the key out. */
export type Query = Readonly<Record<string, string | number | undefined>>

/** `base` is an http(s) URL whose path (if any) prefixes every endpoint. */
export function buildUrl(base: URL, endpoint: Endpoint, query: Query = {}): URL {
  const params: Readonly<Record<string, ParamValue>> = endpoint.params ?? {}
  if (!endpoint.path.startsWith('/')) throw new TypeError(`endpoint ${endpoint.path}: the path must start with /`)
  const used = new Set<string>()
  const path = endpoint.path.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    if (!Object.hasOwn(params, name)) throw new TypeError(`endpoint ${endpoint.path}: no value for {${name}}`)
    used.add(name)
    return encodeURIComponent(pathSegment(endpoint.path, name, params[name]))
  })
  const unused = Object.keys(params).filter((name) => !used.has(name))
  if (unused.length > 0) throw new TypeError(`endpoint ${endpoint.path}: no placeholder for ${unused.join(', ')}`)

  const url = new URL(base.href.replace(/\/+$/, '') + path)
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`endpoint ${endpoint.path}: query ${key} is ${value}`)
    }
    url.searchParams.append(key, String(value))
  }
  return url
}

function pathSegment(template: string, name: string, value: ParamValue): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`endpoint ${template}: {${name}} is ${value}, not an integer id`)
    return String(value)
  }
  // '.' and '..' survive encodeURIComponent and would be resolved away by URL,
  // silently calling another endpoint.
  if (value === '' || value === '.' || value === '..') {
    throw new TypeError(`endpoint ${template}: {${name}} is ${JSON.stringify(value)}`)
  }
  return value
}
