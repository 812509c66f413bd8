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
  'signIn.forgot': 'Mot de passe oublié ?',
  'emailVerify.title': 'Confirmer votre adresse courriel',
  'emailVerify.intro': "Confirmez que l'adresse {email} est bien la vôtre.",
  'emailVerify.submit': 'Confirmer mon adresse',
  'emailVerify.done': 'Votre adresse courriel est confirmée. Vous pouvez fermer cette page.',
  'emailVerify.invalid':
    "Ce lien ne fonctionne plus : il a déjà servi, il a expiré, ou l'adresse a changé. Demandez-en un nouveau à votre conseiller.",
  'reset.request.title': 'Mot de passe oublié',
  'reset.request.intro':
    "Entrez votre nom d'utilisateur ou votre adresse courriel : nous enverrons un lien pour choisir un nouveau mot de passe à l'adresse courriel vérifiée de votre compte.",
  'reset.request.identifier': "Nom d'utilisateur ou adresse courriel",
  'reset.request.submit': 'Envoyer le lien',
  'reset.request.sent':
    "Si un compte correspond à ce que vous avez entré et qu'il a une adresse courriel vérifiée, un lien vient d'y être envoyé. Il est valide 30 minutes et ne sert qu'une fois.",
  'reset.request.noMail':
    "Vous n'avez rien reçu ? Vérifiez vos courriels indésirables, ou communiquez avec votre conseiller : il peut vous aider à vous connecter.",
  'reset.backToSignIn': 'Retour à la connexion',
  'reset.set.title': 'Choisir un nouveau mot de passe',
  'reset.set.intro':
    'Choisissez le nouveau mot de passe du compte {username}. Vos méthodes de vérification ne changent pas : l’une d’elles vous sera demandée à la connexion.',
  'reset.set.submit': 'Enregistrer le mot de passe',
  'reset.done.title': 'Mot de passe changé',
  'reset.done.body':
    'Votre mot de passe a été changé et toutes les sessions de votre compte ont été fermées. Connectez-vous avec le nouveau : votre méthode de vérification vous sera demandée.',
  'reset.done.signIn': 'Me connecter',
  'reset.invalid.title': 'Lien non valide',
  'reset.invalid.body':
    'Ce lien ne fonctionne plus : il a déjà servi, ou il a expiré (30 minutes). Vous pouvez en demander un nouveau.',
  'reset.invalid.again': 'Demander un nouveau lien',
  // Clés d'accès : clé de sécurité ou biométrie (factors/webauthn/, issue 8 §1)
  'factor.passkey.title': 'Clé de sécurité ou biométrie',
  'factor.passkey.description':
    "Utilisez une clé de sécurité, ou l'empreinte digitale, le visage ou le verrouillage d'écran de votre appareil. Rien à saisir.",
  'factor.passkey.named': "Clé d'accès « {name} »",
  'passkey.enroll.title': 'Ajouter une clé de sécurité ou la biométrie',
  'passkey.enroll.intro':
    'Votre navigateur vous demandera de toucher votre clé de sécurité, ou de confirmer avec votre empreinte digitale, votre visage ou le verrouillage de votre écran.',
  'passkey.enroll.name': 'Nom de la clé',
  'passkey.enroll.nameHelp':
    'Pour la reconnaître plus tard, par exemple « Clé bleue » ou « Ordinateur du bureau ».',
  'passkey.enroll.defaultName': "Ma clé d'accès",
  'passkey.enroll.submit': "Créer la clé d'accès",
  'passkey.enroll.failed':
    "La clé n'a pas pu être enregistrée. Réessayez, ou choisissez une autre méthode.",
  'verify.intro.passkey':
    "Utilisez votre clé d'accès « {name} » : touchez votre clé de sécurité, ou confirmez avec la biométrie de votre appareil.",
  'verify.passkey.submit': "Utiliser ma clé d'accès",
  'verify.passkey.expired': 'La demande a expiré. Réessayez.',
  'signIn.or': 'ou',
  'signIn.passkey': "Se connecter avec une clé d'accès",
  'passkey.signInFailed.title': 'Connexion impossible',
  'passkey.signInFailed.body':
    "Votre clé d'accès n'a pas permis de vous connecter. Réessayez, ou connectez-vous avec votre nom d'utilisateur et votre mot de passe.",
  'passkey.signInFailed.back': 'Retour à la connexion',
  'webauthn.waiting': 'Suivez les instructions de votre navigateur…',
  'webauthn.browserFailed':
    "Aucune clé d'accès n'a été utilisée : l'opération a été annulée ou a expiré, ou cet appareil n'en a pas pour ce site. Réessayez.",
  'webauthn.unsupported':
    "Ce navigateur ne prend pas en charge les clés de sécurité ni les clés d'accès.",
  'webauthn.needsJavaScript': 'Cette étape nécessite JavaScript.',
  // Codes de récupération (issue 8 §2)
  'factor.recoveryCodes.title': 'Codes de récupération',
  'factor.recoveryCodes.description':
    'Dix codes à usage unique pour vous connecter si vous n’avez plus votre téléphone.',
  'verify.intro.recoveryCodes':
    'Saisissez l’un de vos codes de récupération. Chaque code ne sert qu’une fois ; il vous en reste {count}.',
  'recoveryCodes.field': 'Code de récupération',
  'recoveryCodes.use': 'Utiliser un code de récupération',
  'recoveryCodes.lowAtSignIn':
    'Il vous en reste peu : une fois connecté, générez-en de nouveaux depuis la page « Sécurité » de votre compte.',
  'recoveryCodes.lowOnAccount':
    'Il ne vous reste que {count} codes. Générez-en de nouveaux avant d’en manquer.',
  'recoveryCodes.remaining': 'Codes inutilisés : {count} sur 10',
  'recoveryCodes.generateMine': 'Générer mes codes',
  'recoveryCodes.regenerate': 'Générer de nouveaux codes',
  'recoveryCodes.title': 'Codes de récupération',
  'recoveryCodes.intro':
    'Si vous perdez votre téléphone, un code de récupération vous permet de vous connecter à sa place. Vous recevrez 10 codes ; chacun ne sert qu’une fois.',
  'recoveryCodes.replaces':
    'Vos codes actuels ({count} inutilisés) cesseront de fonctionner dès que les nouveaux seront générés.',
  'recoveryCodes.back': 'Retour',
  'recoveryCodes.shownTitle': 'Vos codes de récupération',
  'recoveryCodes.keepSafe':
    'Conservez ces codes en lieu sûr (imprimés, ou dans un gestionnaire de mots de passe) : ils ne seront plus jamais affichés. Quiconque les détient avec votre mot de passe peut se connecter à votre place.',
  'recoveryCodes.shownIntro':
    'Chaque code ne sert qu’une fois. À la connexion, choisissez « Utiliser un code de récupération ».',
  'recoveryCodes.listLabel': 'Vos 10 codes',
  'recoveryCodes.copy': 'Copier',
  'recoveryCodes.copied': 'Codes copiés dans le presse-papiers.',
  'recoveryCodes.download': 'Télécharger (.txt)',
  'recoveryCodes.print': 'Imprimer',
  'recoveryCodes.fileName': 'sesame-codes-de-recuperation.txt',
  'recoveryCodes.fileHeading': 'Sesame — codes de récupération de {username}',
  'recoveryCodes.lowAfterUse':
    'Il ne vous reste que {count} codes de récupération : générez-en de nouveaux depuis la page « Sécurité » de votre compte.',
  'verify.passed.title': 'Code accepté',
  'verify.passed.continue': 'Continuer',
  'recoveryCodes.continue': 'Continuer',
  'account.event.recoveryCodeUsed': 'Code de récupération utilisé',
  'account.event.recoveryCodesGenerated': 'Codes de récupération générés',
  // Codes par courriel et par SMS (factors/email-code/, factors/sms-code/, factors/sent-code/).
  'factor.emailCode.title': 'Code par courriel',
  'factor.emailCode.description':
    "Recevez un code à usage unique à votre adresse courriel vérifiée. Un moyen de plus, à côté d'une autre méthode : il ne peut pas être votre seule méthode.",
  'factor.smsCode.title': 'Code par SMS',
  'factor.smsCode.description':
    'Recevez un code à usage unique par texto au numéro de téléphone de votre compte.',
  'sentCode.describe': '{factor} ({destination})',
  'sentCode.code': 'Code reçu',
  'sentCode.confirm': 'Activer',
  'sentCode.resend': 'Renvoyer le code',
  'sentCode.invalid': "Ce code n'est pas valide. Vérifiez le dernier code reçu et réessayez.",
  'sentCode.expired':
    'Ce code a expiré ou a été remplacé par un plus récent. Demandez un nouveau code.',
  'sentCode.throttled':
    'Un code vient d’être envoyé. Vous pourrez en demander un autre dans {seconds} secondes.',
  'sentCode.blocked':
    'Trop de codes demandés. Vous pourrez en demander un autre dans {minutes} min.',
  'sentCode.undelivered':
    "Le code n'a pas pu être envoyé. Réessayez dans un moment, ou utilisez une autre méthode.",
  'sentCode.needsCompanion':
    "{method} ne peut pas être votre seule méthode : configurez d'abord une application d'authentification, une clé de sécurité ou un code par SMS, puis ajoutez-le.",
  'emailCode.send': 'Envoyer un code par courriel',
  'emailCode.startIntro': 'Nous enverrons un code à 6 chiffres à {destination}.',
  'emailCode.sentIntro':
    'Saisissez le code à 6 chiffres envoyé à {destination}. Il est valide pendant 10 minutes.',
  'emailCode.unavailable':
    "Votre compte n'a pas d'adresse courriel vérifiée à laquelle envoyer un code. Utilisez une autre méthode.",
  'emailCode.notAlone':
    "Un code par courriel s'ajoute à une autre méthode, jamais seul, et ne compte pas pour l'authentification multifacteur lorsqu'elle est exigée.",
  'emailCode.subject': 'Votre code de vérification Sesame',
  'emailCode.text':
    "Votre code de vérification : {code}\n\nIl est valide pendant 10 minutes et ne sert qu'une fois, sur {host}.\n\nSi vous ne l'avez pas demandé, ne le communiquez à personne et changez votre mot de passe.",
  'smsCode.send': 'Envoyer un code par SMS',
  'smsCode.startIntro': 'Nous enverrons un code à 6 chiffres par texto au {destination}.',
  'smsCode.sentIntro':
    'Saisissez le code à 6 chiffres envoyé par texto au {destination}. Il est valide pendant 10 minutes.',
  'smsCode.unavailable':
    "Aucun numéro de téléphone de votre compte ne peut recevoir de code (ou il a changé depuis sa confirmation). Demandez à votre organisation de l'ajouter, ou utilisez une autre méthode.",
  'smsCode.restricted':
    "Les textos peuvent être interceptés ou détournés (par exemple si votre numéro est transféré sur une autre carte SIM). Nous vous recommandons de configurer aussi une application d'authentification ou une clé de sécurité.",
  'smsCode.text':
    'Sesame : votre code de vérification est {code}. Valide 10 minutes. Ne le communiquez à personne.',
  // La page de sécurité et « Ne plus demander sur cet appareil » (issue 8 §4, §5).
  'enroll.addIntro':
    'Choisissez la méthode à ajouter à votre compte. Elle vous servira à vous connecter, comme celles que vous avez déjà.',
  'enroll.backToAccount': 'Retour à la sécurité du compte',
  'verify.remember': 'Ne plus demander sur cet appareil pendant {days} jours',
  'account.rename': 'Renommer',
  'account.renameLabel': 'Renommer {method}',
  'account.renamed': 'La méthode a été renommée.',
  'account.rename.title': 'Renommer la méthode',
  'account.rename.intro': '{method} ({kind}) : donnez-lui un nom que vous reconnaîtrez.',
  'account.rename.label': 'Nom',
  'account.rename.help': 'Jusqu’à {max} caractères, par exemple « Téléphone du bureau ».',
  'account.rename.invalid': 'Saisissez un nom de 1 à {max} caractères, sans caractères spéciaux.',
  'account.rename.save': 'Enregistrer le nom',
  'account.addMethod': 'Ajouter une autre méthode',
  'account.added': 'La méthode a été ajoutée.',
  'account.noActivity': 'Aucune activité pour le moment.',
  'account.activity.application': 'vers {name}',
  'account.activity.method': 'avec {method}',
  'account.activity.failed': 'Échec',
  'account.activity.byPassword': 'le mot de passe',
  'account.event.rememberedBrowser': 'Deuxième étape passée : appareil mémorisé',
  'account.event.renamed': 'Méthode de vérification renommée',
  'account.event.passwordChanged': 'Mot de passe changé',
  'account.event.browserRemembered': 'Appareil mémorisé',
  'account.event.browserForgotten': 'Appareil mémorisé oublié',
  'account.browsers': 'Appareils mémorisés',
  'account.browsers.none':
    "Aucun appareil n'est mémorisé. À l'étape de vérification, vous pouvez choisir de ne plus être sollicité sur un de vos appareils.",
  'account.browsers.unknown': 'Navigateur inconnu',
  'account.browsers.since': 'mémorisé le {when}',
  'account.browsers.until': "jusqu'au {when}",
  'account.browsers.forget': 'Oublier cet appareil',
  'account.browsers.forgetLabel': 'Oublier {browser}',
  'account.browserForgotten':
    "L'appareil a été oublié : la deuxième étape lui sera de nouveau demandée.",
  'account.password': 'Mot de passe',
  'account.password.summary':
    'Le changer déconnecte vos autres appareils et oublie les appareils mémorisés; celui-ci reste connecté.',
  'account.password.title': 'Changer le mot de passe',
  'account.password.intro':
    'Saisissez votre mot de passe actuel, puis le nouveau. Vos autres appareils seront déconnectés.',
  'account.password.current': 'Mot de passe actuel',
  'account.password.new': 'Nouveau mot de passe',
  'account.password.help':
    'Au moins {min} caractères. Une phrase dont vous vous souviendrez fait très bien l’affaire.',
  'account.password.save': 'Changer le mot de passe',
  'account.password.wrongCurrent': "Le mot de passe actuel n'est pas le bon.",
  'account.password.tooShort': 'Le nouveau mot de passe doit compter au moins {min} caractères.',
  'account.password.tooLong': 'Le nouveau mot de passe est trop long (128 caractères au plus).',
  'account.password.common':
    'Ce mot de passe est trop courant ou trop facile à deviner. Choisissez-en un autre.',
  'account.password.containsContext':
    "Le nouveau mot de passe ne doit contenir ni votre nom, ni votre nom d'utilisateur, ni le nom du service.",
  'account.passwordChanged':
    'Votre mot de passe a été changé. Vos autres appareils ont été déconnectés.',
  'account.everywhere': 'Se déconnecter partout',
  'account.everywhere.intro':
    'Met fin à toutes les sessions de votre compte, sur cet appareil et sur tous les autres, dans toutes les applications, et oublie les appareils mémorisés.',
  'account.everywhere.confirm': 'Se déconnecter partout',
  'account.signedOut.title': 'Déconnecté partout',
  'account.signedOut.body':
    'Toutes les sessions de votre compte ont pris fin, sur tous vos appareils et dans toutes les applications. Reconnectez-vous pour continuer.',
  'account.signedOut.back': 'Retour à la sécurité du compte',
  // La console d'administration (issue 9).
  'errors.adminForbiddenTitle': 'Accès refusé',
  'errors.adminForbidden':
    'Cette page de la console d’administration n’est pas ouverte à votre compte. Adressez-vous à un administrateur si vous en avez besoin.',
  'errors.adminSignInFailed':
    'La connexion à la console d’administration n’a pas abouti. Réessayez.',
  'admin.title': 'Console d’administration',
  'admin.nav': 'Console',
  'admin.nav.users': 'Utilisateurs',
  'admin.signedInAs': 'Connecté en tant que {username} ({role})',
  'admin.role.admin': 'administrateur',
  'admin.role.helpdesk': 'soutien technique',
  'admin.signOut': 'Se déconnecter',
  'admin.signedOut': 'Vous êtes déconnecté de la console d’administration.',
  'admin.signInAgain': 'Se reconnecter',
  'admin.users.title': 'Utilisateurs',
  'admin.users.search': 'Rechercher par nom d’utilisateur, courriel ou nom',
  'admin.users.searchSubmit': 'Rechercher',
  'admin.users.none': 'Aucun compte ne correspond.',
  'admin.users.count': '{count} comptes affichés',
  'admin.users.username': 'Nom d’utilisateur',
  'admin.users.name': 'Nom',
  'admin.users.email': 'Courriel',
  'admin.users.status': 'État',
  'admin.users.methods': 'Méthodes',
  'admin.status.active': 'Actif',
  'admin.status.locked': 'Verrouillé',
  'admin.user.back': 'Tous les utilisateurs',
  'admin.user.details': 'Compte',
  'admin.user.created': 'Créé le',
  'admin.user.role': 'Accès à la console',
  'admin.user.roleNone': 'aucun',
  'admin.user.mfa': 'MFA',
  'admin.user.mfaByAccount': 'obligatoire pour ce compte',
  'admin.user.mfaByOrg': 'obligatoire pour l’organisation',
  'admin.user.mfaByGroup': 'obligatoire pour un de ses groupes',
  'admin.user.mfaNotRequired': 'non obligatoire',
  'admin.user.methods': 'Méthodes de vérification',
  'admin.user.noMethods':
    'Aucune méthode de vérification : le client en configurera une à sa prochaine connexion si la MFA est obligatoire.',
  'admin.user.actions': 'Actions',
  'admin.user.lock': 'Verrouiller le compte',
  'admin.user.unlock': 'Déverrouiller le compte',
  'admin.user.requireMfa': 'Rendre la MFA obligatoire pour ce compte',
  'admin.user.stopRequiringMfa': 'Ne plus exiger la MFA pour ce compte',
  'admin.user.resetMfa': 'Réinitialiser la MFA (le client la configurera de nouveau)',
  'admin.user.resetMfaConfirm':
    'Toutes les méthodes et tous les appareils de ce compte seront retirés. Le client configurera de nouveau la MFA à sa prochaine connexion.',
  'admin.user.endSessions': 'Mettre fin à toutes les sessions',
  'admin.user.activity': 'Journal d’audit',
  'admin.user.noActivity': 'Rien n’est encore enregistré.',
  'admin.nav.audit': 'Journal d’audit',
  'admin.audit.title': 'Journal d’audit',
  'admin.audit.account': 'Compte (nom d’utilisateur ou courriel)',
  'admin.audit.type': 'Type (ou son début : sign_in.)',
  'admin.audit.from': 'Du (UTC)',
  'admin.audit.to': 'Au (UTC)',
  'admin.audit.outcome': 'Résultat',
  'admin.audit.outcomeAll': 'Tous',
  'admin.audit.success': 'Réussite',
  'admin.audit.failure': 'Échec',
  'admin.audit.filter': 'Filtrer',
  'admin.audit.exportCsv': 'Exporter en CSV',
  'admin.audit.exportJsonl': 'Exporter en JSON Lines',
  'admin.audit.unknownAccount': 'Aucun compte n’a ce nom d’utilisateur ou ce courriel.',
  'admin.audit.older': 'Événements plus anciens',
  'admin.newUser.title': 'Nouvel utilisateur',
  'admin.newUser.intro':
    'Le client configurera l’authentification multifacteur à sa première connexion. Un mot de passe est généré pour que vous le lui communiquiez ; il pourra le changer dans sa page de sécurité.',
  'admin.newUser.email': 'Courriel (facultatif : un lien de vérification y est envoyé)',
  'admin.newUser.submit': 'Créer le compte',
  'admin.newUser.invalidUsername':
    'Ce nom d’utilisateur n’est pas valide : lettres, chiffres et . _ - @ + seulement, 254 caractères au plus.',
  'admin.newUser.invalidEmail': 'Cette adresse courriel n’est pas valide.',
  'admin.newUser.taken':
    'Ce nom d’utilisateur ou ce courriel est déjà utilisé par un autre compte.',
  'admin.newUser.created': 'Compte créé',
  'admin.newUser.createdIntro': 'Le compte {username} est créé.',
  'admin.newUser.password': 'Son mot de passe, à communiquer au client :',
  'admin.newUser.shownOnce':
    'Ce mot de passe n’est affiché qu’une fois. Il n’est conservé nulle part.',
  'admin.newUser.verificationSent': 'Un lien de vérification a été envoyé à l’adresse.',
  'admin.newUser.open': 'Ouvrir le compte',
  // Codes d'accès temporaire (issue 9 §1)
  'factor.temporaryAccessCode.title': 'Code d’accès temporaire',
  'factor.temporaryAccessCode.description':
    'Un code à usage unique remis par votre conseiller, pour vous connecter une fois après la perte de votre téléphone et configurer une nouvelle méthode.',
  'verify.intro.temporaryAccessCode':
    'Saisissez le code d’accès temporaire que votre conseiller vous a remis. Il ne sert qu’une fois ; vous configurerez ensuite une nouvelle méthode de vérification.',
  'temporaryAccessCode.field': 'Code d’accès temporaire',
  'temporaryAccessCode.use': 'Utiliser un code d’accès temporaire',
  'temporaryAccessCode.expired':
    'Ce code d’accès temporaire a expiré. Demandez-en un nouveau à votre conseiller.',
  'admin.tac.issue': 'Émettre un code d’accès temporaire (téléphone perdu)',
  'admin.tac.title': 'Code d’accès temporaire',
  'admin.tac.intro':
    'Communiquez ce code à {username}. Il sert une seule fois, jusqu’au {until}, pour se connecter et configurer une nouvelle méthode de vérification ; ses autres méthodes restent jusqu’à ce qu’il les retire.',
  'admin.tac.shownOnce':
    'Ce code n’est affiché qu’une fois. En émettre un autre met fin à celui-ci.',
  'admin.tac.back': 'Retour au compte',
  'admin.nav.tokens': 'Jetons d’API',
  'admin.tokens.title': 'Jetons d’API',
  'admin.tokens.intro':
    'Un jeton permet à un programme d’utiliser l’API d’administration (/admin/api, décrite à /admin/api/openapi.json) avec les droits que vous lui donnez, jusqu’à son expiration ou sa révocation.',
  'admin.tokens.name': 'Nom',
  'admin.tokens.scopes': 'Droits',
  'admin.tokens.days': 'Valide pendant (jours)',
  'admin.tokens.create': 'Créer le jeton',
  'admin.tokens.list': 'Jetons',
  'admin.tokens.expires': 'Expire le',
  'admin.tokens.lastUsed': 'Dernière utilisation',
  'admin.tokens.revoke': 'Révoquer',
  'admin.tokens.revoked': 'Révoqué',
  'admin.tokens.made': 'Jeton créé',
  'admin.tokens.madeIntro': 'Le jeton « {name} » :',
  'admin.tokens.shownOnce':
    'Ce jeton n’est affiché qu’une fois : copiez-le maintenant. Seule son empreinte est conservée.',
  'admin.tokens.back': 'Retour aux jetons',
  'admin.audit.when': 'Quand',
  'admin.audit.what': 'Événement',
  'admin.audit.who': 'Auteur',
  'admin.audit.ip': 'Adresse IP',
  'admin.done.locked':
    'Le compte est verrouillé : il ne peut plus se connecter, et ses sessions ont pris fin.',
  'admin.done.unlocked': 'Le compte est déverrouillé, et ses compteurs d’échecs sont remis à zéro.',
  'admin.done.mfaRequired': 'La MFA est désormais obligatoire pour ce compte.',
  'admin.done.mfaNotRequired': 'La MFA n’est plus exigée par le réglage propre à ce compte.',
  'admin.done.mfaReset':
    'La MFA est réinitialisée : le client la configurera de nouveau à sa prochaine connexion.',
  'admin.done.signedOut': 'Toutes les sessions de ce compte ont pris fin.',
  'admin.user.removeMethod': 'Retirer cette méthode',
  'admin.done.methodRemoved':
    'La méthode est retirée. Si c’était la dernière, le client en configurera une à sa prochaine connexion.',
  'admin.editUser.link': 'Modifier le nom et le courriel',
  'admin.editUser.title': 'Modifier le compte',
  'admin.editUser.intro':
    'Le nom et l’adresse courriel de {username}. Une nouvelle adresse reçoit un lien de vérification, et l’ancienne, si elle était vérifiée, est avertie du changement.',
  'admin.editUser.email': 'Courriel (facultatif)',
  'admin.editUser.submit': 'Enregistrer',
  'admin.editUser.nameRequired': 'Le nom ne peut pas être vide.',
  'admin.editUser.taken': 'Un autre compte se connecte déjà avec cette adresse.',
  'admin.done.profileSaved': 'Les modifications sont enregistrées.',
  'admin.done.emailChanged':
    'Les modifications sont enregistrées. Un lien a été envoyé à la nouvelle adresse : pour la vérifier, ou l’invitation si le client n’a pas encore choisi son mot de passe.',
  // Client applications (admin/applications-*.tsx): the OIDC applications that sign in through Sesame.
  'admin.nav.applications': 'Applications',
  'admin.apps.title': 'Applications',
  'admin.apps.intro':
    'Les applications OpenID Connect qui connectent leurs utilisateurs par Sesame. Celles de la configuration du serveur ne se modifient pas ici.',
  'admin.apps.new': 'Nouvelle application',
  'admin.apps.newIntro':
    'L’application recevra un identifiant et un secret (affiché une seule fois). Elle se connecte par le flux « authorization code » avec PKCE, et s’authentifie à Sesame avec son secret (client_secret_basic).',
  'admin.apps.name': 'Nom',
  'admin.apps.clientId': 'Identifiant (client_id)',
  'admin.apps.acr': 'Niveau exigé',
  'admin.apps.fromConfig': 'Configuration (lecture seule)',
  'admin.apps.none': 'Aucune application n’a encore été enregistrée ici.',
  'admin.apps.acrTwoFactors': 'Deux facteurs, toujours :',
  'admin.apps.acrAsAsked': 'Selon la demande de l’application, au moins',
  'admin.apps.back': 'Retour aux applications',
  'admin.apps.createdAt': 'Enregistrée le',
  'admin.apps.secretChanged': 'Secret émis le',
  'admin.apps.redirectUris': 'Adresses de retour (redirect_uri), une par ligne',
  'admin.apps.urisHint':
    'Adresses complètes en https (http seulement pour localhost ou 127.0.0.1), sans fragment (#). Elles doivent correspondre exactement à celles qu’envoie l’application.',
  'admin.apps.postLogoutUris':
    'Adresses après déconnexion (post_logout_redirect_uri), une par ligne, facultatives',
  'admin.apps.twoFactors': 'Exiger deux facteurs à chaque connexion (acr urn:sesame:loa:2fa)',
  'admin.apps.save': 'Enregistrer',
  'admin.apps.create': 'Enregistrer l’application',
  'admin.apps.secret': 'Secret (client_secret)',
  'admin.apps.rotateIntro':
    'Un nouveau secret est émis et affiché une seule fois ; l’ancien cesse aussitôt de fonctionner.',
  'admin.apps.rotate': 'Renouveler le secret',
  'admin.apps.remove': 'Supprimer l’application',
  'admin.apps.removeIntro':
    'L’application ne pourra plus connecter personne, et ses jetons seront refusés. Ce n’est pas réversible.',
  'admin.apps.created': 'Application enregistrée',
  'admin.apps.rotated': 'Nouveau secret émis',
  'admin.apps.secretIntro': 'Pour l’application « {name} » :',
  'admin.apps.shownOnce':
    'Ce secret n’est affiché qu’une fois : copiez-le maintenant dans la configuration de l’application.',
  'admin.apps.toApplication': 'Voir l’application',
  'admin.apps.done.saved':
    'L’application est enregistrée : ses nouveaux réglages valent dès la prochaine connexion.',
  'admin.apps.done.removed': 'L’application est supprimée.',
  'admin.apps.problem.name': 'Donnez un nom à l’application.',
  'admin.apps.problem.none': 'Donnez au moins une adresse de retour.',
  'admin.apps.problem.not_absolute':
    'Cette adresse n’est pas une adresse complète (https://…) : {uri}',
  'admin.apps.problem.not_https':
    'Seules les adresses https sont acceptées (http seulement pour localhost ou 127.0.0.1) : {uri}',
  'admin.apps.problem.fragment':
    'Une adresse de retour ne peut pas contenir de fragment (#) : {uri}',
  'admin.apps.problem.credentials':
    'Une adresse de retour ne peut pas contenir de nom d’utilisateur ni de mot de passe : {uri}',
  'admin.apps.problem.too_many': 'Dix adresses au plus : {uri}',
  // Clés de signature (ADR 0014) : la page « Clés de signature » de la console.
  'admin.nav.keys': 'Clés de signature',
  'admin.keys.title': 'Clés de signature',
  'admin.keys.intro':
    'Les clés qui signent les jetons d’identité, telles que les applications les voient dans le JWKS. Une nouvelle clé est publiée {minutes} min avant de signer, pour que les applications qui gardent le jeu de clés en cache la connaissent d’abord; la clé qu’elle remplace reste publiée jusqu’à l’expiration des jetons qu’elle a signés.',
  'admin.keys.kid': 'Identifiant (kid)',
  'admin.keys.alg': 'Algorithme',
  'admin.keys.state': 'État',
  'admin.keys.created': 'Créée',
  'admin.keys.signsFrom': 'Signe à partir du',
  'admin.keys.signsUntil': 'Signe jusqu’au',
  'admin.keys.publishedUntil': 'Publiée jusqu’au',
  'admin.keys.state.next': 'Prochaine (publiée, ne signe pas encore)',
  'admin.keys.state.current': 'Actuelle (signe)',
  'admin.keys.state.retired': 'Retirée (publiée pour ses jetons)',
  'admin.keys.rotate': 'Renouveler la clé',
  'admin.keys.rotateHelp':
    'Crée une nouvelle clé : publiée dès maintenant, elle signe dans {minutes} min; la clé actuelle cesse alors de signer.',
  'admin.keys.rotated': 'Une nouvelle clé est publiée : {kid}. Elle signe à partir du {when}.',
  'admin.keys.pending':
    'Une clé attend déjà de signer ({kid}) : renouvelez de nouveau une fois qu’elle signe.',
  // The organization's branding (issue 9, "the organization"): console page, pages, errors.
  'branding.supportIntro': 'Contactez le support :',
  'branding.supportEmail': 'Courriel',
  'branding.supportPhone': 'Téléphone',
  'branding.supportWeb': 'Site d’aide',
  'branding.logoAlt': 'Logo de {name}',
  'branding.organizationLogo': 'Logo de l’organisation',
  'errors.brandingName':
    'Le nom de l’organisation doit tenir sur une ligne, en 80 caractères au plus.',
  'errors.brandingLogoType':
    'Ce fichier n’est pas une image PNG, JPEG ou WebP. Les SVG et les autres fichiers sont refusés.',
  'errors.brandingLogoTooLarge': 'Ce logo est trop lourd : 256 Kio au plus.',
  'errors.brandingColour': 'La couleur doit s’écrire #rrggbb (par exemple #0b5cad).',
  'errors.brandingContrast':
    'Cette couleur est trop claire : du texte blanc sur elle, ou elle sur du blanc, serait difficile à lire (contraste de 4,5:1 au moins, WCAG AA). Choisissez une couleur plus foncée.',
  'errors.brandingSupportEmail': 'L’adresse courriel du support n’est pas valide.',
  'errors.brandingSupportPhone':
    'Le numéro de téléphone du support n’est pas valide (chiffres, espaces, tirets, un + au début).',
  'errors.brandingSupportUrl': 'L’adresse web du support doit commencer par https:// (ou http://).',
  'admin.nav.organization': 'Organisation',
  'admin.org.title': 'Organisation',
  'admin.org.intro':
    'Le nom, le logo et la couleur de votre organisation, montrés sur les pages de connexion et dans Sesame Verify, et le contact du support, montré au client bloqué (compte verrouillé, téléphone perdu).',
  'admin.org.nameSection': 'Nom',
  'admin.org.name': 'Nom de l’organisation',
  'admin.org.nameHelp': 'Laissez vide pour ne montrer que « Sesame ».',
  'admin.org.logoSection': 'Logo',
  'admin.org.logo': 'Fichier du logo',
  'admin.org.logoHelp': 'PNG, JPEG ou WebP, 256 Kio au plus. Pas de SVG.',
  'admin.org.logoCurrent': 'Logo actuel',
  'admin.org.noLogo': 'Aucun logo.',
  'admin.org.logoUpload': 'Téléverser le logo',
  'admin.org.logoRemove': 'Retirer le logo',
  'admin.org.colourSection': 'Couleur d’accent',
  'admin.org.colour': 'Couleur (#rrggbb)',
  'admin.org.colourHelp':
    'Boutons, liens et filet de l’en-tête. Une couleur trop claire pour du texte blanc (contraste sous 4,5:1) est refusée.',
  'admin.org.colourDefault': 'Couleur par défaut',
  'admin.org.colourIsDefault': 'Couleur par défaut de Sesame.',
  'admin.org.supportSection': 'Contact du support',
  'admin.org.supportHelp':
    'Montré sous « Contactez le support : » quand la connexion échoue, à la deuxième étape et pendant l’inscription. Chaque champ est facultatif.',
  'admin.org.supportEmail': 'Courriel du support',
  'admin.org.supportPhone': 'Téléphone du support',
  'admin.org.supportUrl': 'Page web du support',
  'admin.org.save': 'Enregistrer',
  'admin.org.preview': 'Aperçu',
  'admin.org.done.name': 'Le nom de l’organisation est enregistré.',
  'admin.org.done.logo': 'Le logo est enregistré.',
  'admin.org.done.logoRemoved': 'Le logo est retiré.',
  'admin.org.done.accent': 'La couleur d’accent est enregistrée.',
  'admin.org.done.support': 'Le contact du support est enregistré.',
  // Account lifecycle (issue 9): deletion, invitations, self-registration.
  'admin.delete.button': 'Supprimer le compte…',
  'admin.delete.title': 'Supprimer le compte',
  'admin.delete.intro':
    'Le compte {username} sera supprimé avec ses méthodes de vérification, ses appareils, ses navigateurs mémorisés et ses sessions. Le journal d’audit garde ses événements, sous un pseudonyme, sans adresse IP ni navigateur.',
  'admin.delete.irreversible': 'Cette suppression est définitive.',
  'admin.delete.confirm': 'Supprimer définitivement {username}',
  'admin.delete.notSelf': 'Vous ne pouvez pas supprimer votre propre compte depuis la console.',
  'admin.delete.done': 'Compte supprimé',
  'admin.delete.doneIntro': 'Le compte {username} est supprimé.',
  'invitation.title': 'Choisir votre mot de passe',
  'invitation.intro':
    'Vous êtes invité à utiliser le compte {username}. Choisissez son mot de passe ; à votre première connexion, vous configurerez une méthode de vérification.',
  'invitation.submit': 'Enregistrer le mot de passe',
  'invitation.doneTitle': 'Mot de passe enregistré',
  'invitation.done':
    'Votre mot de passe est enregistré et votre adresse courriel confirmée. Connectez-vous pour configurer votre méthode de vérification.',
  'invitation.invalidTitle': 'Invitation non valide',
  'invitation.accepted':
    'Cette invitation a déjà servi : votre mot de passe est choisi. Connectez-vous avec lui.',
  'invitation.replaced':
    'Cette invitation a été remplacée par une plus récente : utilisez le lien du dernier courriel reçu.',
  'invitation.expired':
    'Cette invitation a expiré (elle vaut 7 jours). Demandez-en une nouvelle à votre administrateur.',
  'invitation.unknown': 'Ce lien d’invitation n’est pas valide. Vérifiez qu’il est complet.',
  'admin.invite.how': 'Mot de passe',
  'admin.invite.password': 'Générer un mot de passe à communiquer au client',
  'admin.invite.invite':
    'Inviter par courriel : le client choisit son mot de passe avec un lien valable 7 jours',
  'admin.invite.emailRequired': 'Une invitation part à une adresse courriel : indiquez-la.',
  'admin.invite.sent': 'Une invitation a été envoyée à {email} ; son lien vaut 7 jours.',
  'admin.invite.pendingLabel': 'Invitation',
  'admin.invite.pending': 'En attente : le client n’a pas encore choisi son mot de passe.',
  'admin.invite.resend': 'Renvoyer l’invitation',
  'admin.done.invitationSent':
    'Une nouvelle invitation est envoyée ; le lien précédent ne vaut plus.',
  'register.link': 'Créer un compte',
  'register.title': 'Créer un compte',
  'register.intro':
    'Choisissez votre nom d’utilisateur et votre mot de passe. Un lien vous sera envoyé pour confirmer votre adresse courriel : vous pourrez vous connecter une fois l’adresse confirmée.',
  'register.email': 'Courriel',
  'register.name': 'Nom (facultatif)',
  'register.submit': 'Créer mon compte',
  'register.sentTitle': 'Vérifiez votre courriel',
  'register.sent':
    'Si ces informations permettent de créer le compte, un lien de confirmation vient de partir à l’adresse indiquée. Ouvrez-le pour terminer ; sans courriel d’ici quelques minutes, vérifiez vos indésirables.',
  'register.verifyFirst':
    'Confirmez d’abord votre adresse courriel : nous venons de vous envoyer un nouveau lien. Ouvrez-le, puis connectez-vous.',
  // Groups and the MFA policy (policy helper).
  'enroll.grace.oneDay': 'La configuration sera obligatoire dans 1 jour.',
  'enroll.grace.days': 'La configuration sera obligatoire dans {days} jours.',
  'enroll.later': 'Plus tard',
  'enroll.requiredMethods': 'Votre organisation exige la méthode suivante :',
  'errors.methodNotAllowed': 'Votre organisation n’autorise pas cette méthode.',
  'errors.cannotDefer':
    'La configuration de la MFA ne peut plus être remise à plus tard : configurez une méthode pour continuer.',
  'errors.groupNameTaken': 'Un groupe porte déjà ce nom.',
  'admin.nav.groups': 'Groupes',
  'admin.nav.policy': 'Politique MFA',
  'admin.groups.title': 'Groupes',
  'admin.groups.intro':
    'Un groupe réunit des comptes ; la politique MFA peut l’exiger de ses membres. Seuls les administrateurs gèrent les groupes.',
  'admin.groups.name': 'Nom',
  'admin.groups.description': 'Description',
  'admin.groups.members': 'Membres',
  'admin.groups.mfa': 'MFA exigée',
  'admin.groups.new': 'Nouveau groupe',
  'admin.groups.create': 'Créer le groupe',
  'admin.groups.none': 'Aucun groupe pour l’instant.',
  'admin.groups.save': 'Enregistrer',
  'admin.groups.delete': 'Supprimer le groupe',
  'admin.groups.deleteHelp': 'Les comptes de ses membres ne sont pas supprimés.',
  'admin.groups.addMember': 'Ajouter un membre',
  'admin.groups.username': 'Nom d’utilisateur',
  'admin.groups.add': 'Ajouter',
  'admin.groups.remove': 'Retirer',
  'admin.groups.noMembers': 'Ce groupe n’a aucun membre.',
  'admin.groups.back': 'Retour aux groupes',
  'admin.policy.title': 'Politique MFA',
  'admin.policy.intro':
    'Pour qui la MFA est exigée, quelles méthodes sont permises, et combien de jours chacun a pour la configurer. Le réglage « MFA obligatoire » propre à un compte s’y ajoute.',
  'admin.policy.appliesTo': 'MFA exigée',
  'admin.policy.everyone': 'Pour tout le monde',
  'admin.policy.groups': 'Pour les membres des groupes choisis',
  'admin.policy.nobody': 'Pour personne',
  'admin.policy.chosenGroups': 'Groupes choisis',
  'admin.policy.noGroups': 'Aucun groupe : créez-en un dans « Groupes ».',
  'admin.policy.methods': 'Méthodes',
  'admin.policy.rule.required': 'Obligatoire',
  'admin.policy.rule.optional': 'Facultative',
  'admin.policy.rule.not_allowed': 'Non autorisée',
  'admin.policy.notAllowedHelp':
    'Une méthode non autorisée n’est plus proposée ni acceptée à la connexion, même déjà configurée.',
  'admin.policy.graceDays': 'Délai avant que la configuration soit obligatoire (jours)',
  'admin.policy.graceHelp':
    '0 : la configuration est demandée dès la prochaine connexion. Sinon, « Plus tard » est proposé jusqu’à la fin du délai, compté depuis la première connexion où la MFA est exigée.',
  'admin.policy.save': 'Enregistrer la politique',
  'admin.policy.saved': 'La politique MFA est enregistrée.',
  'admin.groups.done.saved': 'Le groupe est enregistré.',
  'admin.groups.done.added': 'Le compte est ajouté au groupe.',
  'admin.groups.done.already': 'Ce compte est déjà membre du groupe.',
  'admin.groups.done.removed': 'Le compte est retiré du groupe.',
  'admin.groups.done.unknownUser': 'Aucun compte ne porte ce nom d’utilisateur.',
} as const satisfies Catalogue;
