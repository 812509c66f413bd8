/**
 * The text of Sesame's mail, French (the reference) and English; `fr` must have every key of
 * `en`. `{name}` placeholders are filled by `mailText`. Plain text: mail never carries a secret
 * (a code or a single-use link is the message itself, never in a notice).
 */
import type { Locale } from '../ui/i18n/messages.ts';

const en = {
  greeting: 'Hello {name},',
  when: 'When: {when}',
  where: 'From the address: {ip}',
  notYou:
    'If it was you, there is nothing to do. If it was not, change your password at once and contact your advisor.',
  manage: 'Your account’s security: {url}',
  signature: '— Sesame, on behalf of your organization',
  'methodAdded.subject': 'A verification method was added to your account',
  'methodAdded.body': 'A verification method was added to your account.',
  method: 'Method: {method}',
  'methodRemoved.subject': 'A verification method was removed from your account',
  'methodRemoved.body': 'A verification method was removed from your account.',
  'methodsReset.subject': 'Your verification methods were reset',
  'methodsReset.body':
    'All the verification methods of your account were removed. You will set one up again at your next sign-in.',
  'recoveryCodeUsed.subject': 'A recovery code was used',
  'recoveryCodeUsed.body': 'One of your recovery codes was used to sign in to your account.',
  'recoveryCodesGenerated.subject': 'New recovery codes for your account',
  'recoveryCodesGenerated.body':
    'New recovery codes were made for your account; the previous ones no longer work.',
  'passwordChanged.subject': 'Your password was changed',
  'passwordChanged.body':
    'The password of your account was changed. Every session of your account was signed out.',
  'passwordReset.subject': 'Your password was reset',
  'passwordReset.body':
    'The password of your account was reset with a link sent to this address. Every session was signed out; your verification methods are unchanged.',
  'deviceRegistered.subject': 'A new device was registered on your account',
  'deviceRegistered.body': 'A new device was registered on your account.',
  'pushDenied.subject': 'A sign-in request was denied',
  'pushDenied.body':
    'A sign-in request to your account was denied in Sesame Verify (“It wasn’t me”). Someone may know your password.',
  'accessCodeIssued.subject': 'A temporary access code was made for your account',
  'accessCodeIssued.body':
    'Support made a temporary access code for your account, to sign in once without your verification method and set up a new one. It works for a short time and only once.',
  'emailChanged.subject': 'The email address of your account was changed',
  'emailChanged.body':
    'The email address of your account was changed. Sesame will no longer write to this address; the links it sent here earlier no longer work.',
  'pushDenied.advice':
    'If you did not deny it yourself, or if someone else knows your password, change it at once and contact your advisor.',
  'verifyEmail.subject': 'Confirm your email address',
  'verifyEmail.body': 'To confirm that this address is yours, open this link within {hours} hours:',
  'verifyEmail.ignore': 'If you did not expect this message, ignore it: nothing will change.',
  'reset.subject': 'Reset your password',
  'reset.body':
    'Someone asked to reset the password of your account. To choose a new one, open this link within {minutes} minutes (it works only once):',
  'reset.ignore':
    'If you did not ask for it, ignore this message: your password stays the same. Your verification methods are never removed by a reset.',
  // Account lifecycle (issue 9): invitations, self-registration.
  'invitation.subject': 'You are invited to Sesame',
  'invitation.body':
    'An account {username} was made for you. To choose its password, open this link within {days} days (it works only once); you will then set up a verification method at your first sign-in:',
  'invitation.ignore':
    'If you did not expect this invitation, ignore this message: nothing will happen.',
  'registration.subject': 'Confirm your address to finish your account',
  'registration.body':
    'To finish creating the account {username}, confirm this address by opening this link within {hours} hours:',
  'registration.ignore':
    'If you did not create an account, ignore this message: nothing will happen.',
  'registration.exists.subject': 'Someone tried to create an account with your address',
  'registration.exists.body':
    'Someone tried to create an account with this address, which is already yours. If it was you, sign in, or choose a new password here:',
  'registration.exists.ignore':
    'If it was not you, ignore this message: your account is unchanged.',
  'registration.unavailable.subject': 'Your account could not be created',
  'registration.unavailable.body':
    'The account {username} could not be created: this username is not available. Start again with another one.',
} as const;

export type MailKey = keyof typeof en;

