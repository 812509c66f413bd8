import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuthenticatorApp } from './build-app.ts';
import { authenticatorAppCsp, serveAuthenticatorApp } from './serve-authenticator-app.ts';

let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  // What the identity server does before any route: a nonce CSP on the raw response.
  app.addHook('onRequest', async (_request, reply) => {
    reply.raw.setHeader('content-security-policy', "default-src 'none'; script-src 'nonce-abc'");
  });
  await app.register(serveAuthenticatorApp, { bundle: await buildAuthenticatorApp() });
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

describe('serveAuthenticatorApp', () => {
  it('serves the document at /app/ with the app’s CSP and no inline script', async () => {
    const response = await app.inject({ method: 'GET', url: '/app/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(authenticatorAppCsp);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toMatch(
      /<script type="module" src="\/app\/assets\/main-[0-9a-f]{12}\.js"><\/script>/,
    );
    expect(response.body).not.toMatch(/<script>|<script type="module">|style=/);
    expect(response.body).toContain('<link rel="manifest" href="/app/manifest.webmanifest">');
  });

  it('answers client-side routes (the QR code’s /app/activate) with the document', async () => {
    const document = await app.inject({ method: 'GET', url: '/app/' });
    for (const url of ['/app/activate', '/app/activate?x=1', '/app/some/screen']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toBe(document.body);
      expect(response.headers['content-security-policy'], url).toBe(authenticatorAppCsp);
    }
    const bare = await app.inject({ method: 'GET', url: '/app' });
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/app/');
  });

  it('serves the hashed bundle for a year, and a missing file as 404', async () => {
    const document = await app.inject({ method: 'GET', url: '/app/' });
    const [scriptPath] = document.body.match(/\/app\/assets\/main-[0-9a-f]{12}\.js/) ?? [];
    const [cssPath] = document.body.match(/\/app\/assets\/app-[0-9a-f]{12}\.css/) ?? [];
    const script = await app.inject({ method: 'GET', url: scriptPath ?? '' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const css = await app.inject({ method: 'GET', url: cssPath ?? '' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const missing = await app.inject({ method: 'GET', url: '/app/assets/main-000000000000.js' });
    expect(missing.statusCode).toBe(404);
  });

  it('serves the service worker with its scope allowed and revalidated', async () => {
    const response = await app.inject({ method: 'GET', url: '/app/sw.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['service-worker-allowed']).toBe('/app/');
    expect(response.headers['cache-control']).toBe('no-cache');
    // The precache list names the shell: the document and the hashed bundle.
    expect(response.body).toContain('/app/index.html');
    expect(response.body).toMatch(/\/app\/assets\/main-[0-9a-f]{12}\.js/);
  });

  it('serves an installable manifest and its icons', async () => {
    const response = await app.inject({ method: 'GET', url: '/app/manifest.webmanifest' });
    expect(response.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    const manifest = response.json();
    expect(manifest).toMatchObject({
      name: 'Sesame Verify',
      start_url: '/app/',
      scope: '/app/',
      display: 'standalone',
    });
    for (const icon of manifest.icons as { src: string; sizes: string }[]) {
      const png = await app.inject({ method: 'GET', url: icon.src });
      expect(png.statusCode, icon.src).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      const width = png.rawPayload.readUInt32BE(16);
      expect(`${width}x${width}`).toBe(icon.sizes);
    }
    const touch = await app.inject({ method: 'GET', url: '/app/icons/apple-touch-icon-180.png' });
    expect(touch.rawPayload.readUInt32BE(16)).toBe(180);
  });

  it('builds once per process', async () => {
    expect(await buildAuthenticatorApp()).toBe(await buildAuthenticatorApp());
  });
});
