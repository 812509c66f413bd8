/** Catalogue français de Sesame Verify : la copie de référence, avec les libellés du guide (fr-CA). */
import type { Catalogue } from './en.ts';

export const fr = {
  'app.name': 'Sesame Verify',
  'app.back': 'Retour',
  'app.cancel': 'Annuler',
  'app.settings': 'Paramètres',
  'app.next': 'Suivant',
  'app.busy': 'Veuillez patienter…',

  'accounts.title': 'Comptes',
  'accounts.emptyTitle': "Aucun compte pour l'instant",
  'accounts.emptyText':
    'Ajoutez le compte de votre organisation pour obtenir des codes de vérification, même sans connexion.',
  'accounts.add': 'Ajouter un compte',
  'accounts.added':
    "Compte ajouté. Votre code à 6 chiffres apparaît ci-dessous. Vous n'avez pas besoin de le saisir sur votre ordinateur : sa page continuera d'elle-même.",
  'accounts.removed': 'Compte supprimé.',
  'accounts.options': 'Options du compte {account}',
  'accounts.codeLabel': 'Code de {account} : {code}. Touchez pour copier.',
  'accounts.secondsLeft': '{seconds} s',
  'accounts.secondsLeftLong': 'Nouveau code dans {seconds} secondes',
  'accounts.copied': 'Code copié',
  'accounts.copyFailed': 'Impossible de copier le code',
  'accounts.loadFailed': 'Impossible de lire vos comptes sur cet appareil.',

  'type.title': 'Choisissez le type de compte',
  'type.organization': 'Organisation',
  'type.organizationHelp': 'Compte professionnel, scolaire ou Espace client protégé par Sesame',
  'type.other': 'Autre',
  'type.otherHelp':
    "Codes d'autres services (Google, GitHub, Facebook…), conservés sur ce téléphone seulement",

  'organization.title': "Ajouter un compte d'organisation",
  'organization.text':
    "Vous configurez Sesame Verify sur ce téléphone pour votre compte ? Sur votre ordinateur, connectez-vous à l'Espace client : un code QR s'affiche.",
  'organization.newDevice': 'Ajouter un compte depuis un nouvel appareil',

  'scan.title': 'Scanner un code QR',
  'scan.text':
    "Numérisez avec ce téléphone le code QR affiché sur l'écran de votre ordinateur. Gardez cette page ouverte.",
  'scan.start': 'Scanner un code QR',
  'scan.manual': 'Saisir le code manuellement',
  'scan.viewfinder': 'Viseur de la caméra',
  'scan.hint': 'Placez le code QR dans le cadre.',
  'scan.starting': 'Démarrage de la caméra…',
  'scan.notActivation': "Ce code QR n'est pas un code d'activation Sesame Verify.",
  'scan.otherOrganization':
    'Ce code QR appartient à une autre organisation ({org}). Ouvrez-le avec la Sesame Verify de cette organisation.',
  'scan.openOther': 'Ouvrir {org}',
  'scan.cameraDenied':
    "L'accès à la caméra a été refusé. Autorisez la caméra pour ce site dans les réglages de votre navigateur, ou saisissez le code manuellement.",
  'scan.cameraMissing':
    "Aucune caméra n'est disponible sur cet appareil (ou la page n'est pas servie en HTTPS). Saisissez le code manuellement.",
  'scan.cameraFailed': 'Impossible de démarrer la caméra. Saisissez le code manuellement.',

  'manual.title': 'Saisir le code manuellement',
  'manual.text':
    "Sur votre ordinateur, cliquez sur « Impossible de numériser ? » : l'adresse de l'organisation et un code d'activation s'affichent.",
  'manual.issuer': "Adresse de l'organisation",
  'manual.issuerHelp': 'Par exemple, https://id.exemple.com',
  'manual.username': "Nom d'utilisateur",
  'manual.code': "Code d'activation",
  'manual.codeHelp': 'Les 8 caractères affichés sur votre ordinateur, par exemple ABCD-2345.',
  'manual.required': 'Remplissez ce champ.',
  'manual.badIssuer': 'Saisissez une adresse https://, comme affichée sur votre ordinateur.',
  'manual.otherOrganization':
    "Cette application ne peut ajouter que des comptes de {org}. Ouvrez Sesame Verify depuis l'adresse de votre organisation.",

  'confirm.title': 'Ajouter ce compte ?',
  'confirm.text': "Vous ajoutez un compte de l'organisation :",
  'confirm.check':
    "Vérifiez qu'il s'agit bien de l'adresse de votre organisation avant de continuer.",

  'device.title': 'Nommer cet appareil',
  'device.name': "Nom de l'appareil",
  'device.help':
    'Ce nom vous aide à reconnaître ce téléphone dans vos paramètres de sécurité. Il est transmis à votre organisation.',
  'device.done': 'Terminé',
  'device.activating': 'Activation en cours…',
  'device.nameRequired': 'Saisissez un nom pour cet appareil.',
  'device.fallbackName': 'Mon téléphone',
  'device.rescan': 'Scanner de nouveau',

  'account.organization': 'Organisation',
  'account.displayName': 'Nom',
  'account.username': "Nom d'utilisateur",
  'account.device': 'Cet appareil',
  'account.created': 'Ajouté le',
  'account.rename': 'Renommer',
  'account.renameLabel': 'Nom du compte',
  'account.renameHelp': "Laissez vide pour afficher l'adresse de l'organisation.",
  'account.save': 'Enregistrer',
  'account.remove': 'Supprimer le compte',
  'account.removeQuestion': 'Supprimer ce compte de Sesame Verify ?',
  'account.removeText':
    "Ce téléphone ne donnera plus de codes pour {org}, et votre organisation l'oubliera. Pour vous connecter, il vous faudra une autre méthode.",
  'account.removeConfirm': 'Supprimer',
  'account.removing': 'Suppression…',
  'account.removeOffline':
    "Impossible de joindre {org}. Supprimer le compte de ce téléphone seulement ? L'appareil restera dans vos paramètres de sécurité, où vous pourrez le retirer plus tard.",
  'account.removeLocally': 'Supprimer de ce téléphone seulement',

  'settings.title': 'Paramètres',
  'settings.language': 'Langue',
  'settings.about': 'À propos',
  'settings.aboutText':
    'Sesame Verify donne les codes de vos comptes Sesame. Les codes fonctionnent aussi hors ligne. Les clés de cet appareil ne le quittent jamais.',

  'errors.activation.invalid':
    "Ce code d'activation n'est plus valide : il est erroné, expiré ou déjà utilisé. Sur votre ordinateur, cliquez sur « Actualiser le code », puis scannez le nouveau code.",
  'errors.link.invalid': "Ce lien n'est pas un lien d'activation Sesame Verify.",
  'errors.rate_limited': 'Trop de tentatives. Attendez quelques minutes, puis réessayez.',
  'errors.network':
    'Impossible de joindre {org}. Vérifiez votre connexion Internet, puis réessayez.',
  'errors.server': "{org} n'a pas pu traiter la demande. Réessayez dans quelques minutes.",
  'errors.unexpected': 'Une erreur est survenue. Réessayez.',
  'errors.device.unauthorized':
    '{org} ne reconnaît plus ce téléphone (il a été retiré de vos paramètres de sécurité). Ajoutez le compte de nouveau.',
  'errors.push.not_found': "Cette demande n'existe plus.",
  'errors.push.expired': 'Cette demande a expiré. Connectez-vous de nouveau sur votre ordinateur.',
  'errors.push.already_answered': 'Cette demande a déjà reçu une réponse.',
  'errors.push.wrong_number':
    "Le nombre ne correspond pas à celui de votre ordinateur : cette connexion a été refusée. Si c'était vous, connectez-vous de nouveau sur votre ordinateur.",

  'push.title': 'Demande de connexion',
  'push.question': 'Essayez-vous de vous connecter ?',
  'push.application': 'Application',
  'push.browser': 'Navigateur',
  'push.system': 'Système',
  'push.ip': 'Adresse IP',
  'push.place': 'Lieu',
  'push.time': 'Heure',
  'push.unknown': 'Inconnu',
  'push.expiresIn': 'Expire dans {seconds} s',
  'push.typeNumber': 'Saisissez le nombre affiché sur votre ordinateur',
  'push.typeNumberHelp': '{digits} chiffres',
  'push.pickNumber': 'Touchez le nombre affiché sur votre ordinateur',
  'push.numberRequired': 'Saisissez le nombre affiché sur votre ordinateur pour approuver.',
  'push.approve': 'Approuver',
  'push.deny': "Ce n'était pas moi",
  'push.approved': 'Approuvé. Votre ordinateur continue de lui-même.',
  'push.denied':
    "Refusé. Cette connexion a été arrêtée et signalée. Si ce n'était pas vous, changez votre mot de passe.",
  'push.pendingTitle': 'Demandes en attente',
  'push.pendingItem': '{application}, {time}',
  'push.notificationTitle': 'Demande de connexion',
  'push.notificationBody': 'Ouvrez Sesame Verify pour approuver la connexion à {application}.',
  'push.notificationOperationTitle': 'Opération à approuver',
  'push.notificationOperationBody':
    'Ouvrez Sesame Verify pour approuver l’opération demandée par {application}.',
  // Une opération qu'une application demande d'approuver (le binding message de CIBA, issue 7 §3).
  'push.operationTitle': 'Approuver une opération',
  'push.operationAsked': 'Demande de {application} : {message}',
  'push.operationQuestion':
    "Est-ce bien vous ? N'approuvez qu'une opération que vous avez demandée.",
  'push.operationTypeNumber': 'Saisissez le nombre affiché par {application}',
  'push.operationApproved': "Approuvé. L'opération se poursuit dans {application}.",

  'notify.title': 'Recevoir les demandes de connexion',
  'notify.text':
    'Autorisez les notifications : Sesame Verify vous préviendra quand vous vous connectez sur un ordinateur. Vous approuverez avec le nombre affiché à son écran.',
  'notify.ios':
    "Sur iPhone, les notifications demandent iOS 16.4 ou plus récent, et Sesame Verify ajoutée à l'écran d'accueil (Safari, Partager, « Sur l'écran d'accueil »), ouverte depuis son icône.",
  'notify.allow': 'Autoriser les notifications',
  'notify.later': 'Plus tard',
  'notify.denied':
    "Les notifications sont bloquées pour cette application. Les demandes s'affichent quand même à l'ouverture de Sesame Verify.",
  'notify.unsupported':
    "Ce navigateur ne peut pas afficher de notifications pour Sesame Verify. Les demandes s'affichent à l'ouverture de l'application.",
  'notify.on': 'Les notifications sont activées.',

  // « Autre » : les codes d'autres services (otpauth://), sur ce téléphone seulement.
  'other.title': 'Ajouter un autre compte',
  'other.text':
    "Le service (Google, GitHub, votre banque…) affiche un code QR ou une clé quand vous activez l'authentification à deux facteurs avec une application.",
  'other.scan': 'Scanner un code QR',
  'other.typeKey': 'Saisir la clé',
  'other.private':
    "Ce compte reste sur ce téléphone : sa clé y est chiffrée et n'est envoyée nulle part. Ses codes fonctionnent sans connexion.",
  'other.confirmTitle': 'Ajouter ce compte ?',
  'other.add': 'Ajouter le compte',
  'other.added':
    'Compte ajouté. Saisissez le code affiché ci-dessous sur le site du service pour terminer son activation.',
  'other.issuer': 'Service',
  'other.issuerHelp': 'Par exemple, GitHub',
  'other.accountName': 'Compte',
  'other.nameRequired': 'Indiquez le service ou le compte.',
  'other.secret': 'Clé',
  'other.secretHelp':
    'La clé affichée par le service sous son code QR, par exemple JBSW Y3DP EHPK 3PXP.',
  'other.manualTitle': 'Saisir la clé',
  'other.manualText':
    "Sur le site du service, choisissez « Impossible de numériser ? » ou « Saisir une clé » : la clé du compte s'affiche.",
  'other.advanced': 'Options avancées',
  'other.advancedHelp':
    "Ne les changez que si le service l'indique. Par défaut : SHA-1, 6 chiffres, 30 secondes.",
  'other.algorithm': 'Algorithme',
  'other.digits': 'Nombre de chiffres',
  'other.period': 'Durée de chaque code',
  'other.periodValue': '{seconds} secondes',
  'other.codeKind': 'Codes',
  'other.codeKindValue': '{digits} chiffres, toutes les {period} s ({algorithm})',
  'other.removeText':
    "Ce téléphone ne donnera plus les codes de {service}. Avant de le supprimer, désactivez l'authentification à deux facteurs sur le site de {service} ou activez-y une autre méthode, sinon vous risquez de perdre l'accès à ce compte.",
  'errors.otpauth.invalid': "Ce code QR n'est pas un code d'authentification (otpauth://totp).",
  'errors.otpauth.hotp':
    "Ce code QR est pour des codes à compteur (HOTP), que Sesame Verify n'offre pas. Demandez au service un code basé sur le temps (TOTP).",
  'errors.otpauth.secret_missing': 'Ce code QR ne contient pas de clé.',
  'errors.otpauth.secret_invalid':
    "Cette clé n'est pas valide : elle ne contient que des lettres A à Z et des chiffres 2 à 7, au moins 16 caractères.",
  'errors.otpauth.algorithm':
    "Ce code QR utilise un algorithme que Sesame Verify n'offre pas (seulement SHA-1, SHA-256 et SHA-512).",
  'errors.otpauth.digits':
    "Ce code QR demande des codes que Sesame Verify n'offre pas (seulement 6 ou 8 chiffres).",
  'errors.otpauth.period':
    "Ce code QR demande une durée que Sesame Verify n'offre pas (seulement 30 ou 60 secondes).",
} as const satisfies Catalogue;
