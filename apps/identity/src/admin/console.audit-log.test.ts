/**
 * The console's audit log (issue 9 §1) over HTTP on both backends: filters by account, type (or
 * its start), UTC days and outcome; pages; the same filters exported as CSV (a spreadsheet never
 * runs a cell as a formula) and as JSON Lines. The help desk is refused it (the route walk of
 * console.every-route-guarded.test.ts holds that for every route).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserSession } from '../../test/browser-session.ts';
import { buildTestApp, type TestApp, testBackends } from '../../test/build-test-app.ts';
import { consoleUser, signInToConsole } from '../../test/console-kit.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';

const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

describe.each(testBackends())('the console’s audit log (%s)', (backend) => {
  let t: TestApp;
  let console: BrowserSession;
  let marieId: string;
  let adminId: string;
  beforeEach(async () => {
    t = await buildTestApp(backend, {}, { orgMfaRequired: false });
    const admin = await consoleUser(t, 'ariane', 'admin');
    adminId = admin.accountId;
    console = (await signInToConsole(t, admin)).browser;
    marieId = await t.createUser({ username: 'marie', password: 'rue Saint-Paul 1642 Montréal' });
    const events = [
      { type: 'sign_in.failed', at: '2026-11-02', reason: 'wrong_password' },
      { type: 'sign_in.succeeded', at: '2026-11-03' },
      { type: 'account.locked', at: '2026-11-04', reason: '=HYPERLINK("http://evil")' },
    ] as const;
    for (const event of events)
      await recordAuditEvent(
        t.db,
        {
          type: event.type,
          accountId: marieId,
          ip: '203.0.113.9',
          reason: 'reason' in event ? event.reason : null,
          actor: event.type === 'account.locked' ? `admin:${adminId}` : null,
        },
        day(event.at),
      );
  });
  afterEach(() => t.close());

  const listed = async (query: string) => {
    const page = await console.get(`/admin/audit?${query}`);
    expect(page.statusCode, query).toBe(200);
    return [...page.body.matchAll(/<code>([a-z_.]+)<\/code>/g)].map((m) => m[1]);
  };

  it('filters by account, type, days and outcome', async () => {
    expect(await listed('account=MARIE')).toEqual([
      'account.locked',
      'sign_in.succeeded',
      'sign_in.failed',
    ]);
    expect(await listed('account=marie&type=sign_in.')).toEqual([
      'sign_in.succeeded',
      'sign_in.failed',
    ]);
    expect(await listed('account=marie&from=2026-11-03&to=2026-11-03')).toEqual([
      'sign_in.succeeded',
    ]);
    expect(await listed('account=marie&outcome=failure')).toEqual(['sign_in.failed']);
    expect(await listed('account=nobody')).toEqual([]);
    // Who acted is named by username.
    expect((await console.get('/admin/audit?type=account.locked')).body).toContain('admin:ariane');
  });

  it('refuses a filter that is not one, clearly', async () => {
    for (const query of ['from=yesterday', 'type=%25', 'outcome=maybe', 'before=-1']) {
      const page = await console.get(`/admin/audit?${query}`);
      expect(page.statusCode, query).toBe(400);
    }
  });

  it('exports the filtered events as CSV, formulas defused', async () => {
    const csv = await console.get('/admin/audit/export.csv?account=marie&type=account.locked');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(csv.headers['content-disposition'])).toMatch(
      /^attachment; filename="sesame-audit-/,
    );
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe(
      'id,occurred_at,type,outcome,account_id,username,actor,client_id,ip,user_agent,reason,request_id',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`2026-11-04T12:00:00.000Z,account.locked,success,${marieId},marie`);
    // The reason began with `=`: quoted, and prefixed so that it is text.
    expect(lines[1]).toContain('"\'=HYPERLINK(""http://evil"")"');
  });

  it('exports the filtered events as JSON Lines', async () => {
    const jsonl = await console.get('/admin/audit/export.jsonl?account=marie&outcome=success');
    expect(jsonl.statusCode).toBe(200);
    const lines = jsonl.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.type)).toEqual(['account.locked', 'sign_in.succeeded']);
    expect(lines[0]).toMatchObject({ username: 'marie', ip: '203.0.113.9', outcome: 'success' });
  });
});
