import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignIn } from '../../test/browser-session.ts';
import { type TestApp, testBackends } from '../../test/build-test-app.ts';
import { listenTestApp } from '../../test/listen-test-app.ts';
import { newBrowser } from '../../test/sign-in-kit.ts';

/**
 * Request targets a browser or a crafted link can send, written as they go on the wire (a real
 * socket: `inject()` would normalize some of them before the app sees them).
 */
const trickyTargets = [
  '//evil.example/x',
  '///evil.example/x',
  '/\\evil.example',
  '/\\/evil.example/x',
  '/%2F%2Fevil.example',
  '/%2f/evil.example',
  '/%5Cevil.example',
  '/%5C%5Cevil.example/x',
  '/x/..//evil.example',
  '/.//evil.example',
  '/%2e%2e//evil.example',
  '/no/such/page?next=//evil.example&x=\\evil.example',
];

interface RawResponse {
  status: number;
  location: string | undefined;
  body: string;
}

/** One GET with the request target exactly as given. */
function rawGet(url: string, target: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(url);
  return new Promise<RawResponse>((resolve, reject) => {
    const req = httpRequest(
      { hostname, port, path: target, method: 'GET', headers: { accept: 'text/html', ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Every link and form target of a page, as the browser reads it (entities decoded). */
function linksOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|action|formaction)="([^"]*)"/g)].map((m) =>
    (m[1] ?? '')
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'"),
  );
}

/** A path on this origin: one `/` then not `/` nor `\` (else a browser reads another host). */
function expectSameOriginPath(link: string, origin: string) {
  expect(link, link).toMatch(/^\/(?![/\\])|^#/);
  expect(new URL(link, `${origin}/a/b`).origin, link).toBe(origin);
}

describe.each(testBackends())('self-links stay on this origin (%s)', (backend) => {
  let t: TestApp & { url: string };
  beforeAll(async () => {
    t = await listenTestApp(backend);
  });
  afterAll(() => t.close());

  it.each(trickyTargets)('the page for %s links only to paths of this origin', async (target) => {
    const page = await rawGet(t.url, target);
    expect(page.status).toBe(404);
    const links = linksOf(page.body);
    expect(links.some((link) => link.includes('lang=en'))).toBe(true);
    for (const link of links) expectSameOriginPath(link, t.url);
  });

  it.each(trickyTargets)(
    'the language toggle on %s redirects within this origin',
    async (target) => {
      const withLang = `${target}${target.includes('?') ? '&' : '?'}lang=en`;
      const toggled = await rawGet(t.url, withLang);
      expect(toggled.status).toBe(303);
      expectSameOriginPath(String(toggled.location), t.url);
      expect(toggled.location).not.toContain('lang=');
    },
  );

  it('keeps the toggle of a real page on that page, its query intact', async () => {
    const { page } = await openSignIn(newBrowser(t));
    const links = linksOf(page.body);
    for (const link of links) expectSameOriginPath(link, t.url);
    const toggle = links.find((link) => link.includes('lang=en'));
    expect(toggle).toMatch(/^\/interaction\/[\w-]+\?lang=en$/);
    const toggled = await rawGet(t.url, `${toggle}&next=%2F%2Fevil.example`);
    expect(toggled.location).toMatch(/^\/interaction\/[\w-]+\?next=%2F%2Fevil\.example$/);
  });
});
