import { elementScroll, useVirtualizer, type Rect, type Virtualizer, type VirtualizerOptions } from '@tanstack/react-virtual'
import type { TFunction } from 'i18next'
import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientRow, ClientSortKey } from '../../../../shared/contract'
import { useBusyWhile } from '../../app/useBusyWhile'
import type { Formatters } from '../../i18n/formatters'
import { useFormatters } from '../../i18n/useFormatters'
import type { ClientPageCache, ClientQuery } from './clientPageCache'
import { COLUMNS, type Column } from './columns'

/** Matches --row-height in clients.css; rows are fixed-height so no measuring pass is needed. */
const ROW_HEIGHT = 32
/** The header row and its 1px rule (.grid-head), stuck over the rows as they scroll. */
const HEAD_HEIGHT = ROW_HEIGHT + 1

interface ClientsTableProps {
  cache: ClientPageCache
  sort: Pick<ClientQuery, 'sort' | 'direction'>
  onSort(key: ClientSortKey, firstDirection: 'asc' | 'desc'): void
  requestRange(first: number, last: number): void
  /** Opens a client's detail (Enter on the active row, a click on a row). */
  onOpen(row: ClientRow, index: number): void
  /** Bumped with a row index when the detail closes: that row is active again and the grid has focus. */
  restore: { index: number; token: number } | null
  /** Ids of the selected clients (kept across searches and filters). */
  selected: ReadonlySet<number>
  onSelect(change: SelectionChange): void
}

/** Grids the browser has laid out (their size reported once). */
const laidOut = new WeakSet<Element>()

/**
 * The grid's size, as the virtualizer's own observer reports it, but only from
 * the ResizeObserver: it reports after the browser's layout, where the
 * virtualizer's first reading (clientHeight, as the grid mounts) made the
 * browser lay the whole page out inside the render's task. Until then the
 * initial rect stands in.
 */
function observeGridRect(instance: Virtualizer<HTMLDivElement, Element>, report: (rect: Rect) => void): (() => void) | undefined {
  const element = instance.scrollElement
  if (element === null) return undefined
  const observer = new ResizeObserver(() => {
    laidOut.add(element)
    report({ width: element.clientWidth, height: element.clientHeight })
  })
  observer.observe(element)
  return () => observer.disconnect()
}

/**
 * The virtualizer's scroll, less the one to the top of a grid not laid out
 * yet (it is there: nothing can have scrolled it). The virtualizer makes that
 * scroll as it takes a new grid, and it too made the browser lay the page out
 * inside the render's task.
 */
const scrollGrid: VirtualizerOptions<HTMLDivElement, Element>['scrollToFn'] = (offset, options, instance) => {
  const element = instance.scrollElement
  if (element !== null && !laidOut.has(element) && offset + (options.adjustments ?? 0) === 0) return
  elementScroll(offset, options, instance)
}

/** What the user did to the selection: one row, a range of loaded rows, or every row of the result. */
export type SelectionChange = { kind: 'toggle'; id: number } | { kind: 'add'; ids: number[] } | { kind: 'all' }

/**
 * The client list as an ARIA grid: the grid itself takes focus and points at
 * the active row with aria-activedescendant, so only visible rows exist in
 * the DOM and arrow keys still reach all of them. The grid is also the
 * scroller (its header sticks), so the one tab stop is the region that
 * scrolls: keyboard users can scroll what they can focus.
 */
