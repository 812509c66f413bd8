/**
 * The SCIM filters Sesame answers (RFC 7644 §3.4.2.2): `userName eq "…"` and `emails.value eq
 * "…"` (also `emails eq`), the ones provisioning clients send to find an account before creating
 * it. Anything else is refused as `invalidFilter`, never half-understood.
 */
export type ScimFilter = { attribute: 'userName' | 'email'; value: string };

export function parseScimFilter(filter: string): ScimFilter | undefined {
  const match = /^\s*([A-Za-z.]+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  if (match === null) return undefined;
  const attribute = (match[1] ?? '').toLowerCase();
  const value = (match[2] ?? '').replace(/\\(.)/g, '$1');
  // Attribute names are case-insensitive (RFC 7643 §2.1).
  if (attribute === 'username') return { attribute: 'userName', value };
  if (attribute === 'emails' || attribute === 'emails.value') return { attribute: 'email', value };
  return undefined;
}
