/**
 * « Renouveler la clé » as the applications meet it, over HTTP on both backends (ADR 0014): the
 * new key is in the JWKS at once but signs only once the publish-ahead delay has passed (the
 * test's clock moves); the old key then stops signing and stays in the JWKS until the tokens it
 * signed have expired (and the sessions they may end), so they still verify; a second node on the same database, told through
 * the event bus, publishes and signs with the same keys.
 */
import type { FastifyInstance } from 'fastify';
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../test/browser-session.ts';
import {
  buildTestApp,
  cheapArgon2,
  type TestApp,
  testBackends,
} from '../../test/build-test-app.ts';
import { consoleUser, signInToConsole } from '../../test/console-kit.ts';
import { auditEvents, clientId, redeemCode, signInForCode } from '../../test/sign-in-kit.ts';
import { createPasswordHasher } from '../accounts/password-hasher.ts';
import { buildApp } from '../app.ts';
import type { CliSession } from '../cli/cli-io.ts';
import { runCli } from '../cli/run-cli.ts';
import { createInProcessEventBus, type EventBus } from '../events/event-bus.ts';
import { createOutboxMailer } from '../mail/outbox-mailer.ts';
import { createSecretBox } from '../security/secret-box.ts';
import { keyRereadMs } from './live-provider.ts';
import { retiredKeyPublishedMs, signingKeysChannel } from './rotate-signing-key.ts';

const PASSWORD = 'boulevard Saint-Laurent 1851';
const publishAheadMinutes = 10;