export function ClientsTable({ cache, sort, onSort, requestRange, onOpen, restore, selected, onSelect }: ClientsTableProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const gridRef = useRef<HTMLDivElement>(null)
  const idPrefix = useId()
  const total = cache.total ?? 0
  const [active, setActive] = useState(-1)
  // Where a Shift+click or Shift+arrow range starts.
  const anchor = useRef(-1)

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Until the grid is measured, as tall as the window: the first render already has its rows
    // (in the transition the answer renders in, see useClientPages), and the measure that follows
    // re-renders only the rows that change.
    initialRect: { width: 0, height: window.innerHeight },
    observeElementRect: observeGridRect,
    scrollToFn: scrollGrid,
    overscan: 12,
    // The rows start below the header, and a row scrolled to must not end up under it.
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? -1

  useEffect(() => {
    if (last >= first) requestRange(first, last)
  }, [requestRange, first, last])
  useBusyWhile(last >= first && !cache.isSettled(first, last))

  // A new result set starts at its top, with no row picked (a new grid is there already: scrolling
  // it would lay the page out in this task, before the browser does).
  const shownCache = useRef(cache)
  useEffect(() => {
    if (shownCache.current === cache) return
    shownCache.current = cache
    setActive(-1)
    virtualizer.scrollToOffset(0)
  }, [cache, virtualizer])

  useEffect(() => {
    if (restore === null || total === 0) return
    const index = Math.max(0, Math.min(total - 1, restore.index))
    setActive(index)
    virtualizer.scrollToIndex(index, { align: 'auto' })
    gridRef.current?.focus()
    // Only a new restore request moves the focus.
  }, [restore])

  const rowId = (index: number): string => `${idPrefix}-row-${index}`
  const moveTo = (index: number): void => {
    const next = Math.max(0, Math.min(total - 1, index))
    setActive(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  /** Selects the loaded rows from..to (rows not loaded yet cannot be named; Ctrl+A takes them all). */
  const selectRange = (from: number, to: number): void => {
    const ids: number[] = []
    for (let index = Math.min(from, to); index <= Math.max(from, to); index++) {
      const row = cache.rowAt(index)
      if (row !== undefined) ids.push(row.id)
    }
    onSelect({ kind: 'add', ids })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // Keys typed on a header's sort button are that button's business.
    if (event.target !== event.currentTarget || total === 0) return
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a') {
      event.preventDefault()
      onSelect({ kind: 'all' })
      return
    }
    if (event.key === ' ' && active >= 0) {
      const row = cache.rowAt(active)
      event.preventDefault()
      if (row !== undefined) {
        anchor.current = active
        onSelect({ kind: 'toggle', id: row.id })
      }
      return
    }
    const pageRows = Math.max(1, Math.floor(((gridRef.current?.clientHeight ?? HEAD_HEIGHT + ROW_HEIGHT) - HEAD_HEIGHT) / ROW_HEIGHT) - 1)
    const targets: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + pageRows,
      PageUp: active - pageRows,
      Home: 0,
      End: total - 1,
    }
    if (event.key === 'Enter' && active >= 0) {
      const row = cache.rowAt(active)
      if (row !== undefined) {
        event.preventDefault()
        onOpen(row, active)
      }
      return
    }
    const target = targets[event.key]
    if (target === undefined) return
    event.preventDefault()
    if (event.shiftKey) {
      const from = anchor.current >= 0 ? anchor.current : Math.max(active, 0)
      anchor.current = from
      selectRange(from, Math.max(0, Math.min(total - 1, target)))
    }
    moveTo(target)
  }

  const activeRendered = items.some((item) => item.index === active)

  // The rows' handlers, the same functions at every render (memoised rows stay as they are), calling this render's code.
  const handlers: RowEvents = {
    click: (event, row, index) => {
      setActive(index)
      gridRef.current?.focus()
      // Ctrl/Cmd+click picks a row, Shift+click a range; a plain click opens the client.
      if (event.shiftKey) {
        selectRange(anchor.current >= 0 ? anchor.current : index, index)
        return
      }
      anchor.current = index
      if (event.ctrlKey || event.metaKey) {
        onSelect({ kind: 'toggle', id: row.id })
        return
      }
      onOpen(row, index)
    },
    toggle: (row, index) => {
      anchor.current = index
      onSelect({ kind: 'toggle', id: row.id })
    },
  }
  const latest = useRef(handlers)
  latest.current = handlers
  const events = useMemo<RowEvents>(
    () => ({ click: (event, row, index) => latest.current.click(event, row, index), toggle: (row, index) => latest.current.toggle(row, index) }),
    [],
  )

  return (
    <div
      ref={gridRef}
      className="clients-grid"
      role="grid"
      tabIndex={0}
      aria-label={t('clients.tableLabel')}
      aria-multiselectable="true"
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={activeRendered ? rowId(active) : undefined}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        if (event.target === event.currentTarget && active === -1 && total > 0) setActive(0)
      }}
      data-testid="clients-table"
    >
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row">
          {COLUMNS.map((column) => (
            <HeaderCell key={column.id} column={column} sort={sort} onSort={onSort} label={column.label(t)} />
          ))}
        </div>
      </div>
      <div role="rowgroup">
        <div className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = cache.rowAt(item.index)
            if (row === undefined) {
              return (
                <div key={item.key} {...rowFrame(rowId(item.index), item.index, item.start - HEAD_HEIGHT)} className="grid-row" aria-busy="true" data-testid="client-row-placeholder">
                  {COLUMNS.map((column, index) => (
                    <div key={column.id} role="gridcell" className={`cell ${column.className}`}>
                      {index === 0 ? <span className="visually-hidden">{t('clients.rowLoading')}</span> : null}
                      <span className="placeholder-bar" aria-hidden="true" />
                    </div>
                  ))}
                </div>
              )
            }
            return (
              <DataRow
                key={item.key}
                row={row}
                index={item.index}
                id={rowId(item.index)}
                top={item.start - HEAD_HEIGHT}
                active={item.index === active}
                selected={selected.has(row.id)}
                events={events}
                t={t}
                format={format}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}

