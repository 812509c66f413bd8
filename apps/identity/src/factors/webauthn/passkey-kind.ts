/** The passkey method's registry kind (`authenticators.kind`), named only in this folder. */
export const passkeyKind = 'passkey';
