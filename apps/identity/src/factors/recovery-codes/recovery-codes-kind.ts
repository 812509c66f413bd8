/** The method's registry key, stored as `authenticators.kind` (named nowhere outside this folder). */
export const recoveryCodesKind = 'recovery_codes';