/** What every body row carries, loaded or not: its id (the active descendant), its place in the grid and on the canvas. */
const rowFrame = (id: string, index: number, top: number) => ({
  id,
  role: 'row',
  'aria-rowindex': index + 2,
  style: { transform: `translateY(${top}px)` },
})

interface RowEvents {
  click(event: MouseEvent, row: ClientRow, index: number): void
  toggle(row: ClientRow, index: number): void
}

interface DataRowProps {
  row: ClientRow
  index: number
  id: string
  /** Offset from the top of the rows. */
  top: number
  active: boolean
  selected: boolean
  events: RowEvents
  t: TFunction
  format: Formatters
}

/** One client's row; memoised, so that a render of the table (a scroll, a measure) redraws only the rows that changed. */
const DataRow = memo(function DataRow({ row, index, id, top, active, selected, events, t, format }: DataRowProps) {
  return (
    <div
      {...rowFrame(id, index, top)}
      aria-selected={selected}
      className={`grid-row data-row${active ? ' is-active' : ''}${selected ? ' is-selected' : ''}`}
      data-testid="client-row"
      data-client-id={row.id}
      data-selected={selected ? 'true' : undefined}
      onClick={(event) => events.click(event, row, index)}
    >
      {COLUMNS.map((column) => (
        <div
          key={column.id}
          role="gridcell"
          className={`cell ${column.className}`}
          title={column.title?.(row, format)}
          data-testid={column.id === 'name' ? 'client-name' : undefined}
        >
          {column.id === 'name' && (
            // Out of the tab order: the grid is the one tab stop, Space selects the active row.
            <input
              type="checkbox"
              className="row-select"
              tabIndex={-1}
              checked={selected}
              aria-label={t('clients.bulk.selectRow', { name: row.name })}
              onClick={(event) => event.stopPropagation()}
              onChange={() => events.toggle(row, index)}
              data-testid="client-select"
            />
          )}
          {column.render(row, t, format)}
        </div>
      ))}
    </div>
  )
})

function HeaderCell({
  column,
  sort,
  onSort,
  label,
}: {
  column: Column
  sort: ClientsTableProps['sort']
  onSort: ClientsTableProps['onSort']
  label: string
}) {
  const { sortKey } = column
  if (sortKey === undefined) {
    return (
      <div role="columnheader" className={`cell ${column.className}`}>
        {label}
      </div>
    )
  }
  const sorted = sort.sort === sortKey
  const ariaSort = sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
  return (
    <div role="columnheader" className={`cell ${column.className}`} aria-sort={ariaSort}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(sortKey, column.firstDirection ?? 'asc')}
        data-testid={`sort-${sortKey}`}
      >
        {label}
        <span className={sorted ? 'sort-mark is-sorted' : 'sort-mark'} aria-hidden="true">
          {sorted && sort.direction === 'desc' ? '▼' : '▲'}
        </span>
      </button>
    </div>
  )
}
