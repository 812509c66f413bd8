/**
 * What the phone shows first includes where the sign-in comes from (issue 7 §1): with a GeoIP city
 * database configured (`SESAME_GEOIP_CITY_DB`), the request read by Sesame Verify carries the city
 * and country of the computer's address, in French and English; an address the database does not
 * know, or no database, gives the address alone. Over HTTP: the password, the second-factor page
 * sending the push from a computer behind the deployment's proxy, and the phone's own core
 * reading its requests.
 */
import { fetchPushRequests } from '@sesame/authenticator';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserSession, hiddenField } from '../../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../../test/build-test-app.ts';
import { writeCityDatabaseFile } from '../../../test/city-database-fixture.ts';
import { interactionPath, passwordStep } from '../../../test/mfa-kit.ts';
import { enrollWithSesameVerify } from '../../../test/sesame-verify-phone.ts';
import { loadConfig } from '../../config.ts';
import { injectFetch } from '../../devices/device-test-kit.ts';

const password = 'rue Saint-Denis 1642 Montréal';

describe.each(testBackends())('the city of a push request (%s)', (backend) => {
  let t: TestApp;
  afterEach(() => t.close());

  /** Camille enrolled by the QR page, then a new sign-in from `ip` whose push is sent. */
  async function requestFrom(env: Record<string, string>, ip: string) {
    t = await buildTestApp(
      backend,
      { SESAME_TRUSTED_PROXIES: '127.0.0.1', ...env },
      { orgMfaRequired: true },
    );
    const fetch = injectFetch(t.app);
    await t.createUser({ username: 'camille', password });
    const phone = await enrollWithSesameVerify(t, 'camille', password);
    // The computer, behind the deployment's reverse proxy, which names its address.
    const computer = new BrowserSession(t.app, t.config.publicUrl, { 'x-forwarded-for': ip });
    const base = interactionPath((await passwordStep(computer, 'camille', password)).location);
    const offered = await computer.get(`${base}/verify`);
    const sent = await computer.post(`${base}/verify/start`, {
      csrf: hiddenField(offered.body, 'csrf'),
      authenticatorId: hiddenField(offered.body, 'authenticatorId'),
    });
    expect(sent.statusCode).toBe(200);
    const [request] = await fetchPushRequests({ fetch, account: phone, nowMs: t.clock.now });
    return request;
  }

  it('carries the city and country of an address the database knows, in both languages', async () => {
    const request = await requestFrom(
      { SESAME_GEOIP_CITY_DB: writeCityDatabaseFile() },
      '203.0.113.58',
    );
    expect(request?.ip).toBe('203.0.113.58');
    expect(request?.place).toEqual({ fr: 'Montréal, Canada', en: 'Montreal, Canada' });
  });

  it('knows IPv6 addresses too', async () => {
    const request = await requestFrom(
      { SESAME_GEOIP_CITY_DB: writeCityDatabaseFile() },
      '2001:db8::7',
    );
    expect(request?.place).toEqual({ fr: 'Québec, Canada', en: 'Quebec City, Canada' });
  });

  it('says nothing of a place for an address the database does not know', async () => {
    const request = await requestFrom(
      { SESAME_GEOIP_CITY_DB: writeCityDatabaseFile() },
      '198.51.100.4',
    );
    expect(request?.ip).toBe('198.51.100.4');
    expect(request).not.toHaveProperty('place');
  });

  it('says nothing of a place without a database', async () => {
    const request = await requestFrom({}, '203.0.113.58');
    expect(request?.ip).toBe('203.0.113.58');
    expect(request).not.toHaveProperty('place');
  });
});

describe('SESAME_GEOIP_CITY_DB', () => {
  it('must name a file: a mistyped path fails the start, not the first push', () => {
    expect(() =>
      loadConfig({
        SESAME_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
        SESAME_GEOIP_CITY_DB: '/nowhere/GeoLite2-City.mmdb',
      }),
    ).toThrow(/SESAME_GEOIP_CITY_DB/);
  });
});
