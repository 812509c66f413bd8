/**
 * The SCIM filters Sesame answers (RFC 7644 §3.4.2.2): `userName eq "…"` and `emails.value eq
 * "…"` (also `emails eq`), the ones provisioning clients send to find an account before creating
 * it. Anything else is refused as `invalidFilter`, never half-understood.
 */
export type ScimFilter = { attribute: 'userName' | 'email'; value: string };

/** `<attribute> eq "<value>"`, the attribute in lower case (case-insensitive, RFC 7643 §2.1). */
export function parseScimEq(filter: string): { attribute: string; value: string } | undefined {
  const match = /^\s*([A-Za-z.]+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  if (match === null) return undefined;
  return {
    attribute: (match[1] ?? '').toLowerCase(),
    value: (match[2] ?? '').replace(/\\(.)/g, '$1'),
  };
}

export function parseScimFilter(filter: string): ScimFilter | undefined {
  const eq = parseScimEq(filter);
  if (eq === undefined) return undefined;
  const { attribute, value } = eq;
  if (attribute === 'username') return { attribute: 'userName', value };
  if (attribute === 'emails' || attribute === 'emails.value') return { attribute: 'email', value };
  return undefined;
}
