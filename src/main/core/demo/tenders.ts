import { TENDER_TRIAGE_STATES, type TenderRemoteState, type TenderTriageState } from '../../../shared/domain'
import { REGIONS, type Region } from './countries'
import { type DemoTender, type DemoTenderReveal, REVEALED_TRIAGE_STATES, type RevealedTriageState } from './dataset'
import { asciiSlug, drawPerson, workEmail } from './names'
import { type Random, weighted, type WeightedTable } from './random'
import { DAY, HOUR, YEAR } from './time'
import { CMS, NOTES, PROPOSAL_OPENINGS, PROVIDERS, type TenderSubject, type TenderTemplate, TEMPLATES, WHO } from './tender-texts'

// Calls for tender as the partner's inbox holds them: mostly new ones still
// open, and a tail of older ones it consulted, answered, won, lost or let go.

const TRIAGE = weighted<TenderTriageState>([
  ['new', 40], ['shortlisted', 10], ['consulted', 10], ['proposal_sent', 8],
  ['won', 5], ['lost', 7], ['dismissed', 12], ['withdrawn', 8],
])

/**
 * What became of the tender on the server, given what the partner did: won
 * and lost ones were mostly deleted by the client once it chose; withdrawn
 * ones (the app's "gone before we answered") are deleted or expired.
 */
const REMOTE: Readonly<Record<TenderTriageState, WeightedTable<TenderRemoteState>>> = {
  new: weighted<TenderRemoteState>([['open', 80], ['expired', 12], ['deleted', 8]]),
  shortlisted: weighted<TenderRemoteState>([['open', 85], ['expired', 10], ['deleted', 5]]),
  consulted: weighted<TenderRemoteState>([['open', 70], ['expired', 20], ['deleted', 10]]),
  proposal_sent: weighted<TenderRemoteState>([['open', 60], ['deleted', 25], ['expired', 15]]),
  won: weighted<TenderRemoteState>([['deleted', 80], ['open', 10], ['expired', 10]]),
  lost: weighted<TenderRemoteState>([['deleted', 60], ['expired', 30], ['open', 10]]),
  dismissed: weighted<TenderRemoteState>([['open', 50], ['expired', 30], ['deleted', 20]]),
  withdrawn: weighted<TenderRemoteState>([['deleted', 50], ['expired', 50]]),
  // Never drawn: the inbox's sweep moves a tender to expired when its validity ends.
  expired: weighted<TenderRemoteState>([['expired', 100]]),
}

/** The states the demo stores: expired is the inbox's sweep's to set (core/tenders/sweep.ts). */
export const DEMO_TRIAGE_STATES = TENDER_TRIAGE_STATES.filter((state) => state !== 'expired')

/** The first tenders cover every triage and remote state, whatever the seed. */
const GUARANTEED: readonly (readonly [TenderTriageState, TenderRemoteState])[] = [
  ...DEMO_TRIAGE_STATES.map((state) => [state, REMOTE[state].values[0]] as const),
  ['new', 'expired'],
  ['dismissed', 'deleted'],
]

/** Omit that keeps the triage union apart. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never

function isRevealed(state: TenderTriageState): state is RevealedTriageState {
  return (REVEALED_TRIAGE_STATES as readonly string[]).includes(state)
}

/** Validity and posting date consistent with the remote state. */
function timeline(random: Random, remote: TenderRemoteState, now: number): { postedAt: number; validUntil: number } {
  const open = remote === 'open' || (remote === 'deleted' && random.chance(0.5))
  // Expired and deleted tenders reach back two years, most of them recent.
  const validUntil = open ? now + random.int(DAY, 60 * DAY) : now - Math.round(2 * YEAR * random.next() ** 2) - DAY
  const postedAt = Math.min(now - HOUR, validUntil - random.int(14 * DAY, 60 * DAY))
  return { postedAt, validUntil }
}

function fullText(template: TenderTemplate, subject: TenderSubject, budget: string): string {
  const intro = `We are ${subject.who} based in ${subject.city}. We are looking for ${template.need(subject)}.`
  const requirements = template.requirements.map((r) => `- ${r}`).join('\n')
  return [
    intro,
    `What we need:\n${requirements}`,
    `Our current setup is with ${subject.provider}. ${budget}`,
    'Please include your hourly rate for later changes and a reference we can call.',
  ].join('\n\n')
}

