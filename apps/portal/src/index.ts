export { buildPortalApp, type PortalDeps } from './app.ts';
export { loadPortalConfig, type PortalConfig } from './config.ts';
export { type StartedPortal, startPortal } from './main.ts';
