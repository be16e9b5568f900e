import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react'

interface DialogProps {
  title: string
  /** Called for Escape and for the dialog's own cancel buttons. */
  onCancel(): void
  /** Where focus starts; by default the first field or button inside. */
  initialFocus?: RefObject<HTMLElement | null>
  /** `alertdialog` for confirmations of destructive acts. */
  role?: 'dialog' | 'alertdialog'
  describedBy?: string
  testId: string
  /** Extra class, e.g. for a wide panel. */
  className?: string
  children: ReactNode
}

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])'

/** What Tab stops on inside `dialog`, in order: shown (not in a closed <details>), not in a dialog opened over it. */
function tabStops(dialog: HTMLDialogElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.closest('dialog') === dialog && element.getClientRects().length > 0)
}

/**
 * Tab past the last stop goes back to the first, Shift+Tab before the first
 * to the last. A modal <dialog> makes the page inert, but Chromium still lets
 * Tab leave it for the document itself once per round.
 */
function keepTabInside(event: KeyboardEvent<HTMLDialogElement>): void {
  const dialog = event.currentTarget
  // A dialog opened over this one keeps its own Tab.
  if (event.key !== 'Tab' || !(event.target instanceof Element) || event.target.closest('dialog') !== dialog) return
  const stops = tabStops(dialog)
  const first = stops[0]
  const last = stops.at(-1)
  const at = document.activeElement
  const wrapTo = event.shiftKey ? (at === first || at === dialog ? last : undefined) : at === last || at === dialog ? first : undefined
  if (stops.length > 0 && wrapTo === undefined) return
  event.preventDefault()
  wrapTo?.focus()
}

/**
 * A modal on the native <dialog>: the browser makes the page behind it inert
 * and turns Escape into a `cancel` event; Tab goes round inside it. Focus goes
 * back to whatever had it when the dialog closes.
 */
export function Dialog({ title, onCancel, initialFocus, role = 'dialog', describedBy, testId, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (dialog === null) return
    const opener = document.activeElement
    dialog.showModal()
    const first = initialFocus?.current ?? dialog.querySelector<HTMLElement>('input, select, textarea, button')
    first?.focus()
    return () => {
      dialog.close()
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    }
    // Opened once per mount; the initial focus target is read then.
  }, [])

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      data-testid={testId}
      onKeyDown={keepTabInside}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  )
}