const fr: Record<MailKey, string> = {
  greeting: 'Bonjour {name},',
  when: 'Quand : {when}',
  where: "Depuis l'adresse : {ip}",
  notYou:
    "Si c'était vous, vous n'avez rien à faire. Sinon, changez votre mot de passe sans tarder et communiquez avec votre conseiller.",
  manage: 'La sécurité de votre compte : {url}',
  signature: '— Sesame, pour votre organisation',
  'methodAdded.subject': 'Une méthode de vérification a été ajoutée à votre compte',
  'methodAdded.body': 'Une méthode de vérification a été ajoutée à votre compte.',
  method: 'Méthode : {method}',
  'methodRemoved.subject': 'Une méthode de vérification a été retirée de votre compte',
  'methodRemoved.body': 'Une méthode de vérification a été retirée de votre compte.',
  'methodsReset.subject': 'Vos méthodes de vérification ont été réinitialisées',
  'methodsReset.body':
    'Toutes les méthodes de vérification de votre compte ont été retirées. Vous en configurerez une à votre prochaine connexion.',
  'recoveryCodeUsed.subject': 'Un code de récupération a été utilisé',
  'recoveryCodeUsed.body':
    'Un de vos codes de récupération a été utilisé pour vous connecter à votre compte.',
  'recoveryCodesGenerated.subject': 'De nouveaux codes de récupération pour votre compte',
  'recoveryCodesGenerated.body':
    'De nouveaux codes de récupération ont été créés pour votre compte; les précédents ne fonctionnent plus.',
  'passwordChanged.subject': 'Votre mot de passe a été changé',
  'passwordChanged.body':
    'Le mot de passe de votre compte a été changé. Toutes les sessions de votre compte ont été fermées.',
  'passwordReset.subject': 'Votre mot de passe a été réinitialisé',
  'passwordReset.body':
    'Le mot de passe de votre compte a été réinitialisé avec un lien envoyé à cette adresse. Toutes les sessions ont été fermées; vos méthodes de vérification sont inchangées.',
  'deviceRegistered.subject': 'Un nouvel appareil a été enregistré sur votre compte',
  'deviceRegistered.body': 'Un nouvel appareil a été enregistré sur votre compte.',
  'pushDenied.subject': 'Une demande de connexion a été refusée',
  'pushDenied.body':
    "Une demande de connexion à votre compte a été refusée dans Sesame Verify (« Ce n'était pas moi »). Quelqu'un connaît peut-être votre mot de passe.",
  'accessCodeIssued.subject': "Un code d'accès temporaire a été créé pour votre compte",
  'accessCodeIssued.body':
    "Le support a créé un code d'accès temporaire pour votre compte, afin de vous connecter une fois sans votre méthode de vérification et d'en configurer une nouvelle. Il ne fonctionne que peu de temps, et une seule fois.",
  'emailChanged.subject': "L'adresse courriel de votre compte a été changée",
  'emailChanged.body':
    "L'adresse courriel de votre compte a été changée. Sesame n'écrira plus à cette adresse; les liens qu'il y a envoyés auparavant ne fonctionnent plus.",
  'pushDenied.advice':
    "Si vous ne l'avez pas refusée vous-même, ou si quelqu'un d'autre connaît votre mot de passe, changez-le sans tarder et communiquez avec votre conseiller.",
  'verifyEmail.subject': 'Confirmez votre adresse courriel',
  'verifyEmail.body':
    "Pour confirmer que cette adresse est bien la vôtre, ouvrez ce lien d'ici {hours} heures :",
  'verifyEmail.ignore': "Si vous n'attendiez pas ce message, ignorez-le : rien ne changera.",
  'reset.subject': 'Réinitialisez votre mot de passe',
  'reset.body':
    "Quelqu'un a demandé la réinitialisation du mot de passe de votre compte. Pour en choisir un nouveau, ouvrez ce lien d'ici {minutes} minutes (il ne fonctionne qu'une fois) :",
  'reset.ignore':
    "Si vous ne l'avez pas demandé, ignorez ce message : votre mot de passe reste le même. Une réinitialisation ne retire jamais vos méthodes de vérification.",
  // Cycle de vie des comptes (issue 9) : invitations, inscription.
  'invitation.subject': 'Vous êtes invité dans Sesame',
  'invitation.body':
    "Un compte {username} a été créé pour vous. Pour choisir son mot de passe, ouvrez ce lien d'ici {days} jours (il ne fonctionne qu'une fois) ; vous configurerez ensuite une méthode de vérification à votre première connexion :",
  'invitation.ignore':
    "Si vous n'attendiez pas cette invitation, ignorez ce message : rien ne se passera.",
  'registration.subject': 'Confirmez votre adresse pour terminer votre compte',
  'registration.body':
    "Pour terminer la création du compte {username}, confirmez cette adresse en ouvrant ce lien d'ici {hours} heures :",
  'registration.ignore':
    "Si vous n'avez pas créé de compte, ignorez ce message : rien ne se passera.",
  'registration.exists.subject': 'Quelqu’un a voulu créer un compte avec votre adresse',
  'registration.exists.body':
    "Quelqu'un a voulu créer un compte avec cette adresse, qui est déjà la vôtre. Si c'était vous, connectez-vous, ou choisissez un nouveau mot de passe ici :",
  'registration.exists.ignore':
    "Si ce n'était pas vous, ignorez ce message : votre compte n'a pas changé.",
  'registration.unavailable.subject': "Votre compte n'a pas pu être créé",
  'registration.unavailable.body':
    "Le compte {username} n'a pas pu être créé : ce nom d'utilisateur n'est pas disponible. Recommencez avec un autre.",
};

const catalogues: Record<Locale, Record<MailKey, string>> = { fr, en };

export type MailText = (key: MailKey, vars?: Record<string, string>) => string;

export function mailTextFor(locale: Locale): MailText {
  const catalogue = catalogues[locale];
  return (key, vars) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => vars?.[name] ?? whole);
}
