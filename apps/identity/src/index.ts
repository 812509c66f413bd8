export { buildApp } from './app.ts';
export { loadConfig, derivePortalClientSecret } from './config.ts';
export { startIdentity } from './main.ts';
