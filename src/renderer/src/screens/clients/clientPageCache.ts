import type { ClientFilters } from '../../../../shared/client-filters'
import type { ClientPage, ClientRow, ClientSortKey, Input } from '../../../../shared/contract'
import type { AppError, Result } from '../../../../shared/result'
import type { ClientsView } from '../../app/route'

export const PAGE_SIZE = 200

export interface ClientQuery {
  query: string
  sort: ClientSortKey
  direction: 'asc' | 'desc'
  filters: ClientFilters
}

/** The query of a clients view (the route's), in one shape: requests built from it compare equal as JSON. */
export const clientQueryOf = (view: ClientsView): ClientQuery => ({ query: view.query, filters: view.filters, sort: view.sort, direction: view.direction })

/**
 * The rows of one query (text and sort), held in fixed-size pages fetched as
 * they scroll into view. A changed query gets a new cache rather than a
 * cleared one: answers still on their way for the old query land in the old
 * object, which nothing reads any more.
 */
export class ClientPageCache {
  private readonly pages = new Map<number, readonly ClientRow[]>()
  private readonly requested = new Set<number>()
  private readonly failures = new Map<number, AppError>()
  private totalRows: number | null = null

  constructor(
    readonly query: ClientQuery,
    readonly pageSize: number = PAGE_SIZE,
  ) {}

  /** Row count of the whole result, known once any page has answered. */
  get total(): number | null {
    return this.totalRows
  }

  get error(): AppError | null {
    return this.failures.values().next().value ?? null
  }

  rowAt(index: number): ClientRow | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize]
  }

  /** Pages holding rows first..last; before the total is known, just the first page. */
  pagesCovering(first: number, last: number): number[] {
    if (this.totalRows === null) return [0]
    const end = Math.min(last, this.totalRows - 1)
    if (end < first) return []
    const pages: number[] = []
    for (let page = Math.floor(first / this.pageSize); page <= Math.floor(end / this.pageSize); page++) pages.push(page)
    return pages
  }

  /** Pages of first..last neither held, nor on their way, nor failed (failures wait for retry). */
  missingPages(first: number, last: number): number[] {
    return this.pagesCovering(first, last).filter(
      (page) => !this.pages.has(page) && !this.requested.has(page) && !this.failures.has(page),
    )
  }

  /** Whether first..last can be drawn as they will stay: every page held or failed. */
  isSettled(first: number, last: number): boolean {
    return this.pagesCovering(first, last).every((page) => this.pages.has(page) || this.failures.has(page))
  }

  /** Marks the page as on its way and gives the request for it. */
  request(page: number): Input<'clients:list'> {
    this.requested.add(page)
    return this.requestOf(page)
  }

  /** Settles the page with an answer already at hand for its request, if `known` has one; says whether it did. */
  settleKnown(page: number, known: (request: Input<'clients:list'>) => Result<ClientPage> | undefined): boolean {
    const answer = known(this.requestOf(page))
    if (answer !== undefined) this.settle(page, answer)
    return answer !== undefined
  }

  private requestOf(page: number): Input<'clients:list'> {
    return { ...this.query, offset: page * this.pageSize, limit: this.pageSize }
  }

  settle(page: number, result: Result<ClientPage>): void {
    this.requested.delete(page)
    if (result.ok) {
      this.pages.set(page, result.value.rows)
      this.totalRows = result.value.total
    } else {
      this.failures.set(page, result.error)
    }
  }

  /** Lets failed pages be requested again. */
  clearFailures(): void {
    this.failures.clear()
  }
}
