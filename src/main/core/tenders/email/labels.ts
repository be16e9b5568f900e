import type { TenderLanguage } from '../../../../shared/tenders'

// The excerpt's field labels as the notification e-mail prints them, in the
// Manager's five languages (lower case, without the colon).
export const FIELD_LABELS = {
  title: ['title', 'titre', 'titel', 'titolo', 'título', 'titulo', 'subject of the tender'],
  category: ['category', 'catégorie', 'categorie', 'kategorie', 'categoria', 'categoría'],
  budget: ['budget', 'presupuesto', 'budget indicatif'],
  region: ['region', 'région', 'regione', 'región', 'canton', 'kanton', 'cantone', 'location', 'lieu', 'ort', 'luogo', 'ubicación'],
  language: ['language', 'langue', 'sprache', 'lingua', 'idioma'],
  validUntil: [
    'valid until', 'deadline', 'valable jusqu’au', "valable jusqu'au", 'date limite', 'gültig bis', 'frist', 'valido fino al', 'scadenza',
    'válido hasta', 'valido hasta', 'fecha límite',
  ],
  excerpt: ['excerpt', 'extrait', 'auszug', 'estratto', 'extracto', 'description', 'beschreibung', 'descrizione', 'descripción'],
} as const
export type Field = keyof typeof FIELD_LABELS

/** Words a notification's subject holds: a message without them or a Manager link is no tender. */
export const SUBJECT_WORDS = /call for tenders?|request for proposal|appel d[’']offres?|demande d[’']offre|ausschreibung|offertanfrage|bando|gara d[’']appalto|richiesta di offerta|licitaci[oó]n|solicitud de propuesta|concurso/i

export const LANGUAGE_NAMES: Readonly<Record<string, TenderLanguage>> = {
  en: 'en', english: 'en', anglais: 'en', englisch: 'en', inglese: 'en', inglés: 'en', ingles: 'en',
  fr: 'fr', french: 'fr', français: 'fr', francais: 'fr', französisch: 'fr', francese: 'fr', francés: 'fr', frances: 'fr',
  de: 'de', german: 'de', allemand: 'de', deutsch: 'de', tedesco: 'de', alemán: 'de', aleman: 'de',
  it: 'it', italian: 'it', italien: 'it', italienisch: 'it', italiano: 'it',
  es: 'es', spanish: 'es', espagnol: 'es', spanisch: 'es', spagnolo: 'es', español: 'es', espanol: 'es',
}

export const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ['january', 'janvier', 'januar', 'gennaio', 'enero', 'jan'],
    ['february', 'février', 'fevrier', 'februar', 'febbraio', 'febrero', 'feb', 'fév'],
    ['march', 'mars', 'märz', 'marz', 'marzo', 'mar'],
    ['april', 'avril', 'aprile', 'abril', 'apr', 'avr'],
    ['may', 'mai', 'maggio', 'mayo'],
    ['june', 'juin', 'juni', 'giugno', 'junio', 'jun'],
    ['july', 'juillet', 'juli', 'luglio', 'julio', 'jul'],
    ['august', 'août', 'aout', 'agosto', 'aug'],
    ['september', 'septembre', 'settembre', 'septiembre', 'sep', 'sept'],
    ['october', 'octobre', 'oktober', 'ottobre', 'octubre', 'oct', 'okt'],
    ['november', 'novembre', 'noviembre', 'nov'],
    ['december', 'décembre', 'decembre', 'dezember', 'dicembre', 'diciembre', 'dec', 'déc', 'dez'],
  ].flatMap((names, month) => names.map((name) => [name, month])),
)
