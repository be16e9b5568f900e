// The words of the demo's calls for tender: what small organizations ask an
// Infomaniak partner for. English, like the rest of the demo's free text.

export interface TenderSubject {
  /** "a dental practice" */
  who: string
  city: string
  /** A size that fits the request: users, mailboxes, terabytes… */
  count: number
  provider: string
  cms: string
}

export interface TenderTemplate {
  category: string
  /** Who posts this kind of request, when not just anyone (WHO). */
  audience?: readonly string[]
  /** Range of `count` that makes sense for this request. */
  count: readonly [number, number]
  title(s: TenderSubject): string
  need(s: TenderSubject): string
  requirements: readonly string[]
}

export const WHO = [
  'a dental practice', 'a fiduciary firm', 'a family bakery', 'a municipality', 'a sports club',
  'an architecture office', 'a law firm', 'a physiotherapy practice', 'a private school', 'a wine estate',
  'a hotel', 'a housing cooperative', 'an engineering firm', 'a non-profit association', 'a start-up',
  'a watchmaking workshop', 'a real-estate agency', 'a medical centre', 'a transport company', 'a craft brewery',
]

export const PROVIDERS = ['Microsoft 365', 'Google Workspace', 'Hostpoint', 'OVHcloud', 'GoDaddy', 'Wix', 'Gandi', 'IONOS', 'Swisscom', 'an in-house server']

export const CMS = ['WordPress', 'Joomla', 'Drupal', 'TYPO3', 'PrestaShop', 'WooCommerce', 'a static site']

