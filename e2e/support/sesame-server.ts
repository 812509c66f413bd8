/**
 * Where the end-to-end run's own Sesame lives: dedicated ports (never the developer's 3000/3001)
 * and a throw-away data directory under test-results/ (never ./data). Shared by the Playwright
 * config, the global setup that starts the server, and the tests.
 */
import { fileURLToPath } from 'node:url';

/**
 * 3100 and 3101 by default; `SESAME_E2E_PORT=3200` runs beside another run on this machine (its
 * identity on 3200, portal on 3201, data under test-results/e2e-server-3200/).
 */
export const identityPort = Number(process.env.SESAME_E2E_PORT ?? 3100);
export const portalPort = identityPort + 1;
export const identityUrl = `http://localhost:${identityPort}`;
export const portalUrl = `http://localhost:${portalPort}`;

/** The repository root (where scripts/start.ts and node_modules are). */
export const rootDir = fileURLToPath(new URL('../../', import.meta.url));
/**
 * The e2e server's `SESAME_DATA_DIR`, wiped and recreated at every run: the SQLite database, its
 * key and the server's log. The CLI (`sesame users create …`) works on the same SQLite file.
 */
export const serverDir = fileURLToPath(
  new URL(
    `../../test-results/e2e-server${identityPort === 3100 ? '' : `-${identityPort}`}/`,
    import.meta.url,
  ),
);
/** Refreshed at every run; the file names are stable so the docs can link to them. */
export const screenshotsDir = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * The environment of the e2e server and of the CLI run against it: the developer's environment
 * minus anything that could point at real data, plus this run's data directory, ports and URLs.
 */
export function serverEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    const belongsToSesame = /^(SESAME_|PORTAL_)/.test(name);
    if (!belongsToSesame && name !== 'DATABASE_URL' && name !== 'REDIS_URL') env[name] = value;
  }
  return {
    ...env,
    SESAME_DATA_DIR: serverDir,
    SESAME_PORT: String(identityPort),
    PORTAL_PORT: String(portalPort),
    SESAME_PUBLIC_URL: identityUrl,
    PORTAL_PUBLIC_URL: portalUrl,
  };
}

/** How the global setup hands the demo account (read from the launcher's output) to the tests. */
const usernameVariable = 'SESAME_E2E_DEMO_USERNAME';
const passwordVariable = 'SESAME_E2E_DEMO_PASSWORD';

export interface DemoAccount {
  username: string;
  password: string;
  name: string;
}

export function shareDemoAccount(account: { username: string; password: string }): void {
  process.env[usernameVariable] = account.username;
  process.env[passwordVariable] = account.password;
}

/** The demo account created by this run's server; its display name is fixed by the launcher. */
export function demoAccount(): DemoAccount {
  const username = process.env[usernameVariable];
  const password = process.env[passwordVariable];
  if (!username || !password) {
    throw new Error('No demo account: run the tests with `npm run test:e2e` (global setup).');
  }
  return { username, password, name: 'Camille Tremblay' };
}
