import { type Document, type OpenApiSchema } from '../remote/openapi'

// Whether a JSON value is shaped as Infomaniak's published document says: the
// app's schemas check what the app reads; this checks the rest of what the
// document promises, so the public profile cannot drift into a shape only
// this app would accept.

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function typeProblem(type: string | undefined, value: unknown): string | null {
  switch (type) {
    case 'integer':
      return Number.isInteger(value) ? null : 'not an integer'
    case 'number':
      return typeof value === 'number' ? null : 'not a number'
    case 'string':
    case 'boolean':
      return typeof value === type ? null : `not a ${type}`
    case 'array':
      return Array.isArray(value) ? null : 'not an array'
    case 'object':
      return isRecord(value) ? null : 'not an object'
    default:
      return null
  }
}

/**
 * Every place where `value` breaks `schema`: a required field missing, a
 * described one of another type, null where the document does not say
 * nullable, a value outside its enum. Fields the document requires without
 * describing are checked for presence only.
 */
export function breaches(doc: Document, schema: OpenApiSchema, value: unknown, path: string): string[] {
  const target = doc.resolve(schema)
  if (value === null) return target.nullable === true ? [] : [`${path}: null, not nullable`]
  const problem = typeProblem(target.type ?? (target.properties ? 'object' : undefined), value)
  if (problem !== null) return [`${path}: ${problem}`]
  if (target.enum !== undefined && !target.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} is not one of ${target.enum.join(', ')}`]
  if (Array.isArray(value)) {
    const items = target.items
    return items === undefined ? [] : value.flatMap((item, i) => breaches(doc, items, item, `${path}[${i}]`))
  }
  if (!isRecord(value)) return []
  const missing = (target.required ?? []).filter((name) => !(name in value)).map((name) => `${path}.${name}: required, missing`)
  const wrong = Object.entries(target.properties ?? {}).flatMap(([name, field]) => (name in value ? breaches(doc, field, value[name], `${path}.${name}`) : []))
  return [...missing, ...wrong]
}

/** The breaches of an answer's `data`, against what the document declares for that path's 200 answer. */
export function answerBreaches(doc: Document, method: string, template: string, body: unknown): string[] {
  const operation = doc.operation(method, template)
  const data = operation === undefined ? undefined : doc.answer(operation).data
  if (data === undefined) return [`${method} ${template}: the document declares no data`]
  return isRecord(body) ? breaches(doc, data, body.data, 'data') : ['not an object']
}
