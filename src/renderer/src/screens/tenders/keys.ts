/** The triage keys, in the order the help overlay lists them. */
export const TRIAGE_KEYS = [
  { keys: ['j', '↓'], action: 'next' },
  { keys: ['k', '↑'], action: 'previous' },
  { keys: ['s'], action: 'shortlist' },
  { keys: ['d'], action: 'decline' },
  { keys: ['z'], action: 'snooze' },
  { keys: ['Enter', 'o'], action: 'open' },
  { keys: ['/'], action: 'search' },
  { keys: ['u'], action: 'undo' },
  { keys: ['i'], action: 'import' },
  { keys: ['?'], action: 'help' },
] as const
export type TriageAction = (typeof TRIAGE_KEYS)[number]['action']

/** Typing in a field is typing, not a triage key. */
export function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

export function triageAction(event: KeyboardEvent | React.KeyboardEvent): TriageAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey || isTextEntry(event.target)) return null
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      return 'next'
    case 'k':
    case 'ArrowUp':
      return 'previous'
    case 's':
      return 'shortlist'
    case 'd':
      return 'decline'
    case 'z':
      return 'snooze'
    case 'Enter':
    case 'o':
      return 'open'
    case '/':
      return 'search'
    case 'u':
      return 'undo'
    case 'i':
      return 'import'
    case '?':
      return 'help'
    default:
      return null
  }
}
