import type BetterSqlite3 from 'better-sqlite3'
import type { ProposalSending, TenderLanguage } from '../../../shared/tenders'
import { MANAGER_URL } from '../../../shared/links'
import { readRaw } from './detail'
import { prepared, TenderRefused } from './statements'

// Proposal drafts in the client's language (the tender's, not the app's):
// they go to the client, so they live with the core, not the UI's strings.
// Each states the programme rule that a contract won through a tender uses
// Infomaniak's products only.

const TEMPLATES: Readonly<Record<TenderLanguage, string>> = {
  en: `Dear {client},

Thank you for your call for tender "{title}". We would be glad to help you with it.

[Describe the solution, the schedule and the price here.]

As an Infomaniak partner, we deliver this project exclusively with Infomaniak products, as the partner programme requires for contracts won through its tenders.

Kind regards`,
  fr: `Bonjour {client},

Merci pour votre appel d’offres « {title} ». Nous serions heureux de vous accompagner.

[Décrivez ici la solution, le calendrier et le prix.]

En tant que partenaire Infomaniak, nous réalisons ce projet exclusivement avec des produits Infomaniak, comme le programme partenaire l’exige pour les contrats obtenus par ses appels d’offres.

Meilleures salutations`,
  de: `Guten Tag {client}

Vielen Dank für Ihre Ausschreibung «{title}». Gerne unterstützen wir Sie dabei.

[Beschreiben Sie hier Lösung, Zeitplan und Preis.]

Als Infomaniak-Partner setzen wir dieses Projekt ausschliesslich mit Produkten von Infomaniak um, wie es das Partnerprogramm für Aufträge aus seinen Ausschreibungen verlangt.

Freundliche Grüsse`,
  it: `Gentile {client},

grazie per il suo bando «{title}». Saremmo lieti di accompagnarla.

[Descriva qui la soluzione, i tempi e il prezzo.]

In qualità di partner Infomaniak, realizziamo questo progetto esclusivamente con prodotti Infomaniak, come il programma partner richiede per i contratti ottenuti tramite i suoi bandi.

Cordiali saluti`,
  es: `Estimado/a {client}:

Gracias por su solicitud de propuesta «{title}». Nos encantaría ayudarle.

[Describa aquí la solución, el calendario y el precio.]

Como partner de Infomaniak, realizamos este proyecto exclusivamente con productos de Infomaniak, tal como exige el programa de partners para los contratos obtenidos a través de sus licitaciones.

Atentamente`,
}

/** A draft from the template, with the client's name where the tender revealed it. */
export function draftProposal(db: BetterSqlite3.Database, id: number, language: TenderLanguage): string {
  const raw = readRaw(db, id)
  if (raw.proposal !== '') return raw.proposal
  const client = raw.contact_name ?? ({ en: 'Sir or Madam', fr: 'Madame, Monsieur', de: 'Damen und Herren', it: 'Cliente', es: 'Señora, Señor' } as const)[language]
  return TEMPLATES[language].replaceAll('{client}', client).replaceAll('{title}', raw.title)
}

/** The language a proposal starts in: the tender's own when known. */
export const proposalLanguage = (language: TenderLanguage | null, fallback: TenderLanguage): TenderLanguage => language ?? fallback

/**
 * Keeps the proposal and marks it sent. The published API has no endpoint to
 * send it: the text goes to the clipboard and the Manager opens on the tender.
 */
export function sendProposal(db: BetterSqlite3.Database, id: number, text: string, now: number): ProposalSending {
  const raw = readRaw(db, id)
  if (raw.revealed_at === null) throw new TenderRefused(`tender ${id}: consult the tender before sending a proposal`)
  db.transaction(() => {
    const before = prepared(db, 'SELECT triage_state, decline_reason, snoozed_until, triaged_at, conflict_settled_at FROM tenders WHERE id = ?').get(id) as Record<string, unknown>
    prepared(db, "UPDATE tenders SET proposal = ?, proposal_sent_at = ?, triage_state = 'proposal_sent', triaged_at = ? WHERE id = ?").run(text, now, now, id)
    if (before.triage_state !== 'proposal_sent') {
      prepared(db, 'INSERT INTO tender_moves (tender_id, before_json, after_json, at) VALUES (?, ?, ?, ?)').run(
        id,
        JSON.stringify(before),
        JSON.stringify({ ...before, triage_state: 'proposal_sent', triaged_at: now }),
        now,
      )
    }
  })()
  return { via: 'clipboard', managerUrl: raw.manager_url ?? `${MANAGER_URL}` }
}
