/**
 * `npm start`: the Sesame identity server and the Espace client portal, on their embedded
 * defaults (SQLite under ./data, in-process events), in one process; Ctrl-C stops both.
 */
import tls from 'node:tls';
import closeWithGrace from 'close-with-grace';
import { loadConfig, startIdentity } from '../apps/identity/src/index.ts';
import { loadPortalConfig, startPortal } from '../apps/portal/src/index.ts';

// Quiet by default in a terminal: warnings and errors only, unless LOG_LEVEL says otherwise.
const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const portalClient = config.clients[0];
if (portalClient === undefined) throw new Error('no portal client configured');

const identity = await startIdentity(config);
if (identity.localCaCert !== undefined) {
  // The portal (in this process) talks to the identity server over HTTPS: trust the local authority.
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), identity.localCaCert]);
}
const portal = await startPortal(
  loadPortalConfig({
    ...process.env,
    SESAME_ISSUER: config.issuer,
    PORTAL_CLIENT_ID: portalClient.clientId,
    PORTAL_CLIENT_SECRET: portalClient.clientSecret,
  }),
  { logger: { level: config.logLevel === 'info' ? 'warn' : config.logLevel } },
);

const lines = [
  '',
  'Sesame is running.',
  `  Espace client (portal):   ${portal.url}`,
  `  Sesame identity server:   ${identity.url}   (OpenID issuer ${config.issuer})`,
  `  Storage:                  ${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL'}`,
  config.mail.smtpUrl === undefined
    ? `  Mail (no SMTP configured): ${identity.url}/dev/outbox   (or npx sesame outbox)`
    : `  Mail:                     SMTP ${new URL(config.mail.smtpUrl).host}`,
  '',
  identity.demo
    ? `Sign in with the demo account:  username ${identity.demo.username}   password ${identity.demo.password}\n(shown once: write it down, or set a new one with  npx sesame users set-password demo --password-stdin)`
    : 'Sign in with an existing account (npx sesame users list; npx sesame users create <username>).',
  '',
  `Open ${portal.url} and click « Me connecter ». Ctrl-C stops Sesame.`,
  '',
  ...(identity.localCaCert === undefined
    ? []
    : [
        'With a phone on the same network (README: "Try the guide with a real phone"):',
        `  1. on the phone, open ${identity.url}/local-ca.crt and trust this local authority;`,
        `  2. open ${identity.url}/app/ and add Sesame Verify to the home screen.`,
        '',
      ]),
];
console.log(lines.join('\n'));

closeWithGrace({ delay: 5000 }, async ({ err, signal }) => {
  if (err) console.error(err);
  else console.log(`\n${signal ?? 'stop'}: shutting down…`);
  await portal.close();
  await identity.close();
});
