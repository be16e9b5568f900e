import { useTenderNotices } from './useTenderNotices'

/** Mounted with the app, not the inbox: a new matching tender is notified wherever the user is. */
export function TenderNotices() {
  useTenderNotices()
  return null
}
