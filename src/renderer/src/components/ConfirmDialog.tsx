import { useId, useRef, type ReactNode, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from './Dialog'

interface ConfirmDialogProps {
  title: string
  body: string
  confirmLabel: string
  onConfirm(): void
  onCancel(): void
  /** Extra choices that go with the act (e.g. "also erase the data"). */
  children?: ReactNode
  /** The act is under way: both buttons wait. */
  busy?: boolean
  /** The confirm button waits for something (e.g. the client's name typed). */
  confirmDisabled?: boolean
  testId?: string
  /** Where focus starts instead of Cancel (e.g. a field to type into). */
  initialFocus?: RefObject<HTMLElement | null>
}

/**
 * Confirmation for a destructive action. Focus starts on Cancel so Enter is
 * never destructive; Escape cancels.
 */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  onConfirm,
  onCancel,
  children,
  busy = false,
  confirmDisabled = false,
  testId = 'confirm-dialog',
  initialFocus,
}: ConfirmDialogProps) {
  const { t } = useTranslation()
  const cancelRef = useRef<HTMLButtonElement>(null)
  const bodyId = useId()

  return (
    <Dialog
      title={title}
      role="alertdialog"
      describedBy={bodyId}
      initialFocus={initialFocus ?? cancelRef}
      onCancel={() => {
        if (!busy) onCancel()
      }}
      testId={testId}
    >
      <p id={bodyId}>{body}</p>
      {children}
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" disabled={busy} onClick={onCancel} data-testid="confirm-cancel">
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-danger" disabled={busy || confirmDisabled} onClick={onConfirm} data-testid="confirm-accept">
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
