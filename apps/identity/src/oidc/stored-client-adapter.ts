/**
 * oidc-provider's adapter for model `Client`: the applications registered in the database
 * (clients/, migration 0017). oidc-provider asks it at every use of a client id that is not in
 * its configuration — each authorization request, token request, end-session — and keeps the
 * client it builds under a hash of what `find` returned, so a changed row is a new client at
 * once, on every node, with no cache of ours to invalidate (ADR 0012). Nothing is written here:
 * applications change through their operations (clients/operations/), never through the provider.
 */
import type { Kysely } from 'kysely';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import {
  findClientApplicationRow,
  openClientSecret,
  toClientApplication,
} from '../clients/client-queries.ts';
import type { Database } from '../db/database.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { clientMetadata } from './client-metadata.ts';

export function createStoredClientAdapter(db: Kysely<Database>, box: SecretBox): Adapter {
  const readOnly = async () => {
    throw new Error('client applications change through clients/operations/, not the provider');
  };
  return {
    async find(id) {
      const row = await findClientApplicationRow(db, id);
      if (row === undefined) return undefined;
      const application = toClientApplication(row);
      return clientMetadata({
        ...application,
        clientSecret: openClientSecret(box, row),
      }) as AdapterPayload;
    },
    upsert: readOnly,
    consume: readOnly,
    destroy: readOnly,
    revokeByGrantId: readOnly,
    findByUid: async () => undefined,
    findByUserCode: async () => undefined,
  };
}
