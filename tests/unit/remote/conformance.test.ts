import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { ENDPOINTS, type EndpointName } from '../../../src/main/core/remote/endpoints'
import { categoryOf, PUBLISHED_SERVICES } from '../../../src/main/core/remote/services'
import { compareFields, Document, type FieldFinding, readDocument, VENDORED_DOCUMENT, zodShape } from './openapi'

// The app's endpoint table against Infomaniak's published OpenAPI document:
// what the app calls as "public" must be there as the app calls it.

const doc = new Document(readDocument())
const publicEndpoints = (Object.keys(ENDPOINTS) as EndpointName[]).filter((name) => ENDPOINTS[name].source === 'public')

/** `- \`GET /path\` \`data[].field\`: why` lines of docs/remote-api.md's "Assumed fields" section. */
function assumedFields(): Set<string> {
  const text = readFileSync(resolve('docs/remote-api.md'), 'utf8')
  const section = text.slice(text.indexOf('### Assumed fields'))
  return new Set([...section.matchAll(/^- `([A-Z]+ [^`]+)` `([^`]+)`/gm)].map((m) => `${m[1]} ${m[2]}`))
}

describe('the vendored document', () => {
  it('is the shared extract of the published document, unchanged', () => {
    const shared = resolve('../shared/infomaniak-openapi/core-subset.json')
    // The shared folder sits beside the project on the team's machines; a clone elsewhere has only the vendored copy.
    if (existsSync(shared)) expect(readFileSync(VENDORED_DOCUMENT, 'utf8')).toBe(readFileSync(shared, 'utf8'))
    expect(Object.keys(readDocument().paths).length).toBeGreaterThan(0)
  })
})

describe.each(publicEndpoints)('public endpoint %s', (name) => {
  const endpoint = ENDPOINTS[name]
  const operation = doc.operation(endpoint.method, endpoint.template)

  it('exists in the published document with its method and path', () => {
    expect(operation, `${endpoint.method} ${endpoint.template}`).toBeDefined()
  })

  it('names the path parameters the document names', () => {
    const ours = [...endpoint.template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    const theirs = doc.parameters(operation ?? {}).filter((p) => p.in === 'path').map((p) => p.name).sort()
    expect(ours).toEqual(theirs)
  })

  it('sends only query parameters the document declares', () => {
    const query = endpoint.kind === 'list' ? zodShape(endpoint.query) : {}
    const declared = new Set(doc.parameters(operation ?? {}).filter((p) => p.in === 'query').map((p) => p.name))
    expect(Object.keys(query ?? {}).filter((parameter) => !declared.has(parameter))).toEqual([])
  })

  it('pages exactly where the answer declares Pagination', () => {
    if (endpoint.kind === 'mutation') return
    expect(endpoint.kind === 'list').toBe(doc.answer(operation ?? {}).paged)
  })

  it('requires of the answer only what the document requires, or what docs/remote-api.md lists as assumed', () => {
    if (endpoint.kind === 'mutation') return
    const published = doc.answer(operation ?? {}).data
    const app: z.ZodType = endpoint.kind === 'list' ? endpoint.item : endpoint.answer.shape.data
    if (published === undefined) throw new Error(`${endpoint.route}: the document declares no data`)
    const findings: FieldFinding[] =
      endpoint.kind === 'list'
        ? compareFields(doc, app, published.items ?? published, 'data[]')
        : compareFields(doc, app, published, 'data')
    const assumed = assumedFields()
    expect(findings.filter((finding) => ![...assumed].some((entry) => `${endpoint.route} ${finding.path}`.startsWith(entry)))).toEqual([])
  })
})

describe('service names', () => {
  const enumOf = (): unknown[] => {
    const products = doc.operation('GET', '/1/products') ?? {}
    return doc.parameters(products).find((p) => p.name === 'service_name')?.schema?.enum ?? []
  }

  it('files every name of the published enum under a category, and nothing else', () => {
    expect(enumOf().length).toBe(25)
    expect(Object.keys(PUBLISHED_SERVICES).sort()).toEqual([...enumOf()].sort())
  })

  it('never drops a product for its service: an unknown name is filed as other', () => {
    expect(categoryOf('quantum_hosting')).toBe('other')
    expect(categoryOf('email_hosting')).toBe('mail')
    // The partner endpoints name products by the app's own categories.
    expect(categoryOf('kdrive')).toBe('kdrive')
  })
})

describe('the assumed fields', () => {
  it('each name an endpoint of the table', () => {
    const routes = new Set(publicEndpoints.map((name) => ENDPOINTS[name].route as string))
    expect([...assumedFields()].filter((entry) => ![...routes].some((route) => entry.startsWith(`${route} `)))).toEqual([])
  })
})