describe.each(testBackends())('signing key rotation (%s)', (backend) => {
  let t: TestApp;
  let events: EventBus;
  let nodeB: FastifyInstance;
  beforeEach(async () => {
    events = createInProcessEventBus();
    t = await buildTestApp(backend, {}, { events });
    // A second identity node: the same database, configuration, clock and event bus.
    nodeB = await buildApp(t.config, {
      db: t.db,
      now: () => t.clock.now,
      argon2: cheapArgon2,
      logger: false,
      events,
    });
    await t.createUser({ username: 'louise', password: PASSWORD });
  });
  afterEach(async () => {
    await nodeB.close();
    await t.close();
    await events.close();
  });

  const jwks = async (node: FastifyInstance) =>
    (await node.inject({ method: 'GET', url: '/oidc/jwks' })).json() as JSONWebKeySet;
  const publishedKids = async (node: FastifyInstance) =>
    (await jwks(node)).keys.map((key) => key.kid).sort();
  const signedIn = async (node: FastifyInstance) => {
    const browser = new BrowserSession(node, t.config.publicUrl);
    const { code, verifier } = await signInForCode(browser, 'louise', PASSWORD);
    const { status, body } = await redeemCode(node, code, verifier);
    expect(status).toBe(200);
    return { browser, idToken: body.id_token as string };
  };
  const idToken = async (node: FastifyInstance) => (await signedIn(node)).idToken;
  const signerOf = (token: string) => decodeProtectedHeader(token).kid;
  const verifyAgainst = async (node: FastifyInstance, token: string) =>
    jwtVerify(token, createLocalJWKSet(await jwks(node)), {
      issuer: t.config.issuer,
      audience: clientId,
    });

  it('publishes the new key first, signs with it once promoted, keeps the old one for its tokens', async () => {
    const [oldKid] = await publishedKids(t.app);
    const louise = await signedIn(t.app);
    const beforeRotation = louise.idToken;
    expect(signerOf(beforeRotation)).toBe(oldKid);

    const admin = await consoleUser(t, 'ada', 'admin');
    const { browser, page } = await signInToConsole(t, admin, '/admin/keys');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(oldKid);
    const rotated = await browser.follow(
      await browser.post('/admin/keys/rotate', { csrf: hiddenField(page.body, 'csrf') }),
    );
    expect(rotated.statusCode).toBe(200);
    const newKid = /data-state="next">\s*<td>\s*<code>([^<]+)<\/code>/.exec(rotated.body)?.[1];
    expect(newKid).toBeDefined();
    expect(newKid).not.toBe(oldKid);
    expect(rotated.body).toContain('role="status"');

    // Published on both nodes at once, signing on neither yet.
    const both = [oldKid, newKid].sort();
    expect(await publishedKids(t.app)).toEqual(both);
    expect(await publishedKids(nodeB)).toEqual(both);
    expect(signerOf(await idToken(t.app))).toBe(oldKid);
    expect(signerOf(await idToken(nodeB))).toBe(oldKid);

    // A second renewal while one key waits is refused, and changes nothing.
    const again = await browser.follow(
      await browser.post('/admin/keys/rotate', { csrf: hiddenField(rotated.body, 'csrf') }),
    );
    expect(again.body).toContain('alert warning');
    expect(await publishedKids(t.app)).toEqual(both);

    // Promoted once the publish-ahead delay has passed: both nodes sign with the new key.
    t.clock.advance(publishAheadMinutes * 60 + 1);
    expect(signerOf(await idToken(t.app))).toBe(newKid);
    expect(signerOf(await idToken(nodeB))).toBe(newKid);
    expect(await publishedKids(nodeB)).toEqual(both);
    // A token the old key signed still verifies against the JWKS.
    await expect(verifyAgainst(nodeB, beforeRotation)).resolves.toBeDefined();
    // And the application can still end the session with it (id_token_hint, verified).
    const query = new URLSearchParams({
      id_token_hint: beforeRotation,
      post_logout_redirect_uri: 'http://localhost:3001/',
    });
    const signOut = await louise.browser.get(`/oidc/session/end?${query}`);
    expect(signOut.statusCode).toBe(200);
    expect(signOut.body).toContain("document.getElementById('sign-out').click();");

    // Once its tokens have expired, the retired key leaves the JWKS; its tokens no longer verify.
    t.clock.advance(retiredKeyPublishedMs / 1000);
    expect(await publishedKids(t.app)).toEqual([newKid]);
    expect(await publishedKids(nodeB)).toEqual([newKid]);
    await expect(verifyAgainst(t.app, beforeRotation)).rejects.toThrow();

    const rotations = (await auditEvents(t)).filter(
      (event) => event.type === 'signing_key.rotated',
    );
    expect(rotations).toEqual([
      expect.objectContaining({ actor: `admin:${admin.accountId}`, reason: newKid }),
    ]);
  });

  it('a node that missed the message reads the keys again within a minute of its clock', async () => {
    const [oldKid] = await publishedKids(nodeB);
    const admin = await consoleUser(t, 'ada', 'admin');
    const { browser, page } = await signInToConsole(t, admin, '/admin/keys');
    // The nodes stop listening: node B hears of the rotation only by reading the table again.
    await events.close();
    await browser.post('/admin/keys/rotate', { csrf: hiddenField(page.body, 'csrf') });
    expect(await publishedKids(nodeB)).toEqual([oldKid]);
    t.clock.advance(keyRereadMs / 1000);
    const published = await publishedKids(nodeB);
    expect(published).toHaveLength(2);
    expect(signerOf(await idToken(nodeB))).toBe(oldKid);
    t.clock.advance(publishAheadMinutes * 60);
    const newKid = published.find((kid) => kid !== oldKid);
    expect(signerOf(await idToken(nodeB))).toBe(newKid);
  });

  it('a rotation from the CLI is published by every node at once and signs on time', async () => {
    const [oldKid] = await publishedKids(nodeB);
    const out: string[] = [];
    const io: CliSession = {
      db: t.db,
      hasher: createPasswordHasher(cheapArgon2),
      now: () => t.clock.now,
      stdout: (text) => void out.push(text),
      stderr: (text) => void out.push(text),
      readStdin: async () => '',
      mail: {
        mailer: createOutboxMailer({ db: t.db, now: () => t.clock.now }),
        publicUrl: t.config.publicUrl,
        outbox: true,
      },
      // What main.ts gives the CLI: the server's secret key, its publish-ahead, the event bus.
      box: createSecretBox(t.config.secretKey),
      keys: {
        publishAheadMs: t.config.signingKeys.publishAheadSeconds * 1000,
        announce: (kid) => events.publish(signingKeysChannel, kid),
      },
    };
    expect(await runCli(['keys', 'rotate', '--json'], io)).toBe(0);
    const { kid: newKid } = JSON.parse(out.join('')) as { kid: string };
    expect(await publishedKids(nodeB)).toEqual([oldKid, newKid].sort());
    expect(await publishedKids(t.app)).toEqual([oldKid, newKid].sort());
    expect(signerOf(await idToken(nodeB))).toBe(oldKid);
    t.clock.advance(publishAheadMinutes * 60);
    expect(signerOf(await idToken(nodeB))).toBe(newKid);
    expect(signerOf(await idToken(t.app))).toBe(newKid);
  });
});
