import type { Messages } from './messages'

export const fr = {
  app: {
    name: 'Partner Desk',
    starting: 'Démarrage de Partner Desk…',
    demoBadge: 'Données de démonstration',
    demoBadgeTitle:
      "Vous consultez des données d'exemple générées, pas un vrai compte Infomaniak. Rien n'est envoyé nulle part.",
    navLabel: 'Navigation principale',
    recoveredNotice: 'Le cache endommagé a été déplacé vers {{path}}. Partner Desk utilise désormais un cache neuf.',
    settingsFallbackNotice: "Vos paramètres n'ont pas pu être lus ({{message}}) ; les valeurs par défaut sont utilisées.",
    dismiss: 'Fermer',
  },
  nav: {
    clients: 'Clients',
    billing: 'Facturation',
    tenders: "Appels d'offres",
    settings: 'Paramètres',
    shortcut: '{{label}} (Alt+{{digit}} ou Ctrl+{{digit}})',
  },
  common: {
    retry: 'Réessayer',
    cancel: 'Annuler',
    none: '—',
  },
  noBridge: {
    title: 'Partner Desk ne parvient pas à joindre son moteur local',
    body: "Cette fenêtre s'est ouverte sans sa connexion à la partie de Partner Desk qui détient vos données : rien ne peut donc être affiché. Fermez la fenêtre et relancez Partner Desk ; si le problème persiste, réinstallez l'application.",
  },
  startup: {
    errorTitle: "Partner Desk n'a pas pu démarrer",
    errorBody: "Le moteur local n'a pas répondu comme prévu : {{message}}",
  },
  cacheProblem: {
    corruptTitle: 'Le cache local est endommagé',
    corruptBody: 'Le fichier qui contient la copie locale de vos données est illisible. La vérification indique : {{message}}',
    corruptAdvice:
      "Partner Desk peut mettre le fichier endommagé de côté (il est conservé, pas supprimé) et repartir d'un cache neuf et vide. Les données d'Infomaniak peuvent être téléchargées à nouveau ; les modifications pas encore envoyées ne restent que dans le fichier endommagé.",
    recover: 'Mettre le cache endommagé de côté et repartir de zéro',
    confirmTitle: "Repartir d'un cache neuf ?",
    confirmBody:
      "Le fichier endommagé sera renommé et conservé à côté du nouveau. Les modifications qui n'avaient pas encore été envoyées à Infomaniak ne subsistent que dans ce fichier.",
    confirmAccept: 'Mettre de côté et repartir de zéro',
    recovering: 'Mise de côté du cache endommagé…',
    recoverFailed: "Le cache n'a pas pu être mis de côté : {{message}}",
    tooNewTitle: "Ce cache provient d'une version plus récente de Partner Desk",
    tooNewBody:
      "Le cache local a été écrit par une version plus récente de Partner Desk (format de données {{fileVersion}} ; cette version lit jusqu'au format {{appVersion}}). Il n'a pas été modifié.",
    tooNewAdvice: "Installez la dernière version de Partner Desk pour l'ouvrir.",
  },
  clients: {
    title: 'Clients',
    searchLabel: 'Rechercher des clients',
    searchPlaceholder: 'Rechercher des clients (touche /)',
    count_one: '{{total}} client',
    count_many: '{{total}} de clients',
    count_other: '{{total}} clients',
    countMatching_one: '{{total}} client correspond à « {{query}} »',
    countMatching_many: '{{total}} de clients correspondent à « {{query}} »',
    countMatching_other: '{{total}} clients correspondent à « {{query}} »',
    loading: 'Chargement des clients…',
    tableLabel: 'Clients gérés',
    rowLoading: 'Chargement…',
    loadError: "Les clients n'ont pas pu être chargés : {{message}}",
    emptyQueryTitle: 'Aucun client ne correspond à « {{query}} »',
    emptyQueryHint: "Vérifiez l'orthographe, essayez avec moins de mots, ou appuyez sur Échap pour effacer la recherche.",
    emptyTitle: "Aucun client pour l'instant",
    emptyHint:
      "Les clients qui vous donnent accès apparaissent ici. Pour essayer l'application, chargez les données de démonstration dans les Paramètres.",
    columns: {
      name: 'Nom',
      vatNumber: 'Numéro de TVA',
      access: 'Accès',
      payment: 'Paiement',
      status: 'Statut',
      products: 'Produits',
      nextExpiry: 'Prochaine échéance',
      tags: 'Tags',
    },
    access: {
      limited: 'Limité',
      complete: 'Complet',
    },
    payment: {
      customer: 'Le client paie',
      partner: 'Le partenaire paie',
    },
    status: {
      invited: 'Invité',
      pending: 'En attente',
      active: 'Actif',
      ended: 'Terminé',
    },
  },
  billing: {
    title: 'Facturation',
    intro:
      "C'est ici que vous exporterez l'historique de facturation de vos clients gérés pour votre comptable : factures, commandes, renouvellements, gains et remboursements, sur une période, pour un client ou pour tous.",
    count_one: '{{total}} ligne de facturation se trouve déjà dans le cache local.',
    count_many: '{{total}} de lignes de facturation se trouvent déjà dans le cache local.',
    count_other: '{{total}} lignes de facturation se trouvent déjà dans le cache local.',
  },
  tenders: {
    title: "Appels d'offres",
    intro:
      "C'est ici qu'arriveront les appels d'offres publiés par vos clients, pour les trier rapidement : présélectionner, consulter, envoyer une proposition ou écarter.",
    count_one: "{{total}} appel d'offres se trouve déjà dans le cache local.",
    count_many: "{{total}} d'appels d'offres se trouvent déjà dans le cache local.",
    count_other: "{{total}} appels d'offres se trouvent déjà dans le cache local.",
  },
  cacheInfo: {
    loading: 'Lecture du cache local…',
    loadError: "Le cache local n'a pas pu être lu : {{message}}",
  },
  settings: {
    title: 'Paramètres',
    appearance: 'Apparence',
    theme: 'Thème',
    themeSystem: 'Automatique (suit le système)',
    themeLight: 'Clair',
    themeDark: 'Sombre',
    language: 'Langue',
    languageNames: {
      en: 'English',
      fr: 'Français',
    },
    saveError: "Le paramètre n'a pas pu être enregistré : {{message}}",
    cache: {
      title: 'Cache local',
      intro:
        "Partner Desk conserve une copie de vos données sur cet ordinateur pour fonctionner hors ligne. Elle n'est jamais envoyée ailleurs que chez Infomaniak.",
      dataset: 'Données',
      datasetEmpty: 'Vide',
      datasetDemo: 'Données de démonstration ({{size}})',
      demoSizes: {
        small: 'petit jeu',
        bench: 'taille de test de performance',
      },
      schemaVersion: 'Version du format de données',
      integrity: "Contrôle d'intégrité",
      integrityOk: 'OK',
      integrityChecking: 'Vérification en cours…',
      counts: {
        clients: 'Clients',
        partnerships: 'Partenariats',
        products: 'Produits',
        billingLines: 'Lignes de facturation',
        invoices: 'Factures',
        tenders: "Appels d'offres",
        tags: 'Tags',
        outbox: "Modifications en attente d'envoi",
      },
    },
    demo: {
      intro:
        "Le cache est vide. Pour essayer Partner Desk, remplissez-le avec des clients, un historique de facturation et des appels d'offres générés.",
      generate: 'Charger les données de démonstration',
      running: 'Génération des données de démonstration…',
      progress: '{{phase}} : {{done}} sur {{total}}',
      failed: "Les données de démonstration n'ont pas pu être générées : {{message}}",
      phases: {
        organizations: 'Organisations',
        products: 'Produits',
        billing: 'Historique de facturation',
        tenders: "Appels d'offres",
        index: 'Index de recherche',
      },
    },
  },
} satisfies Messages
