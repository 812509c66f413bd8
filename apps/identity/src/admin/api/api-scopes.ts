/** What an admin API token may do (issue 9 §2): each route names the one scope it needs. */
export const apiScopes = ['users:read', 'users:manage', 'policy:manage', 'clients:manage'] as const;
export type ApiScope = (typeof apiScopes)[number];

export function isApiScope(value: string): value is ApiScope {
  return (apiScopes as readonly string[]).includes(value);
}
