/**
 * English messages: the reference shape of the catalogue. `fr.ts` must satisfy `Messages`, so a
 * string missing in French fails the type check. Placeholders look like `{name}`.
 */
export const en = {
  meta: {
    siteName: 'Client portal',
    company: 'Boréal Finance',
    skipToContent: 'Skip to main content',
    languageNavLabel: 'Language',
    switchLanguage: 'Français',
    switchLanguageLang: 'fr',
    footerText: 'Boréal Finance. Demonstration client portal signed in through Sesame.',
  },
  home: {
    title: 'Welcome to your client portal',
    lead: 'View your accounts, balances and documents in one secure place.',
    signIn: 'Sign in',
    secureTitle: 'Secure sign-in',
    secureText:
      'You sign in through Sesame with your username, your password and a second verification method, such as the Sesame Verify app.',
    featuresTitle: 'In your client portal',
    featureAccounts: 'Your accounts and their balances',
    featureDocuments: 'Your statements and tax documents',
    featureSecurity: 'Your security settings and sign-in methods',
  },
  dashboard: {
    title: 'Your client portal',
    greeting: 'Hello, {name}',
    greetingAnonymous: 'Hello',
    intro: 'Here is a summary of your accounts.',
    accountsTitle: 'My accounts',
    accountNumber: 'Account {number}',
    balance: 'Balance',
    accountChequing: 'Chequing account',
    accountTfsa: 'Tax-Free Savings Account (TFSA)',
    accountRrsp: 'Registered Retirement Savings Plan (RRSP)',
    totalBalance: 'Total:',
    documentsTitle: 'Recent documents',
    documentDate: 'Date',
    documentName: 'Document',
    docStatement: 'Monthly statement',
    docNoticeOfAssessment: 'Notice of assessment',
    docTfsaReceipt: 'TFSA contribution receipt',
    docRrspReceipt: 'RRSP contribution receipt',
    securityTitle: 'Security',
    securityText:
      'Manage your password, your authenticators and your devices on your Sesame security page.',
    securityLink: 'Security',
    signedInAt: 'Last sign-in: {date}',
    mfaUsed: 'Your sign-in used multi-factor authentication.',
    mfaNotUsed:
      'This sign-in used your password only. Manage your verification methods on your security page.',
    signOut: 'Sign out',
    userMenuLabel: 'Your session',
  },
  payees: {
    title: 'Payees',
    empty: 'You have no payees yet.',
    addedOn: 'Added on {date}',
    added: 'Payee {name} added. You approved it in Sesame Verify.',
    addTitle: 'Add a payee',
    nameLabel: 'Payee name',
    nameHelp: 'First and last name, as on their account (2 to 60 characters).',
    nameInvalid:
      'Enter a name of 2 to 60 characters: letters, spaces, apostrophes, hyphens and periods.',
    addButton: 'Add the payee',
    approvalNote: 'You will approve this addition in the Sesame Verify app on your phone.',
    bindingMessage: 'Add the payee {name}?',
    waitTitle: 'Approve in Sesame Verify',
    waitLead: 'To add this payee, approve the request on your phone.',
    numberHelp: 'Open Sesame Verify and enter this number',
    waitExpires: 'This request expires in 2 minutes.',
    waitNoScript: 'This page checks by itself. You can also check now:',
    check: 'Check',
    cancel: 'Cancel and return to my client portal',
    denied:
      'The request was declined in Sesame Verify (or could not be sent to it). The payee was not added.',
    expired: 'The request expired before it was approved. The payee was not added.',
    failed: 'We could not confirm your approval. The payee was not added.',
    tryAgain: 'You can try again from your client portal.',
    backToDashboard: 'Back to my client portal',
  },
  error: {
    title: 'Something went wrong',
    generic: 'We could not complete your request. Please try again in a few moments.',
    signInFailed: 'We could not complete your sign-in. Please try again.',
    signInCancelled: 'The sign-in was cancelled or refused.',
    sessionExpired: 'Your session has expired or this request could not be verified.',
    approvalUnavailable:
      'We could not ask for your approval in Sesame Verify. Please try again in a few moments.',
    notFound: 'This page does not exist.',
    backHome: 'Back to the home page',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The catalogue's shape, with every message widened to `string`. */
export type Messages = Widen<typeof en>;
