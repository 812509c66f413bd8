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
  /** The dashboard's security card: the ID token's amr says whether a second factor was used. */
  usedMfa: string;
  usedPasswordOnly: RegExp;
  // Enrollment (the guide's steps 3, 4, 6, 9) and the second step of later sign-ins.
  enrollTitle: string;
  enrollFewMinutes: string;
  choose: string;
  /** Accessible name of a method's « Choisir » link (its text is only « Choisir »). */
  chooseMethod: (method: string) => string;
  sesameVerify: string;
  otherApp: string;
  deviceTitle: string;
  iphone: string;
  android: string;
  next: string;
  qrTitle: string;
  qrWaiting: string;
  qrAlt: string;
  cantScan: string;
  orgAddress: string;
  activationCode: string;
  openOnThisDevice: string;
  getApp: string;
  otherAppTitle: string;
  otherAppQrAlt: string;
  secretKey: string;
  totpCode: string;
  verify: string;
  configTitle: string;
  configEnrolledNotice: (method: string) => string;
  /** How the configuration page names a Sesame Verify device. */
  methodOnDevice: (method: string, device: string) => string;
  finish: string;
  secondFactorTitle: string;
  verificationCode: string;
  sendPush: string;
  useCodeInstead: string;
  codeRefused: RegExp;
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
    usedMfa: "Votre connexion a utilisé l'authentification multifacteur.",
    usedPasswordOnly: /^Cette connexion n'a utilisé que votre mot de passe\./,
    enrollTitle: "Configurer l'authentification multifacteur",
    enrollFewMinutes: "L'activation ne prend que quelques minutes.",
    choose: 'Choisir',
    chooseMethod: (method) => `Choisir ${method}`,
    sesameVerify: 'Sesame Verify',
    otherApp: "Autre application d'authentification",
    deviceTitle: 'Configurer Sesame Verify',
    iphone: 'iPhone',
    android: 'Android',
    next: 'Suivant',
    qrTitle: 'Numérisez le code QR',
    qrWaiting: 'En attente de votre appareil…',
    qrAlt: 'Code QR à numériser avec Sesame Verify',
    cantScan: 'Impossible de numériser ?',
    orgAddress: "Adresse de l'organisation",
    activationCode: "Code d'activation",
    openOnThisDevice: 'Ouvrir Sesame Verify sur cet appareil',
    getApp: "Vous n'avez pas encore Sesame Verify ?",
    otherAppTitle: "Configurer une application d'authentification",
    otherAppQrAlt: "Code QR pour ajouter votre compte à une application d'authentification",
    secretKey: 'Clé secrète',
    totpCode: 'Code à 6 chiffres',
    verify: 'Vérifier',
    configTitle: 'Vos méthodes de vérification',
    configEnrolledNotice: (method) => `Méthode activée : ${method}.`,
    methodOnDevice: (method, device) => `${method} sur ${device}`,
    finish: 'Terminer',
    secondFactorTitle: 'Confirmez votre identité',
    verificationCode: 'Code de vérification',
    sendPush: 'Envoyer une notification push',
    useCodeInstead: 'Saisir un code à la place',
    codeRefused: /^Ce code n'est pas valide ou a déjà été utilisé\./,
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
    usedMfa: 'Your sign-in used multi-factor authentication.',
    usedPasswordOnly: /^This sign-in used your password only\./,
    enrollTitle: 'Set up multi-factor authentication',
    enrollFewMinutes: 'Activation only takes a few minutes.',
    choose: 'Choose',
    chooseMethod: (method) => `Choose ${method}`,
    sesameVerify: 'Sesame Verify',
    otherApp: 'Other authenticator app',
    deviceTitle: 'Set up Sesame Verify',
    iphone: 'iPhone',
    android: 'Android',
    next: 'Next',
    qrTitle: 'Scan the QR code',
    qrWaiting: 'Waiting for your device…',
    qrAlt: 'QR code to scan with Sesame Verify',
    cantScan: 'Can’t scan?',
    orgAddress: 'Organization address',
    activationCode: 'Activation code',
    openOnThisDevice: 'Open Sesame Verify on this device',
    getApp: 'Don’t have Sesame Verify yet?',
    otherAppTitle: 'Set up an authenticator app',
    otherAppQrAlt: 'QR code to add your account to an authenticator app',
    secretKey: 'Secret key',
    totpCode: '6-digit code',
    verify: 'Verify',
    configTitle: 'Your verification methods',
    configEnrolledNotice: (method) => `Method activated: ${method}.`,
    methodOnDevice: (method, device) => `${method} on ${device}`,
    finish: 'Finish',
    secondFactorTitle: 'Verify it’s you',
    verificationCode: 'Verification code',
    sendPush: 'Send a push notification',
    useCodeInstead: 'Enter a code instead',
    codeRefused: /^This code is not valid or has already been used\./,
  },
};

/** Sesame Verify's labels on the phone (French: the guide's steps 5 to 8). */
export const verifyLabels = {
  locale: 'fr-CA',
  addAccount: 'Ajouter un compte',
  accountTypeTitle: 'Choisissez le type de compte',
  organization: 'Organisation',
  addOrganizationTitle: "Ajouter un compte d'organisation",
  newDevice: 'Ajouter un compte depuis un nouvel appareil',
  scanTitle: 'Scanner un code QR',
  scan: 'Scanner un code QR',
  enterManually: 'Saisir le code manuellement',
  manualOrgAddress: "Adresse de l'organisation",
  manualUsername: "Nom d'utilisateur",
  manualCode: "Code d'activation",
  confirmTitle: 'Ajouter ce compte ?',
  next: 'Suivant',
  deviceNameTitle: 'Nommer cet appareil',
  deviceName: "Nom de l'appareil",
  done: 'Terminé',
  notificationsLater: 'Plus tard',
  pushNumber: 'Saisissez le nombre affiché sur votre ordinateur',
  approve: 'Approuver',
  deny: "Ce n'était pas moi",
  approved: /^Approuvé\./,
  operationTitle: 'Approuver une opération',
  operationNumber: 'Saisissez le nombre affiché par Espace client',
  added: /^Compte ajouté\. Votre code à 6 chiffres apparaît ci-dessous\./,
} as const;
