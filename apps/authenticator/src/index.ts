/**
 * Sesame Verify: the authenticator app. The identity server serves the PWA
 * (`buildAuthenticatorApp` + `serveAuthenticatorApp`); the core is shared by the PWA and the CLI.
 */

export { type AppBundle, type AppFile, buildAuthenticatorApp } from './build-app.ts';
export { createFileStore, defaultStatePath } from './cli/file-store.ts';
export { runVerifyCli, type VerifyCliIo } from './cli/run-verify-cli.ts';
export { type AccountStore, accountTitle, type StoredAccount } from './core/account-store.ts';
export {
  type ActivateAccountOptions,
  type ActivationCredential,
  activateAccount,
  normalizeActivationCode,
} from './core/activate-account.ts';
export {
  type DeviceKeys,
  exportPrivateJwk,
  exportPublicJwk,
  generateDeviceKeys,
  importPrivateJwk,
} from './core/device-keys.ts';
export {
  type ActivationLink,
  parseActivationLink,
  parseIssuer,
} from './core/parse-activation-link.ts';
export { defaultDeviceName, platformFromUserAgent } from './core/platform.ts';
export {
  answerPushRequest,
  fetchPushRequests,
  fetchVapidKey,
  type PushAccount,
  type PushCallOptions,
  removePushSubscription,
  savePushSubscription,
} from './core/push-requests.ts';
export { type RemoveDeviceResult, removeDevice } from './core/remove-device.ts';
export {
  bodyHash,
  deviceAuthorization,
  type SignDeviceRequestOptions,
  signDeviceRequest,
} from './core/sign-device-request.ts';
export {
  normalizePushNumber,
  type SignPushAnswerOptions,
  signPushAnswer,
} from './core/sign-push-answer.ts';
export {
  decodeBase32,
  formatTotpCode,
  totpCode,
  totpPeriodSeconds,
  totpSecondsLeft,
} from './core/totp.ts';
export { isVerifyError, VerifyError, type VerifyErrorCode } from './core/verify-error.ts';
export { type WatchPushRequestsOptions, watchPushRequests } from './core/watch-push-requests.ts';
export {
  authenticatorAppCsp,
  type ServeAuthenticatorAppOptions,
  serveAuthenticatorApp,
} from './serve-authenticator-app.ts';
