import { z } from 'zod'
import { isRecord } from './envelope'

/** Where a paged listing stands after one of its pages. */
export interface PageMeta {
  readonly page: number
  readonly pages: number
  readonly total: number
}

/** One page of a paged list, checked against the pages before it. */
export interface Page<T> extends PageMeta {
  readonly items: readonly T[]
}

const count = z.number().int().min(0)

const PAGING_FIELDS = ['total', 'page', 'pages', 'items_per_page'] as const

/**
 * A paged answer: the items in `data`, the paging fields beside it in the
 * envelope (where Infomaniak's own clients read them). The published
 * document requires none of them: an answer with none is the whole list,
 * one page of one. One with some but not all cannot be read either way.
 */
export function pageEnvelope<T>(itemSchema: z.ZodType<T>): z.ZodType<PageEnvelope<T>> {
  return z
    .object({
      data: z.array(itemSchema),
      total: count.optional(),
      page: z.number().int().min(1).optional(),
      pages: count.optional(),
      items_per_page: z.number().int().min(1).optional(),
    })
    .transform((body, ctx): PageEnvelope<T> => {
      const { data, total, page, pages, items_per_page } = body
      if (total !== undefined && page !== undefined && pages !== undefined && items_per_page !== undefined) return { data, total, page, pages, items_per_page }
      const missing = PAGING_FIELDS.filter((field) => body[field] === undefined)
      if (missing.length === PAGING_FIELDS.length) return { data, total: data.length, page: 1, pages: 1, items_per_page: Math.max(1, data.length) }
      for (const field of missing) ctx.addIssue({ code: 'custom', message: 'missing while the other paging fields are there', path: [field] })
      return z.NEVER
    })
}

export interface PageEnvelope<T> {
  readonly data: readonly T[]
  readonly total: number
  readonly page: number
  readonly pages: number
  readonly items_per_page: number
}

export interface PageFault {
  readonly path: string
  readonly problem: string
}

/**
 * Checks the pages of one listing, in order, against each other: a page that
 * is short, a count that moves, or an item seen twice means the listing cannot
 * be trusted whole (it changed while it was read, or the server pages wrongly),
 * and a sync that took it would drop or double records.
 */
export class PageChecker {
  private first: { readonly total: number; readonly pages: number; readonly perPage: number } | null = null
  /** Item id → the page it came on; null when the caller's store refuses a repeated id itself (a primary key). */
  private readonly seen: Map<string | number, number> | null

  constructor({ trackIds = true }: { trackIds?: boolean } = {}) {
    this.seen = trackIds ? new Map() : null
  }

  check(requested: number, answer: PageEnvelope<unknown>): PageFault | null {
    const { total, pages, items_per_page: perPage, data } = answer
    if (answer.page !== requested) return { path: 'page', problem: `expected page ${requested}, received page ${answer.page}` }

    if (this.first === null) {
      const fits = total === 0 ? pages <= 1 : pages === Math.ceil(total / perPage)
      if (!fits) return { path: 'pages', problem: `${pages} pages cannot hold ${total} items at ${perPage} per page` }
      this.first = { total, pages, perPage }
    } else {
      const changed = (
        [
          ['total', this.first.total, total],
          ['pages', this.first.pages, pages],
          ['items_per_page', this.first.perPage, perPage],
        ] as const
      ).find(([, before, now]) => before !== now)
      if (changed !== undefined) {
        const [path, before, now] = changed
        return { path, problem: `changed from ${before} on page 1 to ${now}: the list changed while it was read` }
      }
    }

    const expected = total === 0 ? 0 : requested < pages ? perPage : total - (pages - 1) * perPage
    if (data.length !== expected) {
      return {
        path: 'data',
        problem: `expected ${expected} items (page ${requested} of ${pages}, ${total} in all), received ${data.length}`,
      }
    }

    if (this.seen === null) return null
    for (const [index, item] of data.entries()) {
      const id = isRecord(item) ? item.id : undefined
      if (typeof id !== 'string' && typeof id !== 'number') continue
      const earlier = this.seen.get(id)
      if (earlier !== undefined) return { path: `data[${index}].id`, problem: `id ${id} already came on page ${earlier}` }
      this.seen.set(id, requested)
    }
    return null
  }
}
