/** Catalogue français : la copie de référence, avec la formulation du guide (fr-CA). */
import type { Catalogue } from './en.ts';

export const fr = {
  'app.name': 'Sesame',
  'app.skipToContent': 'Aller au contenu',
  'app.languageToggle': 'English',
  'app.languageToggleLabel': 'Display in English',
  'signIn.title': 'Connexion',
  'signIn.intro': 'Connectez-vous pour accéder à « {client} ».',
  'signIn.username': "Nom d'utilisateur",
  'signIn.password': 'Mot de passe',
  'signIn.submit': 'Me connecter',
  'signIn.help': 'Mot de passe oublié ? Communiquez avec votre conseiller.',
  'signOut.title': 'Déconnexion',
  'signOut.question': 'Voulez-vous vous déconnecter de Sesame ?',
  'signOut.submit': 'Me déconnecter',
  'signOut.done': 'Vous êtes déconnecté.',
  'signOut.doneDetail': 'Vous pouvez fermer cette fenêtre.',
  'errors.title': 'Une erreur est survenue',
  'errors.signInFailed':
    'Impossible de vous connecter. Vérifiez votre nom d’utilisateur et votre mot de passe, ou réessayez dans quelques minutes.',
  'errors.flowExpired':
    'Votre page de connexion a expiré. Retournez à l’application et recommencez.',
  'errors.csrf': 'Ce formulaire a expiré. Actualisez la page et réessayez.',
  'errors.invalidRequest': 'La demande n’est pas valide.',
  'errors.notFound': 'Cette page n’existe pas.',
  'errors.tooMany': 'Trop de demandes. Réessayez dans quelques minutes.',
  'errors.internal': 'Une erreur inattendue est survenue. Réessayez plus tard.',
  'errors.oidc': 'La demande de l’application n’a pas pu être traitée.',
  'errors.backHome': 'Retour à l’application',
  'account.title': 'Votre compte',
  'account.comingSoon':
    'Les paramètres de sécurité (méthodes d’authentification, appareils, connexions récentes) apparaîtront ici.',
} as const satisfies Catalogue;
