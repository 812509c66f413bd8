/**
 * Tries Sesame Verify in Chromium as an iPhone, against a fake device API, and takes a
 * screenshot of every screen (French, plus a few in English) into apps/authenticator/screenshots/.
 * The camera is Chromium's fake capture device playing a clip made here: a few blank frames,
 * then the QR code of an activation link.
 *   npx tsx apps/authenticator/scripts/try-pwa.ts
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { compactVerify, importJWK, type JWK } from 'jose';
import { type Browser, chromium, devices, type Page } from 'playwright-core';
import QRCode from 'qrcode';
import { buildAuthenticatorApp } from '../src/build-app.ts';
import { totpCode } from '../src/core/totp.ts';
import { serveAuthenticatorApp } from '../src/serve-authenticator-app.ts';

const shotsDir = join(import.meta.dirname, '..', 'screenshots');
const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const goodToken = 'q1w2e3r4t5y6u7i8o9p0aZ';
const expiredToken = 'expiredexpiredexpired0';

// ---- a fake identity server: the app, and the device API of the contract ----
const app = Fastify();
app.addHook('onRequest', async (_request, reply) => {
  reply.raw.setHeader('content-security-policy', "default-src 'none'; script-src 'nonce-x'");
});
await app.register(serveAuthenticatorApp, { bundle: await buildAuthenticatorApp() });
const devicesById = new Map<string, JWK>();
const unusedTokens = new Set([goodToken]);
let origin = '';
app.post('/api/device/activate', async (request, reply) => {
  const body = request.body as { publicKey: JWK; username?: string; activationCode?: string };
  const token = request.headers.authorization?.replace(/^Activation /, '');
  const byToken = token !== undefined && unusedTokens.delete(token);
  const byCode = body.username === 'demo' && body.activationCode === 'ABCD2345';
  if (!byToken && !byCode) {
    return reply.code(401).send({ error: 'activation.invalid', message: 'Invalid activation' });
  }
  const deviceId = randomUUID();
  devicesById.set(deviceId, body.publicKey);
  return {
    deviceId,
    account: { issuer: origin, username: 'demo', displayName: 'Dominique Demo' },
    totp: { secret, algorithm: 'SHA1', digits: 6, periodSeconds: 30 },
  };
});
app.delete('/api/device/me', async (request, reply) => {
  const jws = request.headers.authorization?.replace(/^Device /, '') ?? '';
  try {
    const { payload, protectedHeader } = await compactVerify(jws, (header) =>
      importJWK(devicesById.get(header.kid ?? '') ?? {}, 'ES256'),
    );
    const claims = JSON.parse(new TextDecoder().decode(payload));
    if (claims.htm !== 'DELETE' || claims.htu !== `${origin}/api/device/me`) throw new Error('htu');
    devicesById.delete(protectedHeader.kid ?? '');
    return reply.code(204).send();
  } catch {
    return reply.code(401).send({ error: 'device.unauthorized', message: 'Unauthorized' });
  }
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;

// ---- the fake camera: 640×480 YUV4MPEG2, grey, then the QR code of the activation link ----
async function makeClip(path: string, text: string): Promise<void> {
  const width = 640;
  const height = 480;
  const fps = 10;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const scale = Math.floor(320 / (modules + 8));
  const side = (modules + 8) * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const blank = Buffer.alloc(width * height, 128);
  const withQr = Buffer.alloc(width * height, 128);
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const row = Math.floor(y / scale) - 4;
      const col = Math.floor(x / scale) - 4;
      const dark =
        row >= 0 && col >= 0 && row < modules && col < modules && qr.modules.get(row, col);
      withQr[(top + y) * width + left + x] = dark ? 20 : 235;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frames: Buffer[] = [
    Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`),
  ];
  for (let i = 0; i < 40; i += 1) {
    frames.push(Buffer.from('FRAME\n'), i < 30 ? blank : withQr, chroma);
  }
  await writeFile(path, Buffer.concat(frames));
}

const work = await mkdtemp(join(tmpdir(), 'sesame-verify-try-'));
const clip = join(work, 'qr.y4m');
await makeClip(clip, `${origin}/app/activate#token=${goodToken}`);
await mkdir(shotsDir, { recursive: true });

const browser: Browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${clip}`,
  ],
});
const { defaultBrowserType: _ignored, ...iPhone } = devices['iPhone 13'];
const problems: string[] = [];

async function phone(locale: string, camera: boolean) {
  const context = await browser.newContext({
    ...iPhone,
    locale,
    permissions: camera ? ['camera', 'clipboard-read', 'clipboard-write'] : [],
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(350); // let the focus ring and transitions settle for the picture
  await page.screenshot({ path: join(shotsDir, `${name}.png`) });
  console.log(`  ${name}`);
}

const expect = (condition: boolean, what: string) => {
  if (!condition) throw new Error(`Failed: ${what}`);
};

try {
  // 1. The guide's path, steps 5 to 8, in French, with the camera.
  const { context, page } = await phone('fr-CA', true);
  await page.goto(`${origin}/app/`);
  await page.getByTestId('empty-state').waitFor();
  await shot(page, 'phone-verify-01-empty.fr');
  await page.getByRole('button', { name: 'Ajouter un compte' }).click();
  await page.getByTestId('screen-account-type').waitFor();
  await shot(page, 'phone-verify-02-account-type.fr');
  await page.getByRole('button', { name: /^Organisation/ }).click();
  await shot(page, 'phone-verify-03-organization.fr');
  await page.getByRole('button', { name: 'Ajouter un compte depuis un nouvel appareil' }).click();
  await shot(page, 'phone-verify-04-scan-intro.fr');
  await page.getByRole('button', { name: 'Scanner un code QR' }).click();
  await page.waitForFunction(() => {
    const video = document.querySelector('video');
    return video !== null && video.readyState >= 2 && video.currentTime > 0;
  });
  await shot(page, 'phone-verify-05-scanner.fr');
  await page.getByTestId('screen-confirm').waitFor({ timeout: 15_000 });
  expect(
    (await page.getByTestId('organization').textContent()) === new URL(origin).host,
    'organization named',
  );
  await shot(page, 'phone-verify-06-confirm.fr');
  await page.getByRole('button', { name: 'Suivant' }).click();
  const deviceName = page.getByLabel('Nom de l’appareil');
  expect((await deviceName.inputValue()) === 'iPhone', 'device name prefilled');
  await shot(page, 'phone-verify-07-device-name.fr');
  await page.getByRole('button', { name: 'Terminé' }).click();
  await page.getByTestId('account').waitFor();
  const shown = (await page.getByTestId('totp-code').textContent())?.replace(/\s/g, '');
  const expected = [Date.now() - 1000, Date.now(), Date.now() + 1000].map((nowMs) =>
    totpCode({ secret, nowMs }),
  );
  expect(shown !== undefined && expected.includes(shown), `code ${shown} is the account's TOTP`);
  expect(devicesById.size === 1, 'device registered');
  await shot(page, 'phone-verify-08-code.fr');
  await page.getByTestId('totp-code').click();
  await page.getByText('Code copié').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied === shown, `copied ${copied}`);

  // Offline: the service worker serves the shell, the code still shows.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('totp-code').waitFor();
  await shot(page, 'phone-verify-09-offline.fr');
  await context.setOffline(false);

  // Account menu: rename, remove (signed DELETE).
  await page.getByRole('button', { name: /^Options du compte/ }).click();
  await shot(page, 'phone-verify-10-account.fr');
  await page.getByRole('button', { name: 'Renommer' }).click();
  await page.getByLabel('Nom du compte').fill('Espace client');
  await shot(page, 'phone-verify-11-rename.fr');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('heading', { name: 'Espace client' }).waitFor();
  await page.getByRole('button', { name: 'Supprimer le compte' }).click();
  await shot(page, 'phone-verify-12-remove.fr');
  await page.getByRole('button', { name: 'Supprimer', exact: true }).click();
  await page.getByTestId('empty-state').waitFor();
  expect(devicesById.size === 0, 'device removed on the server');
  await shot(page, 'phone-verify-13-removed.fr');

  // 2. "Saisir le code manuellement".
  await page.getByRole('button', { name: 'Ajouter un compte' }).click();
  await page.getByRole('button', { name: /^Organisation/ }).click();
  await page.getByRole('button', { name: 'Ajouter un compte depuis un nouvel appareil' }).click();
  await page.getByRole('button', { name: 'Saisir le code manuellement' }).click();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await shot(page, 'phone-verify-14-manual-errors.fr');
  await page.getByLabel("Nom d'utilisateur").fill('demo');
  await page.getByLabel('Code d’activation').fill('abcd-2345');
  await shot(page, 'phone-verify-15-manual.fr');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('button', { name: 'Terminé' }).click();
  await page.getByTestId('account').waitFor();
  expect(devicesById.size === 1, 'manual activation registered');

  // 3. The QR's link opened directly, with a used or expired token.
  await page.goto(`${origin}/app/activate#token=${expiredToken}`);
  await page.getByTestId('screen-confirm').waitFor();
  expect(
    new URL(page.url()).pathname === '/app/' && !page.url().includes('token'),
    'token left the address bar',
  );
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('button', { name: 'Terminé' }).click();
  await page.getByTestId('activation-error').waitFor();
  await shot(page, 'phone-verify-16-expired.fr');

  // 4. Settings, then English.
  await page.goto(`${origin}/app/`);
  await page.getByRole('button', { name: 'Paramètres' }).click();
  await shot(page, 'phone-verify-17-settings.fr');
  await page.getByLabel('English').check();
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Add an account' }).waitFor();
  await shot(page, 'phone-verify-08-code.en');
  await page.getByRole('button', { name: 'Add an account' }).click();
  await shot(page, 'phone-verify-02-account-type.en');
  await context.close();

  // 5. Camera refused.
  const denied = await phone('fr-CA', false);
  await denied.page.goto(`${origin}/app/`);
  await denied.page.getByRole('button', { name: 'Ajouter un compte' }).click();
  await denied.page.getByRole('button', { name: /^Organisation/ }).click();
  await denied.page
    .getByRole('button', { name: 'Ajouter un compte depuis un nouvel appareil' })
    .click();
  await denied.page.getByRole('button', { name: 'Scanner un code QR' }).click();
  await denied.page.getByTestId('camera-problem').waitFor();
  await shot(denied.page, 'phone-verify-18-camera-refused.fr');
  await denied.context.close();

  console.log(problems.length ? `Problems:\n${problems.join('\n')}` : 'No console errors.');
} finally {
  await browser.close();
  await app.close();
  await rm(work, { recursive: true, force: true });
}
