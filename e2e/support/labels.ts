/**
 * The labels the tests look for, written out by hand: the French ones are the client guide's
 * wording (the acceptance test), so a change of copy in the apps must show up here as a failure.
 */
export type Lang = 'fr' | 'en';

export interface Labels {
  /** Playwright `locale`, which also sets the browser's Accept-Language. */
  locale: string;
  portalHomeTitle: string;
  portalSignIn: string;
  signInTitle: string;
  username: string;
  password: string;
  submit: string;
  signInFailed: RegExp;
  /** Accessible name of the identity pages' language toggle (it names the other language). */
  switchLanguage: string;
  greeting: (name: string) => string;
  signOut: string;
}

export const labels: Record<Lang, Labels> = {
  fr: {
    locale: 'fr-CA',
    portalHomeTitle: 'Bienvenue dans votre Espace client',
    portalSignIn: 'Me connecter',
    signInTitle: 'Connexion',
    username: "Nom d'utilisateur",
    password: 'Mot de passe',
    submit: 'Me connecter',
    signInFailed: /^Impossible de vous connecter\./,
    switchLanguage: 'Display in English',
    greeting: (name) => `Bonjour, ${name}`,
    signOut: 'Me déconnecter',
  },
  en: {
    locale: 'en-CA',
    portalHomeTitle: 'Welcome to your client portal',
    portalSignIn: 'Sign in',
    signInTitle: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign me in',
    signInFailed: /^Unable to sign you in\./,
    switchLanguage: 'Afficher en français',
    greeting: (name) => `Hello, ${name}`,
    signOut: 'Sign out',
  },
};
