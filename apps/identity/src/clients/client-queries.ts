/**
 * The client applications of the database (migration 0017): plain queries. The secret is sealed
 * with the SecretBox under a purpose naming the client, so a sealed secret copied onto another
 * row does not open.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ClientApplicationTable, Database } from '../db/database.ts';
import type { SecretBox } from '../security/secret-box.ts';

export type ClientApplicationRow = Selectable<ClientApplicationTable>;

/** A stored application as the rest of Sesame sees it (never its secret). */
export interface ClientApplication {
  clientId: string;
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  twoFactorsRequired: boolean;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  secretChangedAt: number;
}

/** An application of the configuration (the portal, the console): listed, never changed here. */
export interface ConfiguredApplication {
  clientId: string;
  name: string;
  redirectUris: readonly string[];
  postLogoutRedirectUris?: readonly string[];
  twoFactorsRequired?: boolean;
}

/** What an administrator gives for an application (new or edited). */
export interface ClientApplicationInput {
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  twoFactorsRequired: boolean;
}

const secretPurpose = (clientId: string) => `client-secret:${clientId}`;

/** A new client id: 96 random bits, not guessable from another. */
export const makeClientId = () => `app-${randomBytes(12).toString('base64url')}`;
/** A new client secret: 256 random bits. */
export const makeClientSecret = () => randomBytes(32).toString('base64url');

export function toClientApplication(row: ClientApplicationRow): ClientApplication {
  return {
    clientId: row.client_id,
    name: row.name,
    redirectUris: JSON.parse(row.redirect_uris) as string[],
    postLogoutRedirectUris: JSON.parse(row.post_logout_redirect_uris) as string[],
    twoFactorsRequired: row.two_factors_required === 1,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    secretChangedAt: Number(row.secret_changed_at),
  };
}

export async function listClientApplications(db: Kysely<Database>): Promise<ClientApplication[]> {
  const rows = await db.selectFrom('client_applications').selectAll().orderBy('name').execute();
  return rows.map(toClientApplication);
}

export async function findClientApplicationRow(
  db: Kysely<Database>,
  clientId: string,
): Promise<ClientApplicationRow | undefined> {
  return db
    .selectFrom('client_applications')
    .selectAll()
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function findClientApplication(
  db: Kysely<Database>,
  clientId: string,
): Promise<ClientApplication | undefined> {
  const row = await findClientApplicationRow(db, clientId);
  return row === undefined ? undefined : toClientApplication(row);
}

export function openClientSecret(box: SecretBox, row: ClientApplicationRow): string {
  return box.open(row.secret_sealed, secretPurpose(row.client_id));
}

export async function insertClientApplication(
  db: Kysely<Database>,
  box: SecretBox,
  args: ClientApplicationInput & {
    clientId: string;
    secret: string;
    createdBy: string;
    nowMs: number;
  },
): Promise<void> {
  await db
    .insertInto('client_applications')
    .values({
      client_id: args.clientId,
      ...columnsOf(args),
      secret_sealed: box.seal(args.secret, secretPurpose(args.clientId)),
      created_by: args.createdBy,
      created_at: args.nowMs,
      updated_at: args.nowMs,
      secret_changed_at: args.nowMs,
    })
    .execute();
}

/** false: no such application. */
export async function updateClientApplication(
  db: Kysely<Database>,
  args: ClientApplicationInput & { clientId: string; nowMs: number },
): Promise<boolean> {
  const result = await db
    .updateTable('client_applications')
    .set({ ...columnsOf(args), updated_at: args.nowMs })
    .where('client_id', '=', args.clientId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The application's name; undefined: no such application. */
export async function replaceClientSecret(
  db: Kysely<Database>,
  box: SecretBox,
  args: { clientId: string; secret: string; nowMs: number },
): Promise<string | undefined> {
  const row = await db
    .updateTable('client_applications')
    .set({
      secret_sealed: box.seal(args.secret, secretPurpose(args.clientId)),
      secret_changed_at: args.nowMs,
      updated_at: args.nowMs,
    })
    .where('client_id', '=', args.clientId)
    .returning('name')
    .executeTakeFirst();
  return row?.name;
}

/** The application's name; undefined: no such application. */
export async function deleteClientApplication(
  db: Kysely<Database>,
  clientId: string,
): Promise<string | undefined> {
  const row = await db
    .deleteFrom('client_applications')
    .where('client_id', '=', clientId)
    .returning('name')
    .executeTakeFirst();
  return row?.name;
}

function columnsOf(input: ClientApplicationInput) {
  return {
    name: input.name,
    redirect_uris: JSON.stringify(input.redirectUris),
    post_logout_redirect_uris: JSON.stringify(input.postLogoutRedirectUris),
    two_factors_required: input.twoFactorsRequired ? 1 : 0,
  };
}
