import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react'

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

/**
 * A modal on the native <dialog>: the browser makes the page behind it inert,
 * keeps Tab inside, and turns Escape into a `cancel` event. Focus goes back
 * to whatever had it when the dialog closes.
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
