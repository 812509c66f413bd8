/** Sesame Verify's registry key (`authenticators.kind`), used only inside this folder. */
export const sesameVerifyKind = 'sesame-verify';
