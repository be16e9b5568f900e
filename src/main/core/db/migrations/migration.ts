/**
 * A schema step. Migrations are additive only and run in order, each inside
 * one transaction together with its bookkeeping row.
 */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
  /**
   * CHECK constraints made to accept more values, by editing the table's
   * stored SQL (SQLite's documented procedure for loosening a constraint:
   * no row moves, and every row already stored satisfies the looser rule).
   * The alternative, rebuilding the table, drops it: with foreign keys on,
   * that cascades into every child table, the very loss migrations must
   * never risk. Run before `sql`.
   */
  readonly widenChecks?: readonly WidenedCheck[]
}

export interface WidenedCheck {
  readonly table: string
  /** The constraint's text as migration 1 (or a later one) wrote it; must occur exactly once. */
  readonly from: string
  readonly to: string
}
