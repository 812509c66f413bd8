/**
 * The organization's audit log in the console (issue 9 §1), for administrators only: filters by
 * account, type, time (UTC days) and outcome, pages of 100, and the same filters exported as CSV
 * or JSON Lines (at most `exportLimit` events, newest first).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type Static, Type } from 'typebox';
import { canonicalizeIdentifier } from '../accounts/canonical-identifier.ts';
import { findAccountByIdentifier, findUsernamesByIds } from '../accounts/queries.ts';
import { csvHeader, csvRow, exportLine, jsonLine } from '../audit/format-audit-export.ts';
import type { AuditRecord } from '../audit/record-audit-event.ts';
import { type AuditFilter, searchAuditEvents } from '../audit/search-audit-events.ts';
import { pageBase, sendPage } from '../ui/render-page.ts';
import { AuditLogPage } from './audit-log-page.tsx';
import { actorUsernames } from './console-queries.ts';
import type { ConsoleOptions } from './console-routes.tsx';

const day = '^\\d{4}-\\d{2}-\\d{2}$';
const AuditQuery = Type.Object({
  account: Type.Optional(Type.String({ maxLength: 254 })),
  type: Type.Optional(Type.String({ maxLength: 64, pattern: '^[a-z_.]*$' })),
  from: Type.Optional(Type.Union([Type.Literal(''), Type.String({ pattern: day })])),
  to: Type.Optional(Type.Union([Type.Literal(''), Type.String({ pattern: day })])),
  outcome: Type.Optional(
    Type.Union([Type.Literal(''), Type.Literal('success'), Type.Literal('failure')]),
  ),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
});
type AuditQueryString = Static<typeof AuditQuery>;

const pageSize = 100;
export const exportLimit = 50_000;
const dayMs = 24 * 3600 * 1000;

/** The filter the query asks for; `unknownAccount` when it names no account. */
async function filterOf(options: ConsoleOptions, query: AuditQueryString, limit: number) {
  const account = query.account?.trim() ?? '';
  const found =
    account === ''
      ? undefined
      : await findAccountByIdentifier(options.db, canonicalizeIdentifier(account));
  const filter: AuditFilter = {
    accountId: account === '' ? undefined : (found?.id ?? ''),
    type: query.type || undefined,
    fromMs: query.from ? Date.parse(`${query.from}T00:00:00Z`) : undefined,
    // The day named is included: up to the start of the next.
    toMs: query.to ? Date.parse(`${query.to}T00:00:00Z`) + dayMs : undefined,
    outcome: query.outcome || undefined,
    beforeId: query.before,
    limit,
  };
  return { filter, unknownAccount: account !== '' && found === undefined };
}

/** The same filters as a query string, without the page. */
function filtersOf(query: AuditQueryString): string {
  const { before: _page, ...filters } = query;
  return new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
}

async function usernamesOf(options: ConsoleOptions, events: AuditRecord[]) {
  const ids = [...new Set(events.flatMap((event) => event.account_id ?? []))];
  return findUsernamesByIds(options.db, ids);
}

export async function auditLogRoutes(app: FastifyInstance, options: ConsoleOptions) {
  app.get<{ Querystring: AuditQueryString }>(
    '/admin/audit',
    { schema: { querystring: AuditQuery } },
    async (request, reply) => {
      const { filter, unknownAccount } = await filterOf(options, request.query, pageSize);
      const events = await searchAuditEvents(options.db, filter);
      const last = events.at(-1);
      return sendPage(
        reply,
        <AuditLogPage
          {...pageBase(request)}
          admin={request.admin}
          query={{ ...request.query, outcome: request.query.outcome || undefined }}
          events={events}
          usernames={await usernamesOf(options, events)}
          actors={await actorUsernames(options.db, events)}
          filters={filtersOf(request.query)}
          nextBeforeId={events.length === pageSize && last ? Number(last.id) : undefined}
          unknownAccount={unknownAccount}
        />,
      );
    },
  );

  const exporter =
    (format: 'csv' | 'jsonl') =>
    async (request: { query: AuditQueryString }, reply: FastifyReply) => {
      const { filter } = await filterOf(options, request.query, exportLimit);
      const events = await searchAuditEvents(options.db, filter);
      const usernames = await usernamesOf(options, events);
      const lines = events.map((event) => exportLine(event, usernames));
      const body =
        format === 'csv' ? csvHeader() + lines.map(csvRow).join('') : lines.map(jsonLine).join('');
      const stamp = new Date(options.now()).toISOString().slice(0, 10);
      return reply
        .header(
          'content-type',
          format === 'csv' ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8',
        )
        .header('content-disposition', `attachment; filename="sesame-audit-${stamp}.${format}"`)
        .header('cache-control', 'no-store')
        .send(body);
    };
  for (const format of ['csv', 'jsonl'] as const)
    app.get<{ Querystring: AuditQueryString }>(
      `/admin/audit/export.${format}`,
      { schema: { querystring: AuditQuery } },
      exporter(format),
    );
}
