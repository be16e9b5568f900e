// Saved views are listed in the navigation and saved from the clients
// table: one window event tells the list to read them again.
const EVENT = 'partner-desk:views-changed'

export const announceViewsChanged = (): void => {
  window.dispatchEvent(new Event(EVENT))
}

export function onViewsChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener)
  return () => window.removeEventListener(EVENT, listener)
}
