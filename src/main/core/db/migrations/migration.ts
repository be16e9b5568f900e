/**
 * A schema step. Migrations are additive only and run in order, each inside
 * one transaction together with its bookkeeping row.
 */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
}
