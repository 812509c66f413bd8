/**
 * The security page's recent sign-ins and changes, from the audit trail: when, what, the
 * application signed in to (its name), the browser and system (from the user agent), the IP, the
 * method used (its registry title: no method is named here) and whether it passed.
 */
import type { AuditRecord } from '../audit/record-audit-event.ts';
import { factorOfKind } from '../factors/index.ts';
import { describeUserAgent } from '../factors/push/describe-user-agent.ts';
import type { MessageKey, Translate } from '../ui/i18n/messages.ts';
import type { ActivityLine } from './security-sections.tsx';

/** The method a sign-in event tells of, when it tells of one. */
function methodOf(event: AuditRecord, t: Translate): string | null {
  switch (event.type) {
    // « Mot de passe accepté » says it already.
    case 'sign_in.failed':
      return t('account.activity.byPassword');
    case 'sign_in.second_factor_succeeded': {
      // Its reason is the method's registry kind.
      const factor = factorOfKind(event.reason ?? '');
      return factor === undefined ? null : t(factor.title);
    }
    default:
      return null;
  }
}

export async function recentActivity(
  events: AuditRecord[],
  names: Record<string, MessageKey>,
  t: Translate,
  clientName: (clientId: string) => Promise<string | null>,
  limit = 15,
): Promise<ActivityLine[]> {
  const shown = events.filter((event) => names[event.type] !== undefined).slice(0, limit);
  const clients = new Map<string, string | null>();
  for (const id of new Set(shown.flatMap((e) => (e.client_id === null ? [] : [e.client_id]))))
    clients.set(id, await clientName(id));
  return shown.map((event) => {
    const device = describeUserAgent(event.user_agent);
    return {
      id: event.id,
      at: event.occurred_at,
      ip: event.ip,
      what: t(names[event.type] as MessageKey),
      application: event.client_id === null ? null : (clients.get(event.client_id) ?? null),
      browser: device.browser,
      system: device.system,
      method: methodOf(event, t),
      ok: !event.type.endsWith('_failed') && !event.type.endsWith('.failed'),
    };
  });
}
