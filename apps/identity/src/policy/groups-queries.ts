/**
 * Groups of accounts (issue 9): named (unique as compared, in any case or width), described, and
 * possibly chosen by the MFA policy (`requires_mfa`). Their changes go through the group
 * operations (accounts/operations/*-group*.ts), each with its audit record.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { canonicalizeIdentifier } from '../accounts/canonical-identifier.ts';
import type { Database, GroupTable } from '../db/database.ts';

export type Group = Selectable<GroupTable>;

export interface GroupSummary {
  id: string;
  name: string;
  description: string;
  requiresMfa: boolean;
  members: number;
  createdAt: number;
}

export interface GroupMember {
  accountId: string;
  username: string;
  name: string;
}

/** The name as compared: the identifiers' canonical form (case and width folded). */
export function canonicalGroupName(name: string): string {
  return canonicalizeIdentifier(name.trim());
}

export async function listGroups(db: Kysely<Database>): Promise<GroupSummary[]> {
  const rows = await db
    .selectFrom('groups')
    .leftJoin('group_members', 'group_members.group_id', 'groups.id')
    .select(['groups.id', 'groups.name', 'groups.description', 'groups.requires_mfa'])
    .select('groups.created_at')
    .select((eb) => eb.fn.count<string>('group_members.account_id').as('members'))
    .groupBy(['groups.id', 'groups.name', 'groups.description', 'groups.requires_mfa'])
    .groupBy('groups.created_at')
    .orderBy('groups.canonical_name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    requiresMfa: row.requires_mfa === 1,
    members: Number(row.members),
    createdAt: Number(row.created_at),
  }));
}

/** A group by its id or by its name (in any case). */
export async function findGroup(
  db: Kysely<Database>,
  idOrName: string,
): Promise<Group | undefined> {
  return db
    .selectFrom('groups')
    .selectAll()
    .where((eb) =>
      eb.or([eb('id', '=', idOrName), eb('canonical_name', '=', canonicalGroupName(idOrName))]),
    )
    .executeTakeFirst();
}

export async function isGroupNameTaken(
  db: Kysely<Database>,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('groups')
    .select('id')
    .where('canonical_name', '=', canonicalGroupName(name));
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertGroup(
  db: Kysely<Database>,
  group: { name: string; description: string; nowMs: number },
): Promise<Group> {
  const row = {
    id: randomUUID(),
    name: group.name.trim(),
    canonical_name: canonicalGroupName(group.name),
    description: group.description.trim(),
    requires_mfa: 0,
    created_at: group.nowMs,
  };
  await db.insertInto('groups').values(row).execute();
  return row;
}

export async function updateGroup(
  db: Kysely<Database>,
  id: string,
  change: { name: string; description: string },
): Promise<void> {
  await db
    .updateTable('groups')
    .set({
      name: change.name.trim(),
      canonical_name: canonicalGroupName(change.name),
      description: change.description.trim(),
    })
    .where('id', '=', id)
    .execute();
}

/** Delete a group and its memberships (by the foreign key's cascade); whether it existed. */
export async function deleteGroup(db: Kysely<Database>, id: string): Promise<boolean> {
  await db.deleteFrom('group_members').where('group_id', '=', id).execute();
  const result = await db.deleteFrom('groups').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Add an account to a group; whether it was not a member yet. */
export async function addGroupMember(
  db: Kysely<Database>,
  groupId: string,
  accountId: string,
  nowMs: number,
): Promise<boolean> {
  const result = await db
    .insertInto('group_members')
    .values({ group_id: groupId, account_id: accountId, added_at: nowMs })
    .onConflict((oc) => oc.columns(['group_id', 'account_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Remove an account from a group; whether it was a member. */
export async function removeGroupMember(
  db: Kysely<Database>,
  groupId: string,
  accountId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('group_members')
    .where('group_id', '=', groupId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listGroupMembers(
  db: Kysely<Database>,
  groupId: string,
): Promise<GroupMember[]> {
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('accounts', 'accounts.id', 'group_members.account_id')
    .select(['accounts.id', 'accounts.username', 'accounts.name'])
    .where('group_members.group_id', '=', groupId)
    .orderBy('accounts.username')
    .execute();
  return rows.map((row) => ({ accountId: row.id, username: row.username, name: row.name }));
}

/** The groups the policy "for members of chosen groups" chooses: exactly these ids. */
export async function setGroupsRequiringMfa(db: Kysely<Database>, ids: string[]): Promise<void> {
  await db.updateTable('groups').set({ requires_mfa: 0 }).where('requires_mfa', '=', 1).execute();
  if (ids.length > 0)
    await db.updateTable('groups').set({ requires_mfa: 1 }).where('id', 'in', ids).execute();
}

/** The accounts that a group chosen by the MFA policy holds (for `sesame users list`). */
export async function listAccountsInMfaGroups(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select('group_members.account_id')
    .where('groups.requires_mfa', '=', 1)
    .distinct()
    .execute();
  return new Set(rows.map((row) => row.account_id));
}
