/**
 * What the identity server needs of Sesame Verify: the PWA built and served. An entry of its
 * own (`@sesame/authenticator/server`), so that the server does not load the app's core and its
 * TypeBox checks (≈ 300 modules) at start.
 */
export { type AppBundle, type AppFile, buildAuthenticatorApp } from './build-app.ts';
export { serveAuthenticatorApp } from './serve-authenticator-app.ts';