const upperFirst = (text: string) => text[0].toUpperCase() + text.slice(1)
const lowerFirst = (text: string) => text[0].toLowerCase() + text.slice(1)

/** "CHF 21,400": whole units, grouped by hand so no locale data is involved. */
function formatMoney(minor: number, currency: string): string {
  return `${currency} ${String(Math.round(minor / 100)).replace(/\B(?=(\d{3})+$)/g, ',')}`
}

function drawTender(
  random: Random,
  triageState: TenderTriageState,
  remoteState: TenderRemoteState,
  now: number,
): WithoutId<DemoTender> {
  const region: Region = random.choose(REGIONS)
  const currency = region.country.currency
  const template = random.pick(TEMPLATES)
  const subject: TenderSubject = {
    who: random.pick(template.audience ?? WHO),
    city: random.pick(region.cities)[0],
    count: random.int(template.count[0], template.count[1]),
    provider: random.pick(PROVIDERS),
    cms: random.pick(CMS),
  }
  const { postedAt, validUntil } = timeline(random, remoteState, now)
  // Budgets in round hundreds, when the client gives one.
  const budgetMinor = random.chance(0.7) ? random.int(10, 500) * 10_000 : null
  const budget = budgetMinor === null ? 'We have no fixed budget yet.' : `Our budget is about ${formatMoney(budgetMinor, currency)}.`
  const title = template.title(subject)
  const excerpt = `${upperFirst(subject.who)} in ${subject.city} is looking for ${template.need(subject)}.`
  const triaged = triageState !== 'new'
  // Triaged tenders mostly carry the partner's score; a few new ones an automatic one.
  const score = random.chance(triaged ? 0.8 : 0.2) ? random.int(0, 100) : null
  const notes = triaged && random.chance(0.5) ? random.pick(NOTES) : ''
  const common = {
    title,
    category: template.category,
    excerpt,
    postedAt,
    validUntil,
    budgetMinor,
    currency,
    remoteState,
    score,
    notes,
  }
  if (!isRevealed(triageState)) return { ...common, triageState, reveal: null, proposal: '' }

  // Consulting reveals the contact, and only while the tender is valid.
  const revealedAt = random.int(postedAt, Math.min(validUntil, now))
  const contact = drawPerson(random, region)
  const domain = `${asciiSlug(contact.last)}-${asciiSlug(subject.city)}.${random.choose(region.country.tlds)}`
  const reveal: DemoTenderReveal = {
    revealedAt,
    fullText: fullText(template, subject, budget),
    contactName: `${contact.first} ${contact.last}`,
    contactEmail: random.chance(0.6) ? workEmail(contact, domain, random) : workEmail(contact, random.pick(region.country.freeMailDomains), random),
    contactPhone: region.country.phone(random),
  }
  const price = budgetMinor === null ? random.int(20, 400) * 10_000 : Math.round((budgetMinor * random.int(80, 110)) / 100)
  const proposal =
    triageState === 'consulted'
      ? ''
      : `${random.pick(PROPOSAL_OPENINGS)} ${lowerFirst(template.requirements[0])}, ${lowerFirst(template.requirements[1])} and a year of support, for ${formatMoney(price, currency)} excluding VAT. Delivery within ${random.int(2, 8)} weeks.`
  return { ...common, triageState, reveal, proposal }
}

export function generateTenders(random: Random, count: number, now: number): DemoTender[] {
  const drafts = Array.from({ length: count }, (_, i) => {
    const [triage, remote] = i < GUARANTEED.length ? GUARANTEED[i] : [random.choose(TRIAGE), undefined]
    return drawTender(random, triage, remote ?? random.choose(REMOTE[triage]), now)
  })
  // Ids in posting order, as the inbox lists them.
  drafts.sort((a, b) => a.postedAt - b.postedAt)
  return drafts.map((draft, i) => ({ ...draft, id: i + 1 }))
}
