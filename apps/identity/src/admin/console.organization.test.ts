/**
 * « Organisation » in the console, over HTTP on both backends: an administrator sets the
 * organization's name, logo, accent colour and support contact, and reads them back; the logo is
 * served at its fixed path as the image it is, never sniffed; what must be refused (an SVG, a text
 * file named .png, a logo too large, a colour that is not #rrggbb or too light for white text, a
 * support address that is not one) is refused with its code and nothing is stored; each change is
 * audited with the administrator as its actor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, hiddenField } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { type ConsoleUser, consoleUser, signInToConsole } from '../../test/console-kit.ts';
import {
  discPng,
  multipartLogoForm,
  oversizedPng,
  svgLogo,
  textNamedPng,
} from '../../test/logo-fixture.ts';

describe.each(testBackends())('the organization’s page in the console (%s)', (backend) => {
  let t: TestApp;
  let admin: ConsoleUser;
  let browser: BrowserSession;
  beforeAll(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: false });
    admin = await consoleUser(t, 'administratrice', 'admin');
    browser = (await signInToConsole(t, admin, '/admin/organization')).browser;
  });
  afterAll(() => t.close());

  const page = () => browser.get('/admin/organization');
  const csrf = async () => hiddenField((await page()).body, 'csrf');
  const post = async (path: string, form: Record<string, string>) =>
    browser.post(`/admin/organization/${path}`, { csrf: await csrf(), ...form });
  const upload = async (file: { name: string; type: string; bytes: Buffer }, token?: string) => {
    const { body, contentType } = multipartLogoForm(token ?? (await csrf()), file);
    const url = '/admin/organization/logo';
    return t.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: {
        'content-type': contentType,
        accept: 'text/html',
        host: new URL(t.config.publicUrl).host,
        origin: t.config.publicUrl,
        cookie: browser.cookieHeader(url),
      },
    });
  };
  const settings = async () =>
    Object.fromEntries(
      (await t.db.selectFrom('org_settings').select(['key', 'value']).execute()).map((row) => [
        row.key,
        row.value,
      ]),
    );
  const audit = (type: string) =>
    t.db
      .selectFrom('audit_events')
      .select(['reason', 'actor'])
      .where('type', '=', type as never)
      .orderBy('id')
      .execute();

  it('shows the page in French, under « Organisation » in the menu, with nothing set', async () => {
    const response = await page();
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('href="/admin/organization">Organisation</a>');
    expect(response.body).toContain('<h1>Organisation</h1>');
    expect(response.body).toContain('Aucun logo.');
    expect(response.body).toContain('Couleur par défaut de Sesame.');
    expect(response.body).toContain('enctype="multipart/form-data"');
  });

  it('saves the name, the colour and the support contact, and shows them back', async () => {
    const named = await post('name', { name: '  Caisse   Laurentienne ' });
    expect(named.statusCode).toBe(303);
    expect(named.headers.location).toBe('/admin/organization?done=name');
    expect((await post('colour', { colour: '#1B5E20' })).statusCode).toBe(303);
    const support = await post('support', {
      email: 'aide@caisse.example',
      phone: '+1 514 555-0199',
      url: 'https://caisse.example/aide',
    });
    expect(support.statusCode).toBe(303);
    const after = await browser.get(String(support.headers.location));
    expect(after.body).toContain('Le contact du support est enregistré.');
    expect(after.body).toContain('value="Caisse Laurentienne"');
    expect(after.body).toContain('value="#1b5e20"');
    expect(after.body).toContain('value="aide@caisse.example"');
    expect(after.body).toContain('value="+1 514 555-0199"');
    expect(after.body).toContain('value="https://caisse.example/aide"');
    // The console's own pages wear it too: the name beside « Sesame », the colour's stylesheet.
    expect(after.body).toContain('<span class="org-name">Caisse Laurentienne</span>');
    expect(after.body).toContain('href="/branding/theme.css?v=1b5e20"');
    const theme = await browser.get('/branding/theme.css?v=1b5e20');
    expect(theme.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(theme.body).toContain('--accent: #1b5e20;');
    const actor = `admin:${admin.accountId}`;
    expect(await audit('org.name_changed')).toEqual([{ reason: 'Caisse Laurentienne', actor }]);
    expect(await audit('org.accent_changed')).toEqual([{ reason: '#1b5e20', actor }]);
    expect(await audit('org.support_changed')).toEqual([{ reason: 'email,phone,url', actor }]);
  });

  it('uploads a PNG logo, served at its fixed path as a PNG, not sniffed, and cached by version', async () => {
    const png = discPng(48);
    const uploaded = await upload({ name: 'logo.png', type: 'image/png', bytes: png });
    expect(uploaded.statusCode, uploaded.body.slice(0, 500)).toBe(303);
    const shown = (await page()).body;
    const src = /<img class="branding-preview" src="([^"]+)"/.exec(shown)?.[1] as string;
    expect(src).toMatch(/^\/branding\/logo\?v=[0-9a-f]{16}$/);
    // Anyone may fetch it (the sign-in pages show it before anyone is signed in).
    const logo = await t.app.inject({ method: 'GET', url: src });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['x-content-type-options']).toBe('nosniff');
    expect(logo.headers['content-security-policy']).toBe(
      "default-src 'none'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; sandbox",
    );
    expect(logo.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(logo.rawPayload.equals(png)).toBe(true);
    const etag = String(logo.headers.etag);
    const again = await t.app.inject({
      method: 'GET',
      url: '/branding/logo',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.headers['cache-control']).toBe('no-cache');
    const [event] = await audit('org.logo_changed');
    expect(event?.actor).toBe(`admin:${admin.accountId}`);
    expect(event?.reason).toMatch(/^image\/png [0-9a-f]{16}$/);
  });

  it('refuses an SVG, a text file named .png and a logo too large, and keeps the logo it had', async () => {
    const before = await settings();
    for (const [file, code, status, message] of [
      [
        { name: 'logo.svg', type: 'image/svg+xml', bytes: svgLogo },
        'branding.logo_type',
        415,
        'Les SVG et les autres fichiers sont refusés.',
      ],
      [
        { name: 'logo.png', type: 'image/png', bytes: textNamedPng },
        'branding.logo_type',
        415,
        'n’est pas une image PNG, JPEG ou WebP',
      ],
      [
        { name: 'grand.png', type: 'image/png', bytes: oversizedPng() },
        'branding.logo_too_large',
        413,
        '256 Kio au plus',
      ],
    ] as const) {
      const refused = await upload(file);
      expect(refused.statusCode, file.name).toBe(status);
      expect(refused.body).toContain(`data-error-code="${code}"`);
      expect(refused.body).toContain(message);
    }
    // The upload's form carries the console's token like every other (G-29).
    const forged = await upload({ name: 'logo.png', type: 'image/png', bytes: discPng(8) }, 'x');
    expect(forged.statusCode).toBe(403);
    expect(await settings()).toEqual(before);
    expect((await audit('org.logo_changed')).length).toBe(1);
  });

  it('refuses a colour that is not #rrggbb, or too light for white text, and keeps the one it had', async () => {
    const before = await settings();
    for (const [colour, code] of [
      ['green', 'branding.colour_invalid'],
      ['#12345', 'branding.colour_invalid'],
      ['#ffff00', 'branding.colour_contrast'],
      // 4.48:1 against white: just under WCAG AA.
      ['#777777', 'branding.colour_contrast'],
    ] as const) {
      const refused = await post('colour', { colour });
      expect(refused.statusCode, colour).toBe(400);
      expect(refused.body).toContain(`data-error-code="${code}"`);
      // What was typed stays in the form, to be corrected.
      expect(refused.body).toContain(`value="${colour}"`);
    }
    expect((await post('colour', { colour: '#767676' })).statusCode).toBe(303);
    expect((await settings()).accent_colour).toBe('#767676');
    await post('colour', { colour: '#1b5e20' });
    expect(before.accent_colour).toBe('#1b5e20');
  });

  it('refuses a support contact that is not one, and stores none of it', async () => {
    const before = await settings();
    for (const [form, code] of [
      [{ email: 'pas une adresse', phone: '', url: '' }, 'branding.support_email_invalid'],
      [{ email: '', phone: '555-CAISSE', url: '' }, 'branding.support_phone_invalid'],
      [{ email: '', phone: '', url: 'javascript:alert(1)' }, 'branding.support_url_invalid'],
    ] as const) {
      const refused = await post('support', form);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain(`data-error-code="${code}"`);
    }
    expect(await settings()).toEqual(before);
  });

  it('takes the logo and the colour back to the defaults', async () => {
    expect((await post('logo/remove', {})).statusCode).toBe(303);
    expect((await post('colour', { colour: '' })).statusCode).toBe(303);
    const stored = await settings();
    expect(stored.org_logo_meta).toBeUndefined();
    expect(stored.org_logo_data).toBeUndefined();
    expect(stored.accent_colour).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/branding/logo' })).statusCode).toBe(404);
    const shown = (await page()).body;
    expect(shown).toContain('Aucun logo.');
    expect(shown).not.toContain('/branding/theme.css');
  });

  it('is in English when asked, complete', async () => {
    const english = await browser.get('/admin/organization?lang=en');
    const response = await browser.follow(english);
    expect(response.body).toContain('<h1>Organization</h1>');
    expect(response.body).toContain('Support contact');
    await browser.follow(await browser.get('/admin/organization?lang=fr'));
  });
});
