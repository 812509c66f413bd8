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
    "Impossible de vous connecter. Vérifiez votre nom d'utilisateur et votre mot de passe, ou réessayez dans quelques minutes.",
  'errors.flowExpired':
    "Votre page de connexion a expiré. Retournez à l'application et recommencez.",
  'errors.signInDeniedTitle': 'Connexion annulée',
  'errors.signInDenied':
    "Connexion annulée : vous avez indiqué que ce n'était pas vous. Si quelqu'un d'autre connaît votre mot de passe, changez-le et communiquez avec votre conseiller.",
  'errors.startAgain': 'Recommencer la connexion',
  'errors.csrf': 'Ce formulaire a expiré. Actualisez la page et réessayez.',
  'errors.invalidRequest': "La demande n'est pas valide.",
  'errors.notFound': "Cette page n'existe pas.",
  'errors.tooMany': 'Trop de demandes. Réessayez dans quelques minutes.',
  'errors.internal': 'Une erreur inattendue est survenue. Réessayez plus tard.',
  'errors.metricsUnauthorized': "Jeton d'accès aux métriques absent ou invalide.",
  'errors.oidc': "La demande de l'application n'a pas pu être traitée.",
  'errors.backHome': "Retour à l'application",
  'enroll.title': "Configurer l'authentification multifacteur",
  'enroll.intro':
    'Pour protéger votre compte, votre organisation exige une méthode de vérification supplémentaire.',
  'enroll.fewMinutes': "L'activation ne prend que quelques minutes.",
  'enroll.choose': 'Choisir',
  'enroll.chooseLabel': 'Choisir {factor}',
  'enroll.configured': 'Configurée',
  'factor.sesameVerify.title': 'Sesame Verify',
  'factor.sesameVerify.description':
    "Approuvez vos connexions dans l'application Sesame Verify, ou saisissez son code à 6 chiffres.",
  'factor.totp.title': "Autre application d'authentification",
  'factor.totp.description':
    "Google Authenticator, Microsoft Authenticator, 1Password… : saisissez un code à 6 chiffres de l'application.",
  'device.title': 'Configurer Sesame Verify',
  'device.question': 'Sélectionnez votre type de périphérique',
  'device.iphone': 'iPhone',
  'device.android': 'Android',
  'device.next': 'Suivant',
  'getApp.title': "Vous n'avez pas encore Sesame Verify ?",
  'getApp.iphone':
    "Sur votre iPhone, ouvrez {url} dans Safari, touchez Partager, puis « Sur l'écran d'accueil ».",
  'getApp.android':
    "Sur votre appareil Android, ouvrez {url} dans Chrome, touchez le menu ⋮, puis « Installer l'application ».",
  'getApp.scan':
    "Ou numérisez ce code avec l'appareil photo de votre téléphone pour ouvrir l'application.",
  'qr.title': 'Numérisez le code QR',
  'qr.step1': "Sur votre appareil mobile, ouvrez l'application Sesame Verify.",
  'qr.step2':
    'Appuyez sur Ajouter un compte, sélectionnez Organisation, puis Ajouter un compte depuis un nouvel appareil.',
  'qr.step3': 'Appuyez sur Scanner un code QR et numérisez ce code.',
  'qr.alt': 'Code QR à numériser avec Sesame Verify',
  'qr.keepOpen':
    "Gardez cette page ouverte : elle passera d'elle-même à l'étape suivante une fois votre appareil configuré.",
  'qr.waiting': 'En attente de votre appareil…',
  'qr.expired': 'Ce code a expiré.',
  'qr.refresh': 'Actualiser le code',
  'qr.cantScan': 'Impossible de numériser ?',
  'qr.manualIntro': 'Dans Sesame Verify, touchez Saisir le code manuellement, puis entrez :',
  'qr.orgAddress': "Adresse de l'organisation",
  'qr.username': "Nom d'utilisateur",
  'qr.activationCode': "Code d'activation",
  'qr.codeValidity': "Ce code expire dans 10 minutes et ne peut servir qu'une seule fois.",
  'qr.openOnThisDevice': 'Ouvrir Sesame Verify sur cet appareil',
  'qr.withoutPush': 'Configurer sans notification push',
  'qr.back': 'Choisir une autre méthode',
  'totp.title': "Configurer une application d'authentification",
  'totp.titleSesameVerify': 'Configurer Sesame Verify sans notification push',
  'totp.step1':
    "Dans votre application d'authentification, ajoutez un compte et numérisez ce code QR.",
  'totp.alt': "Code QR pour ajouter votre compte à une application d'authentification",
  'totp.cantScan': "Impossible de numériser ? Saisissez cette clé secrète dans l'application :",
  'totp.secretKey': 'Clé secrète',
  'totp.step2': "Saisissez ensuite le code à 6 chiffres affiché par l'application.",
  'totp.code': 'Code à 6 chiffres',
  'totp.verify': 'Vérifier',
  'totp.invalid':
    "Ce code n'est pas valide. Vérifiez l'heure de votre appareil et réessayez avec un nouveau code.",
  'config.title': 'Vos méthodes de vérification',
  'config.enrolledNotice': 'Méthode activée : {factor}.',
  'config.enrolled': 'Méthodes activées',
  'config.on': '{factor} sur {device}',
  'config.others': 'Autres méthodes',
  'config.othersIntro':
    "Vous pouvez activer une autre méthode d'authentification multifacteur maintenant, ou plus tard dans vos paramètres de sécurité.",
  'config.finish': 'Terminer',
  'config.keepApp':
    "Conservez l'application Sesame Verify sur votre appareil mobile : vous devrez peut-être fournir un code de vérification unique généré par l'application pour vous connecter.",
  'verify.title': 'Confirmez votre identité',
  'verify.intro.sesame-verify':
    'Ouvrez Sesame Verify sur {device} et saisissez le code à 6 chiffres affiché.',
  'verify.intro.totp':
    "Ouvrez votre application d'authentification et saisissez le code à 6 chiffres affiché pour ce compte.",
  'verify.code': 'Code de vérification',
  'verify.submit': 'Vérifier',
  'verify.invalid':
    "Ce code n'est pas valide ou a déjà été utilisé. Attendez le prochain code et réessayez.",
  'verify.otherMethod': 'Essayer une autre méthode',
  'verify.push.intro': 'Nous enverrons une demande à Sesame Verify sur {device}.',
  'verify.push.send': 'Envoyer une notification push',
  'verify.push.waitIntro':
    'Ouvrez Sesame Verify sur {device} et saisissez ce nombre pour approuver la connexion :',
  'verify.push.numberHelp': 'Le nombre à saisir dans l’application.',
  'verify.push.waiting': 'En attente de votre approbation…',
  'verify.push.continue': 'Continuer',
  'verify.push.notYet': 'La demande n’a pas encore été approuvée sur votre téléphone.',
  'verify.push.mismatch':
    'Le nombre saisi dans l’application ne correspondait pas. Envoyez une nouvelle demande et saisissez le nombre affiché ici.',
  'verify.push.expired':
    'La demande a expiré. Vous pouvez en envoyer une nouvelle ou saisir un code.',
  'verify.push.throttled':
    'Trop de demandes envoyées. Vous pourrez en envoyer une autre dans {minutes} min ; en attendant, saisissez le code de l’application.',
  'verify.push.blocked':
    'Les demandes sont suspendues pour un moment, car une demande a été refusée. Saisissez le code de l’application.',
  'verify.push.useCode': 'Saisir un code à la place',
  'verify.push.usePush': 'Envoyer une notification push à la place',
  'verify.useThis': 'Utiliser {method}',
  'account.title': 'Sécurité du compte',
  'account.signedInAs': 'Connecté en tant que {name} ({username}).',
  'account.notSignedIn':
    "Vous n'êtes pas connecté. Connectez-vous à votre Espace client, puis revenez sur cette page.",
  'account.methods': 'Méthodes de vérification',
  'account.noMethods': 'Aucune méthode de vérification pour le moment.',
  'account.addedOn': 'ajoutée le {when}',
  'account.lastUsed': 'dernière utilisation le {when}',
  'account.neverUsed': 'pas encore utilisée pour vous connecter',
  'account.changeMethods':
    'Pour retirer une méthode, vous confirmerez d’abord votre identité. Si vous avez perdu votre téléphone, communiquez avec votre conseiller : vos méthodes seront réinitialisées et vous les configurerez de nouveau à votre prochaine connexion.',
  'account.remove': 'Retirer',
  'account.removeLabel': 'Retirer {method}',
  'account.removed': 'La méthode a été retirée.',
  'account.remove.title': 'Retirer cette méthode ?',
  'account.remove.intro': 'Vous ne pourrez plus utiliser {method} pour vous connecter.',
  'account.remove.last':
    'C’est votre seule méthode de vérification : vous en configurerez une nouvelle à votre prochaine connexion.',
  'account.remove.confirm': 'Retirer la méthode',
  'account.remove.cancel': 'Annuler',
  'account.recent': 'Activité récente',
  'account.event.password': 'Mot de passe accepté',
  'account.event.failed': 'Connexion refusée',
  'account.event.code': 'Code de vérification accepté',
  'account.event.codeFailed': 'Code de vérification refusé',
  'account.event.added': 'Méthode de vérification ajoutée',
  'account.event.removed': 'Méthode de vérification retirée',
  // Courriel : la boîte d'envoi de développement, la vérification de l'adresse, le mot de passe oublié
  'outbox.title': "Boîte d'envoi de développement",
  'outbox.intro':
    "Aucun serveur SMTP n'est configuré : Sesame garde ici les courriels qu'il enverrait. Définissez SESAME_SMTP_URL pour qu'ils partent vraiment.",
  'outbox.empty': 'Aucun courriel pour le moment.',
  'outbox.listLabel': 'Courriels, du plus récent au plus ancien',
  'outbox.meta': 'À {to}, {when}',
  // Clés d'accès : clé de sécurité ou biométrie (factors/webauthn/, issue 8 §1)
  'factor.passkey.title': 'Clé de sécurité ou biométrie',
  'factor.passkey.description':
    "Utilisez une clé de sécurité, ou l'empreinte digitale, le visage ou le verrouillage d'écran de votre appareil. Rien à saisir.",
  'factor.passkey.named': "Clé d'accès « {name} »",
  'passkey.enroll.title': 'Ajouter une clé de sécurité ou la biométrie',
  'passkey.enroll.intro':
    "Votre navigateur vous demandera de toucher votre clé de sécurité, ou de confirmer avec votre empreinte digitale, votre visage ou le verrouillage de votre écran.",
  'passkey.enroll.name': 'Nom de la clé',
  'passkey.enroll.nameHelp':
    'Pour la reconnaître plus tard, par exemple « Clé bleue » ou « Ordinateur du bureau ».',
  'passkey.enroll.defaultName': "Ma clé d'accès",
  'passkey.enroll.submit': "Créer la clé d'accès",
  'passkey.enroll.failed':
    "La clé n'a pas pu être enregistrée. Réessayez, ou choisissez une autre méthode.",
  'verify.intro.passkey': 'Utilisez votre clé de sécurité ou la biométrie de votre appareil : {name}.',
  'verify.passkey.submit': "Utiliser ma clé d'accès",
  'verify.passkey.expired': 'La demande a expiré. Réessayez.',
  'signIn.or': 'ou',
  'signIn.passkey': "Se connecter avec une clé d'accès",
  'passkey.signInFailed.title': 'Connexion impossible',
  'passkey.signInFailed.body':
    "Votre clé d'accès n'a pas permis de vous connecter. Réessayez, ou connectez-vous avec votre nom d'utilisateur et votre mot de passe.",
  'passkey.signInFailed.back': 'Retour à la connexion',
  'webauthn.waiting': 'Suivez les instructions de votre navigateur…',
  'webauthn.browserFailed': "L'opération a été annulée ou a expiré. Réessayez.",
  'webauthn.unsupported':
    "Ce navigateur ne prend pas en charge les clés de sécurité ni les clés d'accès.",
  'webauthn.needsJavaScript': 'Cette étape nécessite JavaScript.',
} as const satisfies Catalogue;
