export { buildApp } from './app.ts';
export { derivePortalClientSecret, loadConfig } from './config.ts';
export { startIdentity } from './main.ts';
