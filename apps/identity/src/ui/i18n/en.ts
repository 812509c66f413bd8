/** English catalogue. The French one must provide every key of this one (checked by the type). */
export const en = {
  'app.name': 'Sesame',
  'app.skipToContent': 'Skip to content',
  'app.languageToggle': 'Français',
  'app.languageToggleLabel': 'Afficher en français',
  'signIn.title': 'Sign in',
  'signIn.intro': 'Sign in to continue to “{client}”.',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign me in',
  'signIn.help': 'Forgot your password? Contact your advisor.',
  'signOut.title': 'Sign out',
  'signOut.question': 'Do you want to sign out of Sesame?',
  'signOut.submit': 'Sign me out',
  'signOut.done': 'You are signed out.',
  'signOut.doneDetail': 'You can close this window.',
  'errors.title': 'Something went wrong',
  'errors.signInFailed':
    'Unable to sign you in. Check your username and password, or try again in a few minutes.',
  'errors.flowExpired':
    'Your sign-in page has expired. Go back to the application and start again.',
  'errors.csrf': 'This form has expired. Reload the page and try again.',
  'errors.invalidRequest': 'The request is not valid.',
  'errors.notFound': 'This page does not exist.',
  'errors.tooMany': 'Too many requests. Try again in a few minutes.',
  'errors.internal': 'An unexpected error occurred. Try again later.',
  'errors.oidc': 'The application’s request could not be processed.',
  'errors.backHome': 'Back to the application',
  'account.title': 'Your account',
  'account.comingSoon':
    'The security settings (authenticators, devices, recent sign-ins) will appear here.',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
