// What the app knows about its own updates, as the renderer shows it.

/** Long work an update must not interrupt (see main/updates/work-in-progress.ts). */
export const WORK_KINDS = ['export', 'import'] as const
export type WorkKind = (typeof WORK_KINDS)[number]

/** Why a downloaded update waits instead of installing. */
/** `pending` is null when the outbox could not be counted (it then counts as holding changes). */
export type UpdateBlocker = { kind: 'outbox'; pending: number | null } | { kind: 'work'; work: WorkKind }

/** A newer version and its release notes (plain text; never HTML). */
export interface UpdateRelease {
  version: string
  notes: string | null
}

export type UpdateState =
  /** This copy does not update itself (not installed by an installer: development, tests). */
  | { status: 'unsupported' }
  /** Up to date as far as known; `checkedAt` in Unix seconds, null before the first check. */
  | { status: 'idle'; checkedAt: number | null }
  | { status: 'checking' }
  /** A newer version exists; `failed` when its download did not complete (it is offered again). */
  | ({ status: 'available'; failed: boolean } & UpdateRelease)
  | ({ status: 'downloading'; percent: number; transferred: number; total: number } & UpdateRelease)
  /**
   * Downloaded and verified. `waitingFor` lists what keeps it from installing
   * now; when `installRequested`, it installs by itself once that list empties.
   */
  | ({ status: 'ready'; waitingFor: UpdateBlocker[]; installRequested: boolean } & UpdateRelease)
