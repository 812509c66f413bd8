/** English catalogue of Sesame Verify. The French one (the reference copy) must have every key. */
export const en = {
  'app.name': 'Sesame Verify',
  'app.back': 'Back',
  'app.cancel': 'Cancel',
  'app.settings': 'Settings',
  'app.next': 'Next',
  'app.busy': 'Please wait…',

  'accounts.title': 'Accounts',
  'accounts.emptyTitle': 'No account yet',
  'accounts.emptyText':
    'Add your organization’s account to get verification codes, even without a connection.',
  'accounts.add': 'Add an account',
  'accounts.added':
    'Account added. Your 6-digit code appears below. You do not need to type it on your computer: its page moves on by itself.',
  'accounts.removed': 'Account removed.',
  'accounts.options': 'Options for {account}',
  'accounts.codeLabel': 'Code for {account}: {code}. Tap to copy.',
  'accounts.secondsLeft': '{seconds} s',
  'accounts.secondsLeftLong': 'New code in {seconds} seconds',
  'accounts.copied': 'Code copied',
  'accounts.copyFailed': 'Could not copy the code',
  'accounts.loadFailed': 'Your accounts could not be read on this device.',

  'type.title': 'Choose the account type',
  'type.organization': 'Organization',
  'type.organizationHelp':
    'Work, school or client portal (Espace client) account protected by Sesame',
  'type.other': 'Other',
  'type.otherHelp': 'Codes of other services (Google, GitHub, Facebook…), kept on this phone only',

  'organization.title': 'Add an organization account',
  'organization.text':
    'Are you setting up Sesame Verify on this phone for your account? On your computer, sign in to the client portal: a QR code appears.',
  'organization.newDevice': 'Add an account from a new device',

  'scan.title': 'Scan a QR code',
  'scan.text':
    'Scan the QR code shown on your computer’s screen with this phone. Keep that page open.',
  'scan.start': 'Scan a QR code',
  'scan.manual': 'Enter the code manually',
  'scan.viewfinder': 'Camera viewfinder',
  'scan.hint': 'Place the QR code inside the frame.',
  'scan.starting': 'Starting the camera…',
  'scan.notActivation': 'This QR code is not a Sesame Verify activation code.',
  'scan.otherOrganization':
    'This QR code belongs to another organization ({org}). Open it with that organization’s Sesame Verify.',
  'scan.openOther': 'Open {org}',
  'scan.cameraDenied':
    'Camera access was denied. Allow the camera for this site in your browser settings, or enter the code manually.',
  'scan.cameraMissing':
    'No camera is available on this device (or the page is not served over HTTPS). Enter the code manually.',
  'scan.cameraFailed': 'The camera could not be started. Enter the code manually.',

  'manual.title': 'Enter the code manually',
  'manual.text':
    'On your computer, click “Can’t scan?”: the organization address and an activation code appear.',
  'manual.issuer': 'Organization address',
  'manual.issuerHelp': 'For example, https://id.example.com',
  'manual.username': 'Username',
  'manual.code': 'Activation code',
  'manual.codeHelp': 'The 8 characters shown on your computer, for example ABCD-2345.',
  'manual.required': 'Fill in this field.',
  'manual.badIssuer': 'Enter an https:// address, as shown on your computer.',
  'manual.otherOrganization':
    'This app can only add accounts of {org}. Open Sesame Verify from your organization’s address.',

  'confirm.title': 'Add this account?',
  'confirm.text': 'You are adding an account of the organization:',
  'confirm.check': 'Make sure this is your organization’s address before you continue.',

  'device.title': 'Name this device',
  'device.name': 'Device name',
  'device.help':
    'This name helps you recognize this phone in your security settings. It is sent to your organization.',
  'device.done': 'Done',
  'device.activating': 'Activating…',
  'device.nameRequired': 'Enter a name for this device.',
  'device.fallbackName': 'My phone',
  'device.rescan': 'Scan again',

  'account.organization': 'Organization',
  'account.displayName': 'Name',
  'account.username': 'Username',
  'account.device': 'This device',
  'account.created': 'Added on',
  'account.rename': 'Rename',
  'account.renameLabel': 'Account name',
  'account.renameHelp': 'Leave empty to show the organization’s address.',
  'account.save': 'Save',
  'account.remove': 'Remove the account',
  'account.removeQuestion': 'Remove this account from Sesame Verify?',
  'account.removeText':
    'This phone will no longer give codes for {org}, and your organization will forget it. To sign in, you will need another method.',
  'account.removeConfirm': 'Remove',
  'account.removing': 'Removing…',
  'account.removeOffline':
    'Could not reach {org}. Remove the account from this phone only? The device stays listed in your security settings, where you can remove it later.',
  'account.removeLocally': 'Remove from this phone only',

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.about': 'About',
  'settings.aboutText':
    'Sesame Verify gives the codes of your Sesame accounts. Codes also work offline. The keys of this device never leave it.',

  'errors.activation.invalid':
    'This activation code is no longer valid: it is wrong, expired or already used. On your computer, click “Refresh the code”, then scan the new code.',
  'errors.link.invalid': 'This link is not a Sesame Verify activation link.',
  'errors.rate_limited': 'Too many attempts. Wait a few minutes, then try again.',
  'errors.network': 'Could not reach {org}. Check your internet connection, then try again.',
  'errors.server': '{org} could not complete the request. Try again in a few minutes.',
  'errors.unexpected': 'Something went wrong. Try again.',
  'errors.device.unauthorized':
    '{org} no longer knows this phone (it was removed from your security settings). Add the account again.',
  'errors.push.not_found': 'This request no longer exists.',
  'errors.push.expired': 'This request has expired. Sign in again on your computer.',
  'errors.push.already_answered': 'This request was already answered.',
  'errors.push.wrong_number':
    'The number does not match the one on your computer: that sign-in was refused. Sign in again on your computer if it was you.',

  'push.title': 'Sign-in request',
  'push.question': 'Are you trying to sign in?',
  'push.application': 'Application',
  'push.browser': 'Browser',
  'push.system': 'System',
  'push.ip': 'IP address',
  'push.place': 'Location',
  'push.time': 'Time',
  'push.unknown': 'Unknown',
  'push.expiresIn': 'Expires in {seconds} s',
  'push.typeNumber': 'Enter the number shown on your computer',
  'push.typeNumberHelp': '{digits} digits',
  'push.pickNumber': 'Tap the number shown on your computer',
  'push.numberRequired': 'Enter the number shown on your computer to approve.',
  'push.approve': 'Approve',
  'push.deny': "It wasn't me",
  'push.approved': 'Approved. Your computer continues by itself.',
  'push.denied':
    'Refused. That sign-in was stopped and reported. If you did not try to sign in, change your password.',
  'push.pendingTitle': 'Requests waiting',
  'push.pendingItem': '{application}, {time}',
  'push.notificationTitle': 'Sign-in request',
  'push.notificationBody': 'Open Sesame Verify to approve the sign-in to {application}.',
  'push.notificationOperationTitle': 'Operation to approve',
  'push.notificationOperationBody':
    'Open Sesame Verify to approve the operation {application} asks for.',
  // An operation an application asks to approve (CIBA's binding message, issue 7 §3).
  'push.operationTitle': 'Approve an operation',
  'push.operationAsked': 'Request from {application}: {message}',
  'push.operationQuestion': 'Is this you? Approve only an operation you asked for.',
  'push.operationTypeNumber': 'Enter the number shown by {application}',
  'push.operationApproved': 'Approved. The operation continues in {application}.',

  'notify.title': 'Get sign-in requests',
  'notify.text':
    'Allow notifications so that Sesame Verify tells you when you sign in on a computer. You then approve with the number shown on its screen.',
  'notify.ios':
    'On iPhone, notifications need iOS 16.4 or later and Sesame Verify added to the Home Screen (Safari, Share, "Add to Home Screen"), opened from its icon.',
  'notify.allow': 'Allow notifications',
  'notify.later': 'Not now',
  'notify.denied':
    'Notifications are blocked for this app. Requests still appear when you open Sesame Verify.',
  'notify.unsupported':
    'This browser cannot show notifications for Sesame Verify. Requests appear when you open the app.',
  'notify.on': 'Notifications are on.',

  // “Other”: other services’ codes (otpauth://), on this phone only.
  'other.title': 'Add another account',
  'other.text':
    'The service (Google, GitHub, your bank…) shows a QR code or a key when you turn on two-factor authentication with an app.',
  'other.scan': 'Scan a QR code',
  'other.typeKey': 'Enter the key',
  'other.private':
    'This account stays on this phone: its key is encrypted here and sent nowhere. Its codes work offline.',
  'other.confirmTitle': 'Add this account?',
  'other.add': 'Add the account',
  'other.added':
    'Account added. Enter the code shown below on the service’s site to finish turning it on.',
  'other.issuer': 'Service',
  'other.issuerHelp': 'For example, GitHub',
  'other.accountName': 'Account',
  'other.nameRequired': 'Enter the service or the account.',
  'other.secret': 'Key',
  'other.secretHelp':
    'The key the service shows under its QR code, for example JBSW Y3DP EHPK 3PXP.',
  'other.manualTitle': 'Enter the key',
  'other.manualText':
    'On the service’s site, choose “Can’t scan?” or “Enter a key”: the account’s key appears.',
  'other.advanced': 'Advanced options',
  'other.advancedHelp':
    'Change them only if the service says so. By default: SHA-1, 6 digits, 30 seconds.',
  'other.algorithm': 'Algorithm',
  'other.digits': 'Number of digits',
  'other.period': 'Each code lasts',
  'other.periodValue': '{seconds} seconds',
  'other.codeKind': 'Codes',
  'other.codeKindValue': '{digits} digits, every {period} s ({algorithm})',
  'other.removeText':
    'This phone will no longer give the codes of {service}. Before removing it, turn off two-factor authentication on {service}’s site or turn on another method there, or you may lose access to that account.',
  'errors.otpauth.invalid': 'This QR code is not an authentication code (otpauth://totp).',
  'errors.otpauth.hotp':
    'This QR code is for counter-based codes (HOTP), which Sesame Verify does not offer. Ask the service for a time-based code (TOTP).',
  'errors.otpauth.secret_missing': 'This QR code holds no key.',
  'errors.otpauth.secret_invalid':
    'This key is not valid: it has only the letters A to Z and the digits 2 to 7, at least 16 characters.',
  'errors.otpauth.algorithm':
    'This QR code uses an algorithm Sesame Verify does not offer (only SHA-1, SHA-256 and SHA-512).',
  'errors.otpauth.digits':
    'This QR code asks for codes Sesame Verify does not offer (only 6 or 8 digits).',
  'errors.otpauth.period':
    'This QR code asks for a period Sesame Verify does not offer (only 30 or 60 seconds).',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
