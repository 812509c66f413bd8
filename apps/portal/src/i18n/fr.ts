/** French messages: the reference copy, with the wording of the client guide (« Espace client »). */
import type { Messages } from './en.ts';

export const fr = {
  meta: {
    siteName: 'Espace client',
    company: 'Boréal Finance',
    skipToContent: 'Aller au contenu principal',
    languageNavLabel: 'Langue',
    switchLanguage: 'English',
    switchLanguageLang: 'en',
    footerText: 'Boréal Finance. Espace client de démonstration, connecté par Sesame.',
  },
  home: {
    title: 'Bienvenue dans votre Espace client',
    lead: 'Consultez vos comptes, vos soldes et vos documents en un seul endroit sécurisé.',
    signIn: 'Me connecter',
    secureTitle: 'Connexion sécurisée',
    secureText:
      "Vous vous connectez par Sesame avec votre nom d'utilisateur, votre mot de passe et une deuxième méthode de vérification, comme l'application Sesame Verify.",
    featuresTitle: 'Dans votre Espace client',
    featureAccounts: 'Vos comptes et leurs soldes',
    featureDocuments: 'Vos relevés et vos documents fiscaux',
    featureSecurity: "Vos paramètres de sécurité et vos méthodes d'authentification",
  },
  dashboard: {
    title: 'Votre Espace client',
    greeting: 'Bonjour, {name}',
    greetingAnonymous: 'Bonjour',
    intro: 'Voici le sommaire de vos comptes.',
    accountsTitle: 'Mes comptes',
    accountNumber: 'Compte {number}',
    balance: 'Solde',
    accountChequing: 'Compte chèques',
    accountTfsa: "Compte d'épargne libre d'impôt (CELI)",
    accountRrsp: "Régime enregistré d'épargne-retraite (REER)",
    totalBalance: 'Total :',
    documentsTitle: 'Documents récents',
    documentDate: 'Date',
    documentName: 'Document',
    docStatement: 'Relevé mensuel',
    docNoticeOfAssessment: 'Avis de cotisation',
    docTfsaReceipt: 'Reçu de cotisation au CELI',
    docRrspReceipt: 'Reçu de cotisation au REER',
    securityTitle: 'Sécurité',
    securityText:
      "Gérez votre mot de passe, vos méthodes d'authentification et vos appareils dans votre page de sécurité Sesame.",
    securityLink: 'Sécurité',
    signedInAt: 'Dernière connexion : {date}',
    mfaUsed: "Votre connexion a utilisé l'authentification multifacteur.",
    mfaNotUsed:
      "Cette connexion n'a utilisé que votre mot de passe. Gérez vos méthodes de vérification dans votre page de sécurité.",
    signOut: 'Me déconnecter',
    userMenuLabel: 'Votre session',
  },
  error: {
    title: 'Un problème est survenu',
    generic:
      "Nous n'avons pas pu traiter votre demande. Veuillez réessayer dans quelques instants.",
    signInFailed: "Nous n'avons pas pu terminer votre connexion. Veuillez réessayer.",
    signInCancelled: 'La connexion a été annulée ou refusée.',
    sessionExpired: "Votre session a expiré ou cette demande n'a pas pu être vérifiée.",
    notFound: "Cette page n'existe pas.",
    backHome: "Retour à la page d'accueil",
  },
} satisfies Messages;
