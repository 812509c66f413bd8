/**
 * A Sesame account as a SCIM 2.0 User (RFC 7643 §4.1): `userName` is the username, `active` is
 * "not locked", `name.formatted` and `displayName` the name, `emails` the one address; its
 * `meta.version` (the ETag) changes with any of them.
 */
import { createHash } from 'node:crypto';
import type { AccountRow } from '../console-queries.ts';

export const userSchema = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const listSchema = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const patchSchema = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const errorSchema = 'urn:ietf:params:scim:api:messages:2.0:Error';

export interface ScimUser {
  schemas: string[];
  id: string;
  userName: string;
  name: { formatted: string };
  displayName: string;
  emails: Array<{ value: string; primary: boolean }>;
  active: boolean;
  meta: {
    resourceType: 'User';
    created: string;
    lastModified: string;
    location: string;
    version: string;
  };
}

/** The version: of what the resource says, so that any change to it makes another. */
export function etagOf(row: AccountRow): string {
  const said = JSON.stringify([
    row.username,
    row.name,
    row.email,
    row.locked,
    Number(row.updated_at),
  ]);
  return `W/"${createHash('sha256').update(said).digest('base64url').slice(0, 22)}"`;
}

export function toScimUser(row: AccountRow, baseUrl: string): ScimUser {
  return {
    schemas: [userSchema],
    id: row.id,
    userName: row.username,
    name: { formatted: row.name },
    displayName: row.name,
    emails: row.email === null ? [] : [{ value: row.email, primary: true }],
    active: row.locked !== 1,
    meta: {
      resourceType: 'User',
      created: new Date(Number(row.created_at)).toISOString(),
      lastModified: new Date(Number(row.updated_at)).toISOString(),
      location: `${baseUrl}/Users/${row.id}`,
      version: etagOf(row),
    },
  };
}