export const TEMPLATES: readonly TenderTemplate[] = [
  {
    category: 'website',
    count: [5, 60],
    title: (s) => `New website for ${s.who} in ${s.city}`,
    need: (s) => `a partner to design, host and maintain a new website (${s.cms}) in three languages`,
    requirements: ['Responsive design and accessibility (WCAG AA)', 'Hosting in Switzerland', 'Training for two editors', 'Yearly maintenance contract'],
  },
  {
    category: 'e_shop',
    audience: ['a family bakery', 'a wine estate', 'a craft brewery', 'a watchmaking workshop', 'a bookshop', 'a cheese dairy', 'a bike shop'],
    count: [50, 2_000],
    title: (s) => `Online shop for ${s.who}`,
    need: (s) => `an online shop for about ${s.count} products, with TWINT and card payments`,
    requirements: ['Import of the existing catalogue', 'Payment by TWINT, card and invoice', 'Stock synchronisation with the till', 'Hosting and updates included'],
  },
  {
    category: 'mail',
    count: [5, 150],
    title: (s) => `Migrate ${s.count} mailboxes from ${s.provider}`,
    need: (s) => `help moving ${s.count} mailboxes and their archives away from ${s.provider} without losing mail`,
    requirements: ['Migration over a weekend', 'Shared calendars and contacts', 'Phones reconfigured on site', 'Data stored in Switzerland'],
  },
  {
    category: 'ksuite',
    count: [5, 120],
    title: (s) => `Move ${s.count} users to kSuite`,
    need: (s) => `a move of ${s.count} users to a Swiss collaboration suite (mail, calendar, files, chat)`,
    requirements: ['Migration of mail and files', 'Single sign-on if possible', 'Half a day of training', 'Support contract for the first year'],
  },
  {
    category: 'kdrive',
    count: [3, 80],
    title: (s) => `Shared file storage for ${s.count} people`,
    need: (s) => `shared storage for ${s.count} people to replace a file server, with access from phones`,
    requirements: ['Folder permissions per team', 'Versioning and recycle bin', 'Migration of about 2 TB', 'Hosting in Switzerland'],
  },
  {
    category: 'hosting',
    count: [1, 10],
    title: (s) => `Hosting and maintenance of an existing ${s.cms} site`,
    need: (s) => `a partner to take over hosting and updates of an existing ${s.cms} site, currently at ${s.provider}`,
    requirements: ['Transfer of the domain and DNS', 'Daily backups', 'Security updates each month', 'Response within one working day'],
  },
  {
    category: 'vps',
    count: [1, 6],
    title: (s) => `Managed server for a business application (${s.who})`,
    need: (s) => `${s.count} managed Linux server(s) for an ERP application, with monitoring`,
    requirements: ['Linux administration and patching', 'Monitoring with alerts', 'Backups kept 30 days', 'Hosting in Switzerland'],
  },
  {
    category: 'public_cloud',
    audience: ['a start-up', 'a software company', 'an engineering firm', 'a research group', 'a digital agency'],
    count: [2, 40],
    title: () => 'Cloud infrastructure for a SaaS product',
    need: (s) => `an OpenStack-based infrastructure of about ${s.count} instances, deployed with Terraform`,
    requirements: ['Infrastructure as code', 'Two environments (staging, production)', 'Object storage for uploads', 'On-call support option'],
  },
  {
    category: 'backup',
    count: [1, 30],
    title: (s) => `Off-site backup of ${s.count} TB`,
    need: (s) => `an off-site backup of ${s.count} TB of servers and workstations, with self-service restores`,
    requirements: ['Encrypted backups stored in Switzerland', 'Daily schedule, 90 days retention', 'Restore test twice a year', 'Works with our NAS'],
  },
  {
    category: 'domain',
    count: [5, 80],
    title: (s) => `Consolidate ${s.count} domain names`,
    need: (s) => `help bringing ${s.count} domain names from several registrars under one account, with managed DNS`,
    requirements: ['Transfers without downtime', 'DNSSEC where possible', 'Renewal reminders', 'One yearly invoice'],
  },
  {
    category: 'migration',
    count: [5, 100],
    title: (s) => `Migration from ${s.provider} to a Swiss provider`,
    need: (s) => `a full move from ${s.provider} (mail, files, web site) for ${s.count} users, for data-protection reasons`,
    requirements: ['A migration plan with dates', 'No loss of mail', 'Compliance with the nLPD', 'Documentation of the new setup'],
  },
  {
    category: 'support',
    count: [3, 60],
    title: (s) => `IT support contract for ${s.count} workstations`,
    need: (s) => `an IT support contract for ${s.count} workstations and our cloud services`,
    requirements: ['Remote support within four hours', 'On-site visits when needed', 'Inventory of devices and licences', 'Monthly report'],
  },
  {
    category: 'security',
    count: [1, 20],
    title: (s) => `SSL certificates and security check for ${s.who}`,
    need: (s) => `certificates for ${s.count} sites and a light security review of the current hosting`,
    requirements: ['Certificates renewed automatically', 'Review of mail authentication (SPF, DKIM, DMARC)', 'A short written report', 'Recommendations we can act on'],
  },
  {
    category: 'newsletter',
    count: [200, 20_000],
    title: (s) => `Newsletter tool for ${s.who}`,
    need: (s) => `a newsletter tool for about ${s.count} subscribers, compliant with data-protection law`,
    requirements: ['Import of our subscriber list', 'Templates in our colours', 'Double opt-in', 'Statistics per mailing'],
  },
]

export const NOTES = [
  'Called them on Tuesday: they want a quote before the board meeting.',
  'Budget looks tight for what they ask.',
  'Good fit for our team.',
  'Ask for the current DNS zone and the registrar.',
  'Follow up next week.',
  'They prefer a French-speaking contact.',
  'Competitor already on site, probably the incumbent.',
  'Check whether the data must stay in Switzerland (likely yes).',
  'Could be bundled with a kSuite offer.',
  'Referred by an existing client.',
]

export const PROPOSAL_OPENINGS = [
  'Thank you for your request. We propose',
  'Following our call, here is our offer:',
  'As discussed, we suggest',
  'We would be glad to help. Our proposal:',
]
