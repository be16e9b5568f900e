import { createHash } from 'node:crypto'
import PostalMime from 'postal-mime'
import type { TenderDraft, TenderLanguage } from '../../../../shared/tenders'
import { FIELD_LABELS, type Field, LANGUAGE_NAMES, SUBJECT_WORDS } from './labels'
import { parseBudget, parseDay } from './values'

// A tender notification e-mail → the excerpt's fields. postal-mime decodes
// the message (quoted-printable, base64, multipart, charsets, encoded
// headers); what it cannot know is the excerpt's own layout, read here.

export class NotATender extends Error {}

/** Manager links to a tender: https only, Infomaniak's Manager only; the tender's id where the link has it. */
const MANAGER_LINK = /https:\/\/manager\.infomaniak\.com\/[^\s<>"')\]]*?tenders?[^\s<>"')\]]*/i

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<a\s[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi, '$2 $1')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
}

const LABEL_TO_FIELD = new Map<string, Field>(
  (Object.entries(FIELD_LABELS) as Array<[Field, readonly string[]]>).flatMap(([field, labels]) => labels.map((label) => [label, field] as const)),
)

/** "Label: value" lines; an excerpt runs on until a blank line or the next label. */
function fields(text: string): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {}
  let open: Field | null = null
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/^[\s>*•-]+/, '').trimEnd()
    const labelled = /^([^:]{2,40}?)\s*:\s*(.*)$/.exec(line)
    const field = labelled ? LABEL_TO_FIELD.get(labelled[1].toLocaleLowerCase('en').replace(/\*/g, '').trim()) : undefined
    if (labelled && field) {
      found[field] ??= labelled[2].trim()
      open = field === 'excerpt' ? field : null
      continue
    }
    if (open === 'excerpt') {
      if (line.trim() === '') {
        if ((found.excerpt ?? '') !== '') open = null
        continue
      }
      found.excerpt = `${found.excerpt ?? ''}${found.excerpt ? '\n' : ''}${line.trim()}`
    }
  }
  return found
}

function language(value: string | undefined): TenderLanguage | null {
  if (value === undefined) return null
  return LANGUAGE_NAMES[value.trim().toLocaleLowerCase('en').split(/[\s,(]/)[0]] ?? null
}

interface Message {
  subject: string
  text: string
  html: string | null
  messageId: string | null
  date: string | null
}

/**
 * Reads one message file. `now` stands in for a missing or unreadable Date
 * header. Throws NotATender with what was missing when the message is no
 * tender notification.
 */
export async function readTenderEmail(raw: Uint8Array | string, now: number): Promise<TenderDraft> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>
  try {
    email = await PostalMime.parse(raw)
  } catch (error) {
    throw new NotATender(`not a readable e-mail (${error instanceof Error ? error.message : String(error)})`)
  }
  return recognise(
    { subject: email.subject ?? '', text: email.text ?? '', html: email.html ?? null, messageId: email.messageId ?? null, date: email.date ?? null },
    now,
  )
}

/** The message's text as the user pasted it from the mail program (no headers: its digest tells a second paste). */
export function readPastedTender(text: string, now: number): TenderDraft {
  // Without headers, the subject is the line that says so, or the first line.
  const subject = /^(?:subject|objet|betreff|oggetto|asunto)\s*:\s*(.+)$/im.exec(text)?.[1] ?? text.trim().split(/\r?\n/)[0] ?? ''
  return recognise({ subject, text, html: null, messageId: null, date: null }, now)
}

function recognise(email: Message, now: number): TenderDraft {
  const subject = email.subject.trim()
  const body = email.text.trim() !== '' ? email.text : htmlToText(email.html ?? '')
  const link = MANAGER_LINK.exec(body)?.[0] ?? (email.html ? MANAGER_LINK.exec(email.html)?.[0] : undefined) ?? null
  const found = fields(body)
  const tenderLike = link !== null || (SUBJECT_WORDS.test(subject) && found.title !== undefined)
  if (!tenderLike) {
    throw new NotATender('not a tender notification: it has no link to a tender in the Infomaniak Manager and no tender excerpt (title, category, budget, validity)')
  }
  const title = found.title ?? subject.replace(/^(re|fwd?|tr|wg|aw|rv)\s*:\s*/i, '')
  if (title === '') throw new NotATender('a tender notification without a title: paste the message with its excerpt')
  const validUntil = found.validUntil === undefined ? null : parseDay(found.validUntil)
  if (validUntil === null) {
    throw new NotATender(
      found.validUntil === undefined
        ? 'the tender’s validity date was not found in the message (a “Valid until:” line)'
        : `the tender’s validity “${found.validUntil}” is not a date this app can read`,
    )
  }
  const budget = found.budget === undefined ? null : parseBudget(found.budget)
  // postal-mime gives the Date header as ISO 8601, or as written when it could not read it.
  const sent = email.date !== null && /^\d{4}-\d{2}-\d{2}T/.test(email.date) ? Date.parse(email.date) : Number.NaN
  const postedAt = Number.isFinite(sent) ? Math.floor(sent / 1000) : now
  const remoteId = link === null ? null : Number(/tenders?\/(\d{1,12})\b|tender_id=(\d{1,12})/i.exec(link)?.slice(1).find(Boolean) ?? Number.NaN)
  const key = email.messageId?.trim() || `sha256:${createHash('sha256').update(`${subject}\n${body.replace(/\s+/g, ' ').trim()}`).digest('hex')}`
  return {
    key: key.slice(0, 300),
    remoteId: remoteId !== null && Number.isSafeInteger(remoteId) && remoteId > 0 ? remoteId : null,
    title: title.slice(0, 300),
    category: (found.category ?? 'other').slice(0, 64) || 'other',
    excerpt: (found.excerpt ?? '').slice(0, 20_000),
    budgetMin: budget?.min ?? null,
    budgetMax: budget?.max ?? null,
    currency: budget?.currency ?? 'CHF',
    region: found.region ? found.region.slice(0, 64) : null,
    language: language(found.language),
    postedAt: Math.min(postedAt, now),
    validUntil,
    managerUrl: link,
  }
}
