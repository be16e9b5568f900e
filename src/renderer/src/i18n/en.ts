import type { Messages } from './messages'

export const en = {
  app: {
    name: 'Partner Desk',
    starting: 'Starting Partner Desk…',
    demoBadge: 'Demo data',
    demoBadgeTitle:
      'You are looking at generated sample data, not a real Infomaniak account. Nothing here is sent anywhere.',
    navLabel: 'Main',
    recoveredNotice: 'The damaged cache was moved to {{path}}. Partner Desk now uses a fresh one.',
    settingsFallbackNotice: 'Your settings could not be read ({{message}}); the defaults are in use.',
    dismiss: 'Dismiss',
  },
  nav: {
    clients: 'Clients',
    billing: 'Billing',
    tenders: 'Tenders',
    settings: 'Settings',
    shortcut: '{{label}} (Alt+{{digit}} or Ctrl+{{digit}})',
  },
  common: {
    retry: 'Retry',
    cancel: 'Cancel',
    none: '—',
  },
  noBridge: {
    title: 'Partner Desk cannot reach its local engine',
    body: 'This window opened without its connection to the part of Partner Desk that holds your data, so nothing can be shown. Close the window and start Partner Desk again; if this keeps happening, reinstall the app.',
  },
  startup: {
    errorTitle: 'Partner Desk could not start',
    errorBody: 'The local engine did not answer as expected: {{message}}',
  },
  cacheProblem: {
    corruptTitle: 'The local cache is damaged',
    corruptBody:
      'The file that holds your local copy of the data cannot be read. The check reported: {{message}}',
    corruptAdvice:
      'Partner Desk can move the damaged file aside (it is kept, not deleted) and start with a fresh, empty cache. Data from Infomaniak can be downloaded again; changes not yet sent stay in the damaged file only.',
    recover: 'Move the damaged cache aside and start fresh',
    confirmTitle: 'Start with a fresh cache?',
    confirmBody:
      'The damaged file will be renamed and kept next to the new one. Changes that were not yet sent to Infomaniak remain only in that file.',
    confirmAccept: 'Move aside and start fresh',
    recovering: 'Moving the damaged cache aside…',
    recoverFailed: 'The cache could not be moved aside: {{message}}',
    tooNewTitle: 'This cache comes from a newer Partner Desk',
    tooNewBody:
      'The local cache was written by a newer version of Partner Desk (data format {{fileVersion}}; this version reads up to {{appVersion}}). It has been left untouched.',
    tooNewAdvice: 'Install the latest version of Partner Desk to open it.',
  },
  clients: {
    title: 'Clients',
    searchLabel: 'Search clients',
    searchPlaceholder: 'Name, VAT number, domain or tag (press /)',
    count_one: '{{total}} client',
    count_other: '{{total}} clients',
    countMatching_one: "{{total}} client matches '{{query}}'",
    countMatching_other: "{{total}} clients match '{{query}}'",
    loading: 'Loading clients…',
    tableLabel: 'Managed clients',
    rowLoading: 'Loading…',
    loadError: 'Clients could not be loaded: {{message}}',
    emptyQueryTitle: "No client matches '{{query}}'",
    emptyQueryHint: 'Check the spelling, try fewer words, or press Escape to clear the search.',
    emptyTitle: 'No clients yet',
    emptyHint: 'Clients who grant you access appear here. To try the app, load demo data in Settings.',
    columns: {
      name: 'Name',
      vatNumber: 'VAT number',
      access: 'Access',
      payment: 'Payment',
      status: 'Status',
      products: 'Products',
      nextExpiry: 'Next expiry',
      tags: 'Tags',
    },
    access: {
      limited: 'Limited',
      complete: 'Complete',
    },
    payment: {
      customer: 'Customer pays',
      partner: 'Partner pays',
    },
    status: {
      invited: 'Invited',
      pending: 'Pending',
      active: 'Active',
      ended: 'Ended',
    },
  },
  billing: {
    title: 'Billing',
    intro:
      'This is where you will export the billing history of your managed clients for your accountant: invoices, orders, renewals, earnings and refunds, for a period, for one client or for all.',
    count_one: '{{total}} billing line is already in the local cache.',
    count_other: '{{total}} billing lines are already in the local cache.',
  },
  tenders: {
    title: 'Tenders',
    intro:
      'This is where the calls for tender your clients post will arrive, so you can triage them fast: shortlist, consult, send a proposal or dismiss.',
    count_one: '{{total}} tender is already in the local cache.',
    count_other: '{{total}} tenders are already in the local cache.',
  },
  cacheInfo: {
    loading: 'Reading the local cache…',
    loadError: 'The local cache could not be read: {{message}}',
  },
  settings: {
    title: 'Settings',
    appearance: 'Appearance',
    theme: 'Theme',
    themeSystem: 'Automatic (follows the system)',
    themeLight: 'Light',
    themeDark: 'Dark',
    language: 'Language',
    languageNames: {
      en: 'English',
      fr: 'Français',
    },
    saveError: 'The setting could not be saved: {{message}}',
    cache: {
      title: 'Local cache',
      intro:
        'Partner Desk keeps a copy of your data on this computer so that it works offline. It is never sent anywhere but to Infomaniak.',
      dataset: 'Data',
      datasetEmpty: 'Empty',
      datasetDemo: 'Demo data ({{size}})',
      demoSizes: {
        small: 'small',
        bench: 'benchmark size',
      },
      schemaVersion: 'Data format version',
      integrity: 'Integrity check',
      integrityOk: 'OK',
      integrityChecking: 'Checking…',
      counts: {
        clients: 'Clients',
        partnerships: 'Partnerships',
        products: 'Products',
        billingLines: 'Billing lines',
        invoices: 'Invoices',
        tenders: 'Tenders',
        tags: 'Tags',
        outbox: 'Changes waiting to be sent',
      },
    },
    demo: {
      intro: 'The cache is empty. To try Partner Desk, fill it with generated sample clients, billing history and tenders.',
      generate: 'Load demo data',
      running: 'Generating demo data…',
      progress: '{{phase}}: {{done}} of {{total}}',
      failed: 'Demo data could not be generated: {{message}}',
      phases: {
        organizations: 'Organizations',
        products: 'Products',
        billing: 'Billing history',
        tenders: 'Tenders',
        index: 'Search index',
      },
    },
  },
} satisfies Messages
