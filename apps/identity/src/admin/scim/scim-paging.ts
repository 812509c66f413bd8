/** SCIM's paging (RFC 7644 §3.4.2.4): `startIndex` from 1, `count` up to 200 (100 unless told). */
export function scimPaging(query: { startIndex?: string; count?: string }) {
  const startIndex = Math.max(1, Number.parseInt(query.startIndex ?? '1', 10) || 1);
  const count = Math.min(200, Math.max(0, Number.parseInt(query.count ?? '100', 10) || 0));
  return { startIndex, count };
}
