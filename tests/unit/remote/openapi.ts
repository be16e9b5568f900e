// Reading Infomaniak's published OpenAPI document (the extract in
// docs/infomaniak-openapi/) and walking the app's zod schemas beside it.
// Written here because no maintained library compares a zod v4 schema with
// an OpenAPI 3 one field by field: the few that convert zod to OpenAPI
// generate documents, they do not check against a given one.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { z } from 'zod'

export const VENDORED_DOCUMENT = resolve('docs/infomaniak-openapi/core-subset.json')

export interface OpenApiSchema {
  $ref?: string
  type?: string
  nullable?: boolean
  enum?: unknown[]
  required?: string[]
  properties?: Record<string, OpenApiSchema>
  items?: OpenApiSchema
  allOf?: OpenApiSchema[]
}

interface Parameter {
  name?: string
  in?: string
  $ref?: string
  schema?: OpenApiSchema
}

interface Operation {
  parameters?: Parameter[]
  responses?: Record<string, { content?: Record<string, { schema?: OpenApiSchema }> }>
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, OpenApiSchema>; parameters: Record<string, Parameter> }
}

export function readDocument(path = VENDORED_DOCUMENT): OpenApiDocument {
  return JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument
}

export class Document {
  constructor(readonly doc: OpenApiDocument) {}

  operation(method: string, path: string): Operation | undefined {
    return this.doc.paths[path]?.[method.toLowerCase()]
  }

  resolve(schema: OpenApiSchema): OpenApiSchema {
    if (schema.$ref === undefined) return schema
    const name = schema.$ref.replace('#/components/schemas/', '')
    const target = this.doc.components.schemas[name]
    if (target === undefined) throw new Error(`the document has no schema ${name}`)
    return this.resolve(target)
  }

  /** Parameters by name and place, $refs resolved. */
  parameters(operation: Operation): Parameter[] {
    return (operation.parameters ?? []).map((p) =>
      p.$ref === undefined ? p : (this.doc.components.parameters[p.$ref.replace('#/components/parameters/', '')] ?? { name: p.$ref }),
    )
  }

  /** The 200 answer's parts: its `data` schema and whether it declares Pagination. */
  answer(operation: Operation): { data: OpenApiSchema | undefined; paged: boolean } {
    const body = operation.responses?.['200']?.content?.['application/json']?.schema
    const parts = body?.allOf ?? (body ? [body] : [])
    const paged = parts.some((part) => part.$ref === '#/components/schemas/Pagination')
    const data = parts.map((part) => part.properties?.data).find((schema) => schema !== undefined)
    return { data, paged }
  }
}

/** A zod schema's definition, as zod v4 exposes it for introspection. */
interface ZodDef {
  type: string
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  innerType?: z.ZodType
  in?: z.ZodType
  left?: z.ZodType
}

const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { def: ZodDef }).def

/** The schema that reads the wire value: wrappers (optional, nullable, pipes into transforms) peeled off. */
export function wireSchema(schema: z.ZodType): z.ZodType {
  const def = defOf(schema)
  if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) return wireSchema(def.innerType)
  if (def.type === 'pipe' && def.in) return wireSchema(def.in)
  return schema
}

export type Kind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'other'

export function zodKind(schema: z.ZodType): Kind {
  const type = defOf(wireSchema(schema)).type
  if (type === 'object' || type === 'array' || type === 'string' || type === 'number' || type === 'boolean') return type
  if (type === 'enum' || type === 'literal') return 'string'
  return 'other'
}

export function openApiKind(doc: Document, schema: OpenApiSchema): Kind {
  const resolved = doc.resolve(schema)
  if (resolved.type === 'integer' || resolved.type === 'number') return 'number'
  if (resolved.type === 'object' || resolved.properties !== undefined) return 'object'
  if (resolved.type === 'array' || resolved.type === 'string' || resolved.type === 'boolean') return resolved.type
  return 'other'
}

export const zodShape = (schema: z.ZodType): Record<string, z.ZodType> | undefined => defOf(wireSchema(schema)).shape
export const zodElement = (schema: z.ZodType): z.ZodType | undefined => defOf(wireSchema(schema)).element

/** A field the app cannot do without: its schema refuses an absent value. */
export const requiredByApp = (field: z.ZodType): boolean => !field.safeParse(undefined).success

export interface FieldFinding {
  /** `data[].addresses[].country.short_name` */
  path: string
  problem: string
}

/**
 * Every field the app reads of an answer, compared with the document: what
 * the app requires, the document requires too (strict only where the
 * document is); each is of the same kind on both sides; and the app accepts
 * null where the document says nullable.
 */
export function compareFields(doc: Document, app: z.ZodType, published: OpenApiSchema, path: string): FieldFinding[] {
  const findings: FieldFinding[] = []
  const target = doc.resolve(published)
  const element = zodElement(app)
  if (element !== undefined) {
    if (target.items === undefined) return [{ path, problem: 'the app reads a list, the document declares no items' }]
    return compareFields(doc, element, target.items, `${path}[]`)
  }
  const shape = zodShape(app)
  if (shape === undefined) return findings
  for (const [name, field] of Object.entries(shape)) {
    const at = `${path}.${name}`
    const declared = target.properties?.[name]
    const requiredThere = (target.required ?? []).includes(name)
    if (requiredByApp(field) && !requiredThere) {
      findings.push({ path: at, problem: declared === undefined ? 'required by the app, not declared' : 'required by the app, optional in the document' })
    }
    if (declared === undefined) continue
    const kinds = [zodKind(field), openApiKind(doc, declared)] as const
    if (kinds[0] !== 'other' && kinds[1] !== 'other' && kinds[0] !== kinds[1]) {
      findings.push({ path: at, problem: `the app reads a ${kinds[0]}, the document declares a ${kinds[1]}` })
      continue
    }
    if (doc.resolve(declared).nullable === true && !field.safeParse(null).success) findings.push({ path: at, problem: 'nullable in the document, refused as null by the app' })
    findings.push(...compareFields(doc, field, declared, at))
  }
  return findings
}
